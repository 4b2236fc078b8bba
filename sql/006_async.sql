-- 006_async.sql - executions followed after the request that made them: a job's public
-- token, its progress and its callback; one execution at a time per
-- candidate session; webhook deliveries (fcgi-app/queue.c, fcgi-app/webhook.c)

-- what a client holds to follow an execution (GET /api/executions/:token, Judge0's token):
-- random, so one client cannot guess another's
ALTER TABLE job ADD COLUMN token uuid NOT NULL DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX job_token ON job (token);
-- where a running job is: 'compiling', or 'test k/n'
ALTER TABLE job ADD COLUMN progress text;
-- who is told when the job ends: {"url", "method", "format"} as JSON text, or NULL
ALTER TABLE job ADD COLUMN callback text;
-- a queued run replaced by its session's submit
ALTER TABLE job DROP CONSTRAINT job_state_check;
ALTER TABLE job ADD CONSTRAINT job_state_check
    CHECK (state IN ('queued', 'running', 'done', 'failed', 'cancelled'));
-- a candidate session has at most one execution queued or running
CREATE UNIQUE INDEX job_one_per_session ON job (owner)
    WHERE state IN ('queued', 'running') AND kind IN ('run', 'submit');
CREATE INDEX job_owner_waiting ON job (owner) WHERE state = 'queued';

-- a call to a job's callback_url when it ended: stored, then sent and retried by the judge hosts
CREATE TABLE webhook_delivery (
    id              bigserial PRIMARY KEY,
    job_id          bigint NOT NULL REFERENCES job(id) ON DELETE CASCADE,
    delivery        uuid NOT NULL DEFAULT gen_random_uuid(),    -- X-CE-Delivery
    url             text NOT NULL,
    method          text NOT NULL DEFAULT 'POST' CHECK (method IN ('POST', 'PUT')),
    body            text NOT NULL,
    state           text NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts        integer NOT NULL DEFAULT 0,
    next_at         timestamptz NOT NULL DEFAULT now(),        -- when the next attempt is due
    last_status     integer,                                   -- HTTP status of the last attempt
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    delivered_at    timestamptz
);
CREATE INDEX webhook_due ON webhook_delivery (next_at) WHERE state = 'pending';
