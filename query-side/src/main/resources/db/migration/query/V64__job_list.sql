-- Read model behind GET /api/v1/jobs, built by the job-list projection (JobListProjection).
-- Disposable: cleared by its reset and rebuilt by replay.
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
    started_at   TIMESTAMPTZ NOT NULL,
    completed_at TIMESTAMPTZ,
    error        TEXT
);
CREATE INDEX job_list_recent_idx ON job_list (started_at DESC, job_id DESC);
CREATE INDEX job_list_type_recent_idx ON job_list (job_type, started_at DESC, job_id DESC);

-- Exact number of jobs per type, kept in the same transaction as job_list, so `total` needs no
-- count(*) over the whole table.
CREATE TABLE job_list_count (
    job_type TEXT   PRIMARY KEY,
    n        BIGINT NOT NULL
);

-- The name of each subject a job can work on (proposal id -> proposal name, from ProposalCreated),
-- so a job's title names it without reading another read model.
CREATE TABLE job_subject (
    subject_id TEXT PRIMARY KEY,
    name       TEXT
);
