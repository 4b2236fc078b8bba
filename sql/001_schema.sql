-- 001_schema.sql - the seeds' tables, with one source of truth for test cases.
--
-- Test cases live only in test_cases (one row per test); the seeds' JSONB
-- copies in coding_question_bank (test_cases, sample_test_cases) are not kept,
-- so an edit can never leave two versions of a test.  Tokens and passwords
-- are stored only as hashes.

CREATE TABLE recruiter_admin (
    id              serial PRIMARY KEY,
    username        text NOT NULL UNIQUE,
    password_hash   text NOT NULL,
    name            text NOT NULL DEFAULT '',
    email           text NOT NULL DEFAULT '',
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE admin_token (
    token_hash      bytea PRIMARY KEY,
    admin_id        integer NOT NULL REFERENCES recruiter_admin(id) ON DELETE CASCADE,
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL
);

CREATE TABLE jobs (
    id              serial PRIMARY KEY,
    title           text NOT NULL,
    description     text NOT NULL DEFAULT '',
    created_by      integer REFERENCES recruiter_admin(id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE coding_question_bank (
    id              serial PRIMARY KEY,
    uuid            uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
    slug            text UNIQUE,
    title           text NOT NULL,
    question        text NOT NULL,
    difficulty      text NOT NULL CHECK (difficulty IN ('easy', 'medium', 'hard')),
    tags            jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(tags) = 'array'),
    boiler_plate    jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(boiler_plate) = 'object'),
    time_limit_ms   integer NOT NULL DEFAULT 2000 CHECK (time_limit_ms BETWEEN 100 AND 30000),
    memory_limit_mb integer NOT NULL DEFAULT 256 CHECK (memory_limit_mb BETWEEN 32 AND 2048),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE test_cases (
    id              serial PRIMARY KEY,
    question_id     integer NOT NULL REFERENCES coding_question_bank(id) ON DELETE CASCADE,
    input_data      text NOT NULL DEFAULT '',
    expected_output text NOT NULL,
    is_sample       boolean NOT NULL DEFAULT false,
    points          integer NOT NULL DEFAULT 1 CHECK (points >= 0),
    test_order      integer NOT NULL
);
CREATE INDEX test_cases_question ON test_cases (question_id, test_order);

CREATE TABLE candidate (
    id                    serial PRIMARY KEY,
    candidate_id          uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
    name                  text NOT NULL,
    email                 text NOT NULL DEFAULT '',
    phone                 text NOT NULL DEFAULT '',
    status                text NOT NULL DEFAULT 'invited'
                          CHECK (status IN ('invited', 'active', 'completed', 'abandoned')),
    job_id                integer REFERENCES jobs(id) ON DELETE SET NULL,
    invite_token_hash     bytea UNIQUE,
    test_duration_minutes integer NOT NULL DEFAULT 60 CHECK (test_duration_minutes BETWEEN 1 AND 1440),
    created_at            timestamptz NOT NULL DEFAULT now()
);

-- the questions of a candidate's test, in order
CREATE TABLE candidate_question (
    candidate_id    uuid NOT NULL REFERENCES candidate(candidate_id) ON DELETE CASCADE,
    question_id     integer NOT NULL REFERENCES coding_question_bank(id) ON DELETE CASCADE,
    position        integer NOT NULL,
    PRIMARY KEY (candidate_id, question_id)
);

CREATE TABLE recruiter_admin_candidate (
    admin_id        integer NOT NULL REFERENCES recruiter_admin(id) ON DELETE CASCADE,
    candidate_id    uuid NOT NULL REFERENCES candidate(candidate_id) ON DELETE CASCADE,
    PRIMARY KEY (admin_id, candidate_id)
);

CREATE TABLE test_session (
    candidate_id          uuid PRIMARY KEY REFERENCES candidate(candidate_id) ON DELETE CASCADE,
    session_token_hash    bytea UNIQUE,
    test_start_time       timestamptz NOT NULL DEFAULT now(),
    test_duration_minutes integer NOT NULL,
    ends_at               timestamptz NOT NULL,
    last_heartbeat        timestamptz,
    last_activity         timestamptz,
    tab_closed_at         timestamptz,
    status                text NOT NULL DEFAULT 'active'
                          CHECK (status IN ('active', 'completed', 'abandoned')),
    completion_method     text CHECK (completion_method IN
                          ('manual', 'tab_close', 'timer_expired', 'heartbeat_timeout', 'auto')),
    completed_at          timestamptz,
    sections_completed    jsonb NOT NULL DEFAULT '[]',
    pending_answers       jsonb NOT NULL DEFAULT '{}',
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX test_session_active ON test_session (status) WHERE status = 'active';

-- what happened in a session, for the recruiter's timeline
CREATE TABLE session_event (
    id              bigserial PRIMARY KEY,
    candidate_id    uuid NOT NULL REFERENCES candidate(candidate_id) ON DELETE CASCADE,
    kind            text NOT NULL,
    at              timestamptz NOT NULL DEFAULT now(),
    detail          jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX session_event_candidate ON session_event (candidate_id, at);

CREATE TABLE interview_coding (
    id              serial PRIMARY KEY,
    submission_id   uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
    candidate_id    uuid NOT NULL REFERENCES candidate(candidate_id) ON DELETE CASCADE,
    question_id     integer NOT NULL REFERENCES coding_question_bank(id) ON DELETE CASCADE,
    language        text NOT NULL,
    code            text NOT NULL,
    status          text NOT NULL,
    passed          integer NOT NULL,
    total           integer NOT NULL,
    score           integer NOT NULL,
    max_score       integer NOT NULL,
    result          jsonb NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX interview_coding_candidate ON interview_coding (candidate_id, question_id, created_at);
