-- Which run a rerun corrected (its dag_run_id in the same workflow), and the hash of each resolved schema a run was
-- validated against: a JSON object {"<profile id>": "<sha-256 hex of the canonical schema>"}.
ALTER TABLE runs ADD COLUMN rerun_of text COLLATE "C" NULL;
ALTER TABLE runs ADD COLUMN schema_hashes json NULL;
