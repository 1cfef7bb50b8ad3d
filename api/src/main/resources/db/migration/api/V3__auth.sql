-- Credentials of the installation's single owner. Secrets are only ever stored hashed
-- (password: bcrypt, API keys: SHA-256 of a 256-bit random key) or encrypted with the key
-- outside the database (HA token, generated JWT signing secret: AES-256-GCM). The audit
-- trail is the event stream of the security principal and never carries any of them.

-- One row once first-time setup has run (the id check makes setup one-shot).
CREATE TABLE auth_setup (
    id                  SMALLINT    PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    ha_url              TEXT        NOT NULL,
    ha_token_encrypted  TEXT        NOT NULL,
    password_hash       TEXT,
    -- Sessions carry the generation they were issued in; a password change moves it on,
    -- which voids every earlier session.
    session_generation  INTEGER     NOT NULL DEFAULT 0,
    completed_at        TIMESTAMPTZ NOT NULL
);

-- Generated secrets shared by every node (today: the JWT signing key when AETHER_JWT_SECRET is unset).
CREATE TABLE auth_secret (
    name            TEXT        PRIMARY KEY,
    value_encrypted TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Logged-out sessions (JWT ids) until their token would have expired anyway.
CREATE TABLE revoked_session (
    jti        TEXT        PRIMARY KEY,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX revoked_session_expires_at ON revoked_session (expires_at);

CREATE TABLE api_key (
    id           UUID        PRIMARY KEY,
    name         TEXT        NOT NULL,
    prefix       TEXT        NOT NULL,
    key_hash     TEXT        NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);

-- Single-use, expiring challenges (WebAuthn ceremonies, Google sign-in nonces), in the
-- database so that the node finishing a ceremony need not be the one that started it.
CREATE TABLE auth_challenge (
    challenge  TEXT        PRIMARY KEY,
    purpose    TEXT        NOT NULL,
    subject    TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX auth_challenge_expires_at ON auth_challenge (expires_at);

-- WebAuthn credentials (public keys only: the private key never leaves the authenticator).
CREATE TABLE passkey (
    id                UUID        PRIMARY KEY,
    credential_id     TEXT        NOT NULL UNIQUE,  -- base64url, as browsers send it
    credential_record BYTEA       NOT NULL,         -- what the WebAuthn library needs to verify assertions
    sign_count        BIGINT      NOT NULL DEFAULT 0,
    device_name       TEXT,
    created_at        TIMESTAMPTZ NOT NULL,
    last_used_at      TIMESTAMPTZ
);

-- The owner's profile from a linked Google account (shown by /auth/me).
CREATE TABLE owner_profile (
    id             SMALLINT    PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    google_subject TEXT,
    email          TEXT,
    display_name   TEXT,
    avatar_url     TEXT,
    updated_at     TIMESTAMPTZ NOT NULL
);
