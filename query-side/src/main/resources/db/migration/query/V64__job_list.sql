-- Read model behind GET /api/v1/jobs, built by the job-list projection (JobListProjection).
-- Disposable: cleared by its reset and rebuilt by replay. subject_id / subject_name: what the job
-- works on (the proposal's id and name; a deployment's config names it, a rollback takes it from
-- the subject's earlier jobs).
--
-- job_list: one row per job (today a proposal's deployment or rollback; other kinds add rows of
-- their own job_type). Newest first by started_at, through an index per order and filter, so the
-- most recent page costs the same however many jobs there are.
CREATE TABLE job_list (
    job_id       UUID        PRIMARY KEY,
    job_type     TEXT        NOT NULL,
    title        TEXT        NOT NULL,
    status       TEXT        NOT NULL,
    subject_id   TEXT,
    subject_name TEXT,
    started_at   TIMESTAMPTZ NOT NULL,
    completed_at TIMESTAMPTZ,
    error        TEXT
);
CREATE INDEX job_list_recent_idx ON job_list (started_at DESC, job_id DESC);
CREATE INDEX job_list_type_recent_idx ON job_list (job_type, started_at DESC, job_id DESC);
-- The latest named job of a subject: where a rollback finds its proposal's name.
CREATE INDEX job_list_subject_idx ON job_list (subject_id, started_at DESC);

-- Exact number of jobs per type, kept in the same transaction as job_list, so `total` needs no
-- count(*) over the whole table.
CREATE TABLE job_list_count (
    job_type TEXT   PRIMARY KEY,
    n        BIGINT NOT NULL
);
