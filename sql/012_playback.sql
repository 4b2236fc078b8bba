-- 012_playback.sql - what the candidate's editor recorded, for the recruiter's player
-- (fcgi-app/playback.c): its changes in batches, per question and language, as sent with
-- the draft saves.  The integrity signals (pastes, copies, focus lost) are session_event rows.
CREATE TABLE playback_batch (
    id              bigserial PRIMARY KEY,
    candidate_id    uuid NOT NULL REFERENCES candidate(candidate_id) ON DELETE CASCADE,
    question_id     integer NOT NULL REFERENCES coding_question_bank(id) ON DELETE CASCADE,
    language        text NOT NULL,
    -- [[t, from, to, insert], ...]: t the editor's time in epoch milliseconds, the change
    -- replacing characters from..to of the document before it with insert
    ops             jsonb NOT NULL CHECK (jsonb_typeof(ops) = 'array'),
    bytes           integer NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX playback_batch_candidate ON playback_batch (candidate_id, question_id, id);
