-- Saved launch forms: one row per (owner, workflow, name); values is a trigger-shaped JSON object kept verbatim.
CREATE TABLE presets (
    owner_id   text COLLATE "C" NOT NULL,
    dag_id     text COLLATE "C" NOT NULL,
    name       text COLLATE "C" NOT NULL,
    "values"   json NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (owner_id, dag_id, name)
);
