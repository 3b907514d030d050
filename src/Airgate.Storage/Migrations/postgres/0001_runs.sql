-- Run records: Airgate's own trigger records and the mirror of Airflow's runs.
-- Identifiers and states use COLLATE "C" (code point order) so sorting and LIKE behave exactly as on SQLite,
-- whatever the database's locale. JSON is `json` (validated, kept verbatim: key order survives, unlike jsonb).
CREATE TABLE runs (
    id                       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dag_id                   text COLLATE "C" NOT NULL,
    dag_run_id               text COLLATE "C" NOT NULL,
    source                   text NOT NULL CHECK (source IN ('Airgate', 'External')),
    triggered_by_id          text COLLATE "C" NULL,
    triggered_by_name        text NULL,
    -- The name folded to lower case by Airgate, so LIKE is case-insensitive the same way on every database.
    triggered_by_name_folded text COLLATE "C" NULL,
    pipelines                json NULL,
    conf                     json NULL,
    note                     text NULL,
    idempotency_key          text COLLATE "C" NULL,
    request_fingerprint      text NULL,
    record_state             text NOT NULL CHECK (record_state IN ('Pending', 'Confirmed', 'Failed')),
    failure_reason           text NULL,
    created_at               timestamptz NOT NULL,
    updated_at               timestamptz NOT NULL,
    state                    text COLLATE "C" NULL,
    run_type                 text COLLATE "C" NULL,
    logical_date             timestamptz NULL,
    run_after                timestamptz NULL,
    queued_at                timestamptz NULL,
    start_date               timestamptz NULL,
    end_date                 timestamptz NULL,
    airflow_note             text NULL,
    airflow_updated_at       timestamptz NULL,
    last_synced_at           timestamptz NULL
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
    key   text PRIMARY KEY,
    value timestamptz NOT NULL
);
