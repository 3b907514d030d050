-- Run records: Airgate's own trigger records and the mirror of Airflow's runs.
-- Timestamps are UTC ISO-8601 text with microseconds ('2026-01-15T09:00:00.000000Z'): fixed width, so they sort.
CREATE TABLE runs (
    id                       INTEGER PRIMARY KEY AUTOINCREMENT,
    dag_id                   TEXT NOT NULL,
    dag_run_id               TEXT NOT NULL,
    source                   TEXT NOT NULL CHECK (source IN ('Airgate', 'External')),
    triggered_by_id          TEXT NULL,
    triggered_by_name        TEXT NULL,
    -- The name folded to lower case by Airgate, so LIKE is case-insensitive the same way on every database.
    triggered_by_name_folded TEXT NULL,
    pipelines                TEXT NULL CHECK (pipelines IS NULL OR json_valid(pipelines)),
    conf                     TEXT NULL CHECK (conf IS NULL OR json_valid(conf)),
    note                     TEXT NULL,
    idempotency_key          TEXT NULL,
    request_fingerprint      TEXT NULL,
    record_state             TEXT NOT NULL CHECK (record_state IN ('Pending', 'Confirmed', 'Failed')),
    failure_reason           TEXT NULL,
    created_at               TEXT NOT NULL,
    updated_at               TEXT NOT NULL,
    state                    TEXT NULL,
    run_type                 TEXT NULL,
    logical_date             TEXT NULL,
    run_after                TEXT NULL,
    queued_at                TEXT NULL,
    start_date               TEXT NULL,
    end_date                 TEXT NULL,
    airflow_note             TEXT NULL,
    airflow_updated_at       TEXT NULL,
    last_synced_at           TEXT NULL
);

CREATE UNIQUE INDEX ux_runs_dag_id_dag_run_id ON runs (dag_id, dag_run_id);
CREATE UNIQUE INDEX ux_runs_idempotency ON runs (triggered_by_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX ix_runs_dag_id_run_after ON runs (dag_id, run_after);
CREATE INDEX ix_runs_run_after ON runs (run_after);
CREATE INDEX ix_runs_triggered_by_id ON runs (triggered_by_id);
CREATE INDEX ix_runs_state ON runs (state);
CREATE INDEX ix_runs_pending ON runs (created_at) WHERE record_state = 'Pending';

-- How far the mirror of Airflow's runs has been synchronised (Airflow's updated_at), per sync key.
CREATE TABLE sync_watermarks (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
