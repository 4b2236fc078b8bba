-- 005_job_context.sql - what a job's host does with its answer besides storing it: a
-- candidate's submit names its stored submission and its tests (fcgi-app/grade.c), so the
-- host completes the submission in place even when no one waits for it any more
ALTER TABLE job ADD COLUMN context text;
