-- 010_tests.sql - jobs and their reusable tests (fcgi-app/store_job.c, store_test.c): a test
-- has versions; a candidate is invited to one version and its questions are copied into
-- candidate_question, so the session, the judge and the reports read what they always read.
-- Questions in the shared bank record their author and are archived, not deleted, once used.

ALTER TABLE jobs
    ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
    -- a job with candidates is archived by DELETE: its results stay
    ADD COLUMN archived_at timestamptz,
    -- the one job that holds the tests POST /api/admin/candidates makes with question_ids
    ADD COLUMN one_off boolean NOT NULL DEFAULT false;
CREATE UNIQUE INDEX jobs_one_off ON jobs (one_off) WHERE one_off;

-- who works on a job, and as what
CREATE TABLE job_member (
    job_id          integer NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    admin_id        integer NOT NULL REFERENCES recruiter_admin(id) ON DELETE CASCADE,
    role            text NOT NULL CHECK (role IN ('recruiter', 'reviewer')),
    PRIMARY KEY (job_id, admin_id)
);

CREATE TABLE test (
    id              serial PRIMARY KEY,
    job_id          integer NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    title           text NOT NULL,
    created_by      integer REFERENCES recruiter_admin(id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX test_job ON test (job_id);

-- what a test is at one time; the highest version is the current one
CREATE TABLE test_version (
    id              serial PRIMARY KEY,
    test_id         integer NOT NULL REFERENCES test(id) ON DELETE CASCADE,
    version         integer NOT NULL CHECK (version > 0),
    duration_minutes integer NOT NULL DEFAULT 60 CHECK (duration_minutes BETWEEN 1 AND 1440),
    -- the order of common/lang.c
    languages       jsonb NOT NULL DEFAULT '["python", "java", "cpp", "c", "javascript", "csharp"]'
                    CHECK (jsonb_typeof(languages) = 'array'),
    instructions    text NOT NULL DEFAULT '',
    -- the invitation links start a session only inside this window (NULL: open on that side)
    window_from     timestamptz,
    window_until    timestamptz,
    created_by      integer REFERENCES recruiter_admin(id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (test_id, version),
    CHECK (window_from IS NULL OR window_until IS NULL OR window_from < window_until)
);

-- A question's points in a test scale its score: a candidate's best score on it counts as
-- best / question_max_score * points.  NULL points: the question's own maximum.
CREATE TABLE test_version_question (
    version_id      integer NOT NULL REFERENCES test_version(id) ON DELETE CASCADE,
    -- no cascade: a question in a test is archived, never deleted
    question_id     integer NOT NULL REFERENCES coding_question_bank(id),
    position        integer NOT NULL,
    points          double precision CHECK (points IS NULL OR points > 0),
    PRIMARY KEY (version_id, question_id)
);
CREATE INDEX test_version_question_question ON test_version_question (question_id);

-- the version a candidate was invited to (NULL for those invited before tests existed)
ALTER TABLE candidate ADD COLUMN test_version_id integer REFERENCES test_version(id) ON DELETE SET NULL;
CREATE INDEX candidate_test_version ON candidate (test_version_id);
CREATE INDEX candidate_job ON candidate (job_id);
-- the points of the version, copied with its questions at the invitation
ALTER TABLE candidate_question ADD COLUMN points double precision CHECK (points IS NULL OR points > 0);
CREATE INDEX candidate_question_question ON candidate_question (question_id);

ALTER TABLE coding_question_bank
    ADD COLUMN created_by integer REFERENCES recruiter_admin(id) ON DELETE SET NULL,
    -- hidden from the bank list and from new tests; kept for the tests and candidates that have it
    ADD COLUMN archived_at timestamptz;

-- A question's score in a candidate's test: the best submission scaled to the test's points.
CREATE FUNCTION test_question_score(best double precision, qmax double precision,
                                    points double precision) RETURNS double precision
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN points IS NULL THEN COALESCE(best, 0)
                WHEN qmax > 0 THEN COALESCE(best, 0) / qmax * points ELSE 0 END
$$;

-- A time the client sent, or NULL when PostgreSQL cannot read it (checked before it is stored).
CREATE FUNCTION ce_timestamptz(t text) RETURNS timestamptz
    LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN t::timestamptz;
EXCEPTION WHEN others THEN
    RETURN NULL;
END
$$;
