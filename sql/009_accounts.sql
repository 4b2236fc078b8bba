-- 009_accounts.sql - recruiters' accounts with roles, their invitation and reset links,
-- the audit trail, and the notes and ratings left on a candidate (README "Accounts and roles")

-- owner > recruiter > reviewer; every account made before roles existed (the first admin of
-- ce-ctl ensure-admin among them) is an owner.  A disabled account's tokens stop working at once.
ALTER TABLE recruiter_admin
    ADD COLUMN role text NOT NULL DEFAULT 'owner' CHECK (role IN ('owner', 'recruiter', 'reviewer')),
    ADD COLUMN disabled boolean NOT NULL DEFAULT false,
    ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
-- from now on an account names its role; the default is the one with the fewest rights
ALTER TABLE recruiter_admin ALTER COLUMN role SET DEFAULT 'reviewer';

-- a link that lets an account set its password: the invitation of a new account, or a reset.
-- Only the token's SHA-256 is kept; a link works once, until it expires, and a new link of
-- the same account replaces the old ones.
CREATE TABLE account_link (
    token_hash      bytea PRIMARY KEY,
    admin_id        integer NOT NULL REFERENCES recruiter_admin(id) ON DELETE CASCADE,
    kind            text NOT NULL CHECK (kind IN ('invite', 'reset')),
    created_by      integer REFERENCES recruiter_admin(id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL
);
CREATE INDEX account_link_admin ON account_link (admin_id);

-- who did what: the account and its username at the time, the action, what it touched
CREATE TABLE audit_log (
    id              bigserial PRIMARY KEY,
    admin_id        integer REFERENCES recruiter_admin(id) ON DELETE SET NULL,
    username        text NOT NULL,
    action          text NOT NULL,
    object_kind     text NOT NULL,
    object_id       text NOT NULL DEFAULT '',
    at              timestamptz NOT NULL DEFAULT now(),
    detail          jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(detail) = 'object')
);

-- a reviewer's or recruiter's note on a candidate, with an optional rating
CREATE TABLE candidate_note (
    id              bigserial PRIMARY KEY,
    candidate_id    uuid NOT NULL REFERENCES candidate(candidate_id) ON DELETE CASCADE,
    author_id       integer REFERENCES recruiter_admin(id) ON DELETE SET NULL,
    author          text NOT NULL,
    rating          text CHECK (rating IN ('strong_no', 'no', 'mixed', 'yes', 'strong_yes')),
    body            text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX candidate_note_candidate ON candidate_note (candidate_id, created_at);
