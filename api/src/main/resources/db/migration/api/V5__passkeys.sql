-- What webauthn4j needs besides the attested credential data (passkey.credential_record) to
-- verify an assertion: the authenticator flags seen at registration, kept up to date on use.
ALTER TABLE passkey
    ADD COLUMN uv_initialized  BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN backup_eligible BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN backed_up       BOOLEAN NOT NULL DEFAULT false;

-- The owner's WebAuthn user handle: random, made once by the first node that needs it, the same
-- on every node afterwards (a credential is bound to it on the authenticator).
CREATE TABLE passkey_owner (
    id          SMALLINT    PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    user_handle BYTEA       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
