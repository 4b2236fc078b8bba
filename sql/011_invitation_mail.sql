-- 011_invitation_mail.sql - the invitation e-mail of each candidate (fcgi-app/invite_mail.c):
-- what became of the last one sent, never its text.  The link is in the message alone: the
-- server keeps only the hash of an invitation token (candidate.invite_token_hash), and the
-- message is sent during the request that makes the link, so no copy of it is stored.

CREATE TABLE invitation_mail (
    candidate_id    uuid PRIMARY KEY REFERENCES candidate(candidate_id) ON DELETE CASCADE,
    to_addr         text NOT NULL,
    status          text NOT NULL CHECK (status IN ('sent', 'failed')),
    -- every message sent for this candidate, each with a new link
    attempts        integer NOT NULL DEFAULT 1 CHECK (attempts > 0),
    last_error      text,
    message_id      text,
    sent_at         timestamptz,
    sent_by         integer REFERENCES recruiter_admin(id) ON DELETE SET NULL,
    updated_at      timestamptz NOT NULL DEFAULT now()
);
