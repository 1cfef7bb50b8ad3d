-- Read model behind GET /tool-groups (disposable: rebuilt by replaying the tool-group-list processor).
-- One row per group; every event carries the group's whole content, so a row is its latest event.
CREATE TABLE tool_group_list (
    name         VARCHAR(100) PRIMARY KEY,
    display_name VARCHAR(200) NOT NULL,
    description  TEXT,
    tool_names   JSON         NOT NULL,
    tool_count   INTEGER      NOT NULL,
    is_read_only BOOLEAN      NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    version      INTEGER      NOT NULL
);
