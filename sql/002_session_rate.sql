-- 002_session_rate.sql - per-session token buckets for the candidate's writes
-- (heartbeat, activity, progress; fcgi-app/api_session.c sets burst and refill)
CREATE TABLE session_rate (
    candidate_id    uuid NOT NULL REFERENCES candidate(candidate_id) ON DELETE CASCADE,
    kind            text NOT NULL,
    tokens          double precision NOT NULL,
    at              timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (candidate_id, kind)
);
