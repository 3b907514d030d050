-- Saved launch forms: one row per (owner, workflow, name); values is a trigger-shaped JSON object kept verbatim.
CREATE TABLE presets (
    owner_id   TEXT NOT NULL,
    dag_id     TEXT NOT NULL,
    name       TEXT NOT NULL,
    "values"   TEXT NOT NULL CHECK (json_valid("values")),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (owner_id, dag_id, name)
);
