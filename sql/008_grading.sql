-- 008_grading.sql - how a question judges and scores (common/grading.h): its checker, its
-- test groups, function-signature questions, reference solutions, and what a Kattis
-- problem package brings along.  Scores may now be fractions of points.

-- the checker as the judge request takes it: {"type": "lines"} and the rest of grading.h
ALTER TABLE coding_question_bank
    ADD COLUMN checker jsonb NOT NULL DEFAULT '{"type": "lines"}'
        CHECK (jsonb_typeof(checker) = 'object'),
    -- the test groups in running order, as the judge request takes them; [] for none
    ADD COLUMN groups jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(groups) = 'array'),
    -- a function-signature question's signature (its JSON form); NULL for input/output
    ADD COLUMN signature jsonb CHECK (signature IS NULL OR jsonb_typeof(signature) = 'object'),
    ADD COLUMN output_limit_kb integer NOT NULL DEFAULT 16384
        CHECK (output_limit_kb BETWEEN 1 AND 65536),
    -- a statement that came only as a PDF, offered to the candidate as a download
    ADD COLUMN statement_pdf bytea,
    -- what an imported package said that has no column (short name, time multiplier, ...)
    ADD COLUMN package jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(package) = 'object');

ALTER TABLE test_cases
    ADD COLUMN group_name text,
    -- its name in a package (secret/group1/01), kept for export
    ADD COLUMN name text,
    -- a sample of an interactive question: the exchange, shown to the candidate
    ADD COLUMN interaction text;

-- a question's solutions with the verdict each must get: an import checks them, and
-- POST /api/admin/questions/:id/check can run them again
CREATE TABLE reference_solution (
    id              serial PRIMARY KEY,
    question_id     integer NOT NULL REFERENCES coding_question_bank(id) ON DELETE CASCADE,
    name            text NOT NULL,
    language        text NOT NULL,
    code            text NOT NULL,
    expected        text NOT NULL DEFAULT 'accepted',
    position        integer NOT NULL
);
CREATE INDEX reference_solution_question ON reference_solution (question_id, position);

ALTER TABLE interview_coding
    ALTER COLUMN score TYPE double precision,
    ALTER COLUMN max_score TYPE double precision;

-- What a question is worth: each group's points ("sum" groups: their tests' points), and
-- the points of the tests in no group.
CREATE FUNCTION question_max_score(qid integer) RETURNS double precision
    LANGUAGE sql STABLE AS $$
    SELECT COALESCE((SELECT sum(t.points) FROM test_cases t
                     WHERE t.question_id = qid AND (t.group_name IS NULL OR NOT EXISTS
                         (SELECT 1 FROM coding_question_bank q, jsonb_array_elements(q.groups) g
                          WHERE q.id = qid AND g->>'name' = t.group_name))), 0)
         + COALESCE((SELECT sum(CASE WHEN COALESCE(g->>'rule', 'sum') = 'sum'
                                     THEN (SELECT COALESCE(sum(t.points), 0) FROM test_cases t
                                           WHERE t.question_id = qid AND t.group_name = g->>'name')
                                     ELSE COALESCE((g->>'points')::double precision, 0) END)
                     FROM coding_question_bank q, jsonb_array_elements(q.groups) g
                     WHERE q.id = qid), 0)
$$;
