-- Bucket4j's buckets for the authentication rate limit, shared by every node (DESIGN.md, Scale-out).
-- id is "<action>/<client address>"; state is Bucket4j's serialised bucket; expires_at (epoch
-- milliseconds) is when the bucket has refilled to capacity, after which the row is deleted.
CREATE TABLE auth_rate_limit_bucket (
    id         VARCHAR(255) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX auth_rate_limit_bucket_expires_idx ON auth_rate_limit_bucket (expires_at);
