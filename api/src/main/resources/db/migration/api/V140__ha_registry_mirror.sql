-- Mirrors of Home Assistant's automations, scripts, scenes and services (docs/homeassistant.md,
-- "Registry mirror"). Caches of HA's truth like the entity mirror (V80): not event-sourced, replaced
-- by POST /registry/sync. Lists page in entity_id (services: domain, service) order from the primary
-- keys and the filter indexes.

CREATE TABLE ha_automation (
    entity_id        TEXT PRIMARY KEY,
    id               UUID NOT NULL UNIQUE,
    -- The config id (the state's "id" attribute); null for an automation HA has no stored config for.
    ha_automation_id TEXT,
    alias            TEXT NOT NULL,
    state            TEXT NOT NULL,
    description      TEXT,
    mode             TEXT NOT NULL,
    trigger_types    JSONB,
    trigger_count    INTEGER NOT NULL DEFAULT 0,
    action_count     INTEGER NOT NULL DEFAULT 0,
    condition_count  INTEGER NOT NULL DEFAULT 0,
    last_triggered   TEXT,
    last_synced_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX ha_automation_state ON ha_automation (state, entity_id);
CREATE INDEX ha_automation_config_id ON ha_automation (ha_automation_id);

CREATE TABLE ha_script (
    entity_id      TEXT PRIMARY KEY,
    id             UUID NOT NULL UNIQUE,
    alias          TEXT NOT NULL,
    state          TEXT NOT NULL,
    description    TEXT,
    mode           TEXT NOT NULL,
    icon           TEXT,
    last_triggered TEXT,
    sequence       JSONB,
    fields         JSONB,
    last_synced_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX ha_script_state ON ha_script (state, entity_id);

CREATE TABLE ha_scene (
    entity_id      TEXT PRIMARY KEY,
    id             UUID NOT NULL UNIQUE,
    name           TEXT NOT NULL,
    icon           TEXT,
    entity_states  JSONB,
    last_synced_at TIMESTAMPTZ NOT NULL
);

-- Discovered (from HA's get_services) and seeded (POST /registry/services/seed) services. A sync
-- removes discovered rows HA no longer has; seeded rows stay until HA reports the service itself.
CREATE TABLE ha_service (
    domain         TEXT NOT NULL,
    service        TEXT NOT NULL,
    id             UUID NOT NULL UNIQUE,
    name           TEXT,
    description    TEXT,
    fields         JSONB,
    target         JSONB,
    is_seeded      BOOLEAN NOT NULL,
    last_synced_at TIMESTAMPTZ,
    PRIMARY KEY (domain, service)
);

-- One row: the last registry sync (none before the first).
CREATE TABLE ha_registry_sync (
    singleton          BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    started_at         TIMESTAMPTZ NOT NULL,
    finished_at        TIMESTAMPTZ NOT NULL,
    automations_synced INTEGER NOT NULL,
    scripts_synced     INTEGER NOT NULL,
    scenes_synced      INTEGER NOT NULL,
    services_synced    INTEGER NOT NULL
);
