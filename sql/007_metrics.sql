-- 007_metrics.sql - what GET /metrics counts by (fcgi-app/api_metrics.c): a job's language
-- and, once done, its verdict, read out of the JSON once when the row is written rather
-- than out of every stored request and answer at every scrape

-- the request's "language" as the client sent it (the scrape maps unknown ones to "other")
ALTER TABLE job ADD COLUMN language text;
-- the judge's overall "status" of a done job; 'invalid_request' when the judge refused it
ALTER TABLE job ADD COLUMN verdict text;

-- A top-level string member of a JSON text, at most 64 characters; NULL when absent or
-- when the text is not JSON: no statement that adds or ends a job may fail for a metric.
CREATE FUNCTION job_json_member(doc text, member text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN left(doc::json->>member, 64);
EXCEPTION WHEN others THEN
    RETURN NULL;
END
$$;

CREATE FUNCTION job_metrics_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.language := job_json_member(NEW.request, 'language');
    END IF;
    IF NEW.state = 'done' THEN
        NEW.verdict := CASE WHEN NEW.invalid THEN 'invalid_request'
                            ELSE coalesce(job_json_member(NEW.result, 'status'), 'unknown') END;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER job_metrics_insert BEFORE INSERT ON job
    FOR EACH ROW EXECUTE FUNCTION job_metrics_fill();
-- only at the end of a job: the lease renewals every few seconds do not call it
CREATE TRIGGER job_metrics_done BEFORE UPDATE OF state ON job
    FOR EACH ROW WHEN (NEW.state = 'done' AND OLD.state IS DISTINCT FROM 'done')
    EXECUTE FUNCTION job_metrics_fill();

-- Every scrape counts over all stored jobs (counters must not go down): this index holds
-- all it reads, so those counts are index-only scans of a narrow index, not of the table
-- with its requests and answers.
CREATE INDEX job_metrics ON job (state, language, verdict) INCLUDE (created_at, started_at, finished_at);

-- the jobs stored before this migration
UPDATE job SET language = job_json_member(request, 'language'),
               verdict = CASE WHEN state <> 'done' THEN NULL
                              WHEN invalid THEN 'invalid_request'
                              ELSE coalesce(job_json_member(result, 'status'), 'unknown') END;
