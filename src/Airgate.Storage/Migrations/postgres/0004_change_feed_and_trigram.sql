-- Listing streams on every replica read the runs changed since they last looked (by updated_at), woken by a
-- NOTIFY on every write to runs, whichever replica made it: the leader's sync, or any replica's trigger, stop, clear
-- or rerun. One notification per statement (and PostgreSQL folds equal ones per transaction): it only says "look".
CREATE INDEX ix_runs_updated_at_id ON runs (updated_at, id);

CREATE FUNCTION runs_notify_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('airgate_run_changes', '');
    RETURN NULL;
END $$;

CREATE TRIGGER runs_notify_changed AFTER INSERT OR UPDATE ON runs
    FOR EACH STATEMENT EXECUTE FUNCTION runs_notify_changed();

-- user_name_pattern is a LIKE on the folded owner name, often with a leading '%': a B-tree cannot serve it, a trigram
-- GIN index can. pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX ix_runs_owner_name_trgm ON runs USING gin (triggered_by_name_folded gin_trgm_ops);
