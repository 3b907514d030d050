-- Progress of the mirror that is not a timestamp (the cold-start backfill).
CREATE TABLE mirror_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Listing order with its id tiebreak, for every workflow, one workflow and one owner ("mine").
CREATE INDEX ix_runs_run_after_id ON runs (run_after, id);
CREATE INDEX ix_runs_dag_id_run_after_id ON runs (dag_id, run_after, id);
CREATE INDEX ix_runs_owner_run_after_id ON runs (triggered_by_id, run_after, id) WHERE triggered_by_id IS NOT NULL;
-- user_name_pattern without wildcards (a name) is an equality on the folded name.
CREATE INDEX ix_runs_owner_name_run_after_id ON runs (triggered_by_name_folded, run_after, id);
DROP INDEX ix_runs_dag_id_run_after;
DROP INDEX ix_runs_run_after;

-- Exact totals without counting every row: each change to a confirmed run appends +1/-1 per (dag_id, state);
-- a total is a sum over a few rows, folded together now and then by the leader.
CREATE TABLE run_count_deltas (
    dag_id TEXT NOT NULL,
    state  TEXT NULL,
    delta  INTEGER NOT NULL
);
CREATE INDEX ix_run_count_deltas_dag_id ON run_count_deltas (dag_id);

INSERT INTO run_count_deltas (dag_id, state, delta)
SELECT dag_id, state, count(*) FROM runs WHERE record_state = 'Confirmed' GROUP BY dag_id, state;

CREATE TRIGGER runs_count_inserted AFTER INSERT ON runs WHEN NEW.record_state = 'Confirmed'
BEGIN
    INSERT INTO run_count_deltas (dag_id, state, delta) VALUES (NEW.dag_id, NEW.state, 1);
END;

CREATE TRIGGER runs_count_updated AFTER UPDATE OF dag_id, state, record_state ON runs
    WHEN (OLD.record_state = 'Confirmed' OR NEW.record_state = 'Confirmed')
        AND (OLD.dag_id IS NOT NEW.dag_id OR OLD.state IS NOT NEW.state OR OLD.record_state IS NOT NEW.record_state)
BEGIN
    INSERT INTO run_count_deltas (dag_id, state, delta)
    SELECT OLD.dag_id, OLD.state, -1 WHERE OLD.record_state = 'Confirmed';
    INSERT INTO run_count_deltas (dag_id, state, delta)
    SELECT NEW.dag_id, NEW.state, 1 WHERE NEW.record_state = 'Confirmed';
END;

CREATE TRIGGER runs_count_deleted AFTER DELETE ON runs WHEN OLD.record_state = 'Confirmed'
BEGIN
    INSERT INTO run_count_deltas (dag_id, state, delta) VALUES (OLD.dag_id, OLD.state, -1);
END;
