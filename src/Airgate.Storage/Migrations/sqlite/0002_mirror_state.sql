-- Progress of the mirror that is not a timestamp (the cold-start backfill).
CREATE TABLE mirror_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
