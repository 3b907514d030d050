-- Progress of the mirror that is not a timestamp (the cold-start backfill), shared by every replica.
CREATE TABLE mirror_state (
    key   text PRIMARY KEY,
    value text NOT NULL
);
