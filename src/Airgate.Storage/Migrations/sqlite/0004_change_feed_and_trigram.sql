-- Listing streams read the runs changed since they last looked (by updated_at). SQLite is one process's file, so no
-- notification is needed (and SQLite has no trigram index: user_name_pattern scans, as it always has).
CREATE INDEX ix_runs_updated_at_id ON runs (updated_at, id);
