-- Home Assistant instances ("zones"). Connection settings holding a secret, kept like the setup
-- row rather than as events (an event would keep the token forever); every change is recorded
-- on the security principal's audit stream (ZoneChanged) without the token.
CREATE TABLE ha_zone (
    id                 UUID             PRIMARY KEY,
    name               TEXT             NOT NULL,
    slug               TEXT             NOT NULL UNIQUE,
    ha_url             TEXT             NOT NULL,
    ha_url_remote      TEXT,
    ha_token_encrypted TEXT             NOT NULL,
    is_default         BOOLEAN          NOT NULL DEFAULT FALSE,
    latitude           DOUBLE PRECISION,
    longitude          DOUBLE PRECISION,
    icon               TEXT,
    url_preference     TEXT             NOT NULL DEFAULT 'auto'
        CHECK (url_preference IN ('auto', 'local', 'remote')),
    created_at         TIMESTAMPTZ      NOT NULL,
    updated_at         TIMESTAMPTZ      NOT NULL
);

-- At most one default zone, enforced by the database across nodes.
CREATE UNIQUE INDEX ha_zone_one_default ON ha_zone (is_default) WHERE is_default;

-- An installation set up before zones existed gets its "Home" zone from the setup row (the
-- token stays encrypted with the same key).
INSERT INTO ha_zone (id, name, slug, ha_url, ha_token_encrypted, is_default, url_preference, created_at, updated_at)
SELECT gen_random_uuid(), 'Home', 'home', ha_url, ha_token_encrypted, TRUE, 'auto', completed_at, completed_at
FROM auth_setup;
