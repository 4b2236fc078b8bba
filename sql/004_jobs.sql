-- 004_jobs.sql - every execution is a job, stored before it runs; judge hosts claim them
-- (fcgi-app/queue.c: FOR UPDATE SKIP LOCKED to claim, LISTEN/NOTIFY to wake, leases to recover)

-- a judge host (bin/ce-worker): its slots and its heartbeat
CREATE TABLE judge_host (
    id              serial PRIMARY KEY,
    name            text NOT NULL,
    slots           integer NOT NULL CHECK (slots > 0),
    version         text NOT NULL DEFAULT '',
    languages       text NOT NULL DEFAULT '',
    started_at      timestamptz NOT NULL DEFAULT now(),
    heartbeat_at    timestamptz NOT NULL DEFAULT now(),
    draining        boolean NOT NULL DEFAULT false
);

CREATE TABLE job (
    id              bigserial PRIMARY KEY,
    -- submit, run (a candidate's), check (the recruiter's), execute (the API's)
    kind            text NOT NULL CHECK (kind IN ('submit', 'run', 'check', 'execute')),
    -- whose turn it is: 'session:<candidate>', 'admin:<id>', 'client:<address>'
    owner           text NOT NULL,
    priority        smallint NOT NULL,
    request         text NOT NULL,          -- the judge's request (SPEC section 3), JSON text
    state           text NOT NULL DEFAULT 'queued'
                    CHECK (state IN ('queued', 'running', 'done', 'failed')),
    attempts        integer NOT NULL DEFAULT 0,
    lease_until     timestamptz,
    host_id         integer REFERENCES judge_host(id) ON DELETE SET NULL,
    slot            integer,
    invalid         boolean NOT NULL DEFAULT false, -- the judge refused the request
    result          text,                   -- the judge's answer, JSON text
    error           text,                   -- why it failed (for logs and the operator)
    created_at      timestamptz NOT NULL DEFAULT now(),
    started_at      timestamptz,
    finished_at     timestamptz
);
CREATE INDEX job_waiting ON job (priority, id) WHERE state = 'queued';
CREATE INDEX job_running ON job (owner) WHERE state = 'running';
CREATE INDEX job_leases ON job (lease_until) WHERE state = 'running';
