-- Exact number of listed proposals per status, kept by the proposal-list projection in the same
-- transaction as proposal_list itself, so GET /proposals answers `total` without count(*) over
-- the whole list. Disposable like proposal_list: cleared by its reset and rebuilt by replay.
CREATE TABLE proposal_list_count (
    status VARCHAR(20) PRIMARY KEY,
    n      BIGINT      NOT NULL
);
INSERT INTO proposal_list_count (status, n) SELECT status, count(*) FROM proposal_list GROUP BY status;
