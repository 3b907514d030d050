-- Progress of the mirror that is not a timestamp (the cold-start backfill), shared by every replica.
CREATE TABLE mirror_state (
    key   text PRIMARY KEY,
    value text NOT NULL
);

-- Listing order with its id tiebreak, for every workflow, one workflow and one owner ("mine"): a page is an index
-- range, whatever the table's size.
CREATE INDEX ix_runs_run_after_id ON runs (run_after, id);
CREATE INDEX ix_runs_dag_id_run_after_id ON runs (dag_id, run_after, id);
CREATE INDEX ix_runs_owner_run_after_id ON runs (triggered_by_id, run_after, id) WHERE triggered_by_id IS NOT NULL;
-- user_name_pattern without wildcards (a name) is an equality on the folded name.
CREATE INDEX ix_runs_owner_name_run_after_id ON runs (triggered_by_name_folded, run_after, id);
DROP INDEX ix_runs_dag_id_run_after;
DROP INDEX ix_runs_run_after;

-- Exact totals without counting a million rows: every change to a confirmed run appends +1/-1 per (dag_id, state),
-- so a total is a sum over a few rows. Appending (never updating a shared counter) means concurrent writers never
-- wait for or deadlock on each other; the leader folds the rows together now and then (CompactTotalsAsync).
CREATE TABLE run_count_deltas (
    dag_id text COLLATE "C" NOT NULL,
    state  text COLLATE "C" NULL,
    delta  bigint NOT NULL
);
CREATE INDEX ix_run_count_deltas_dag_id ON run_count_deltas (dag_id);

INSERT INTO run_count_deltas (dag_id, state, delta)
SELECT dag_id, state, count(*) FROM runs WHERE record_state = 'Confirmed' GROUP BY dag_id, state;

CREATE FUNCTION runs_count_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO run_count_deltas (dag_id, state, delta)
    SELECT dag_id, state, count(*) FROM inserted_rows WHERE record_state = 'Confirmed' GROUP BY dag_id, state;
    RETURN NULL;
END $$;

CREATE FUNCTION runs_count_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO run_count_deltas (dag_id, state, delta)
    SELECT dag_id, state, sum(delta) FROM (
        SELECT dag_id, state, -1 AS delta FROM old_rows WHERE record_state = 'Confirmed'
        UNION ALL
        SELECT dag_id, state, 1 AS delta FROM new_rows WHERE record_state = 'Confirmed'
    ) AS changes
    GROUP BY dag_id, state
    HAVING sum(delta) <> 0;
    RETURN NULL;
END $$;

CREATE FUNCTION runs_count_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO run_count_deltas (dag_id, state, delta)
    SELECT dag_id, state, -count(*) FROM deleted_rows WHERE record_state = 'Confirmed' GROUP BY dag_id, state;
    RETURN NULL;
END $$;

CREATE TRIGGER runs_count_inserted AFTER INSERT ON runs
    REFERENCING NEW TABLE AS inserted_rows FOR EACH STATEMENT EXECUTE FUNCTION runs_count_inserted();
CREATE TRIGGER runs_count_updated AFTER UPDATE ON runs
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION runs_count_updated();
CREATE TRIGGER runs_count_deleted AFTER DELETE ON runs
    REFERENCING OLD TABLE AS deleted_rows FOR EACH STATEMENT EXECUTE FUNCTION runs_count_deleted();
