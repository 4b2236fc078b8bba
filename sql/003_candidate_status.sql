-- 003_candidate_status.sql - a candidate's status is derived, never stored twice:
-- 'invited' until a test_session exists, then the session's status (fcgi-app/store_candidate.c)
ALTER TABLE candidate DROP COLUMN status;
