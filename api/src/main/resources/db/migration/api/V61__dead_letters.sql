-- Axon's JDBC sequenced dead-letter queue (JdbcSequencedDeadLetterQueue, Axon 4.13): the events a
-- projection could not handle, parked per processing group and per sequence (the aggregate).
-- Mirrors GenericDeadLetterTableFactory with PostgreSQL types (BYTEA for serialized data, no
-- OIDs) and snake_case names (AxonConfiguration#deadLetterSchema). Timestamps are Axon's ISO-8601
-- strings, as in token_entry. Flyway owns it; Axon's createSchema is never called.
CREATE TABLE dead_letter_entry (
    dead_letter_id       VARCHAR(255)  NOT NULL,
    processing_group     VARCHAR(255)  NOT NULL,
    sequence_identifier  VARCHAR(255)  NOT NULL,
    sequence_index       BIGINT        NOT NULL,
    message_type         VARCHAR(255)  NOT NULL,
    event_identifier     VARCHAR(255)  NOT NULL,
    time_stamp           VARCHAR(255)  NOT NULL,
    payload_type         VARCHAR(255)  NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA         NOT NULL,
    meta_data            BYTEA,
    aggregate_type       VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number      BIGINT,
    token_type           VARCHAR(255),
    token                BYTEA,
    enqueued_at          VARCHAR(255)  NOT NULL,
    last_touched         VARCHAR(255),
    processing_started   VARCHAR(255),
    cause_type           VARCHAR(255),
    cause_message        VARCHAR(1023),
    diagnostics          BYTEA,
    PRIMARY KEY (dead_letter_id),
    -- also the keyset order of GET /admin/dead-letters
    CONSTRAINT dead_letter_entry_sequence_index UNIQUE (processing_group, sequence_identifier, sequence_index)
);
-- The queue's own look-ups (contains, size, claimable sequences) filter by group, or by group and
-- sequence: the unique constraint's index serves both.
