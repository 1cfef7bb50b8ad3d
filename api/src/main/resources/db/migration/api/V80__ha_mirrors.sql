-- Mirrors of Home Assistant's entities, devices and areas (docs/homeassistant.md, "Mirrors").
-- Caches of HA's own truth, not event-sourced and not projections: a full sync over the
-- WebSocket replaces their contents, state_changed events keep ha_entity's state current.
-- updated_at is when Aether last wrote the row (a sync deletes the rows it neither saw nor
-- wrote since it began); last_synced_at is the last full sync that saw the row.

CREATE TABLE ha_area (
    ha_area_id     TEXT PRIMARY KEY,
    id             UUID NOT NULL UNIQUE,
    name           TEXT NOT NULL,
    floor_id       TEXT,
    icon           TEXT,
    picture        TEXT,
    last_synced_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX ha_area_floor ON ha_area (floor_id, ha_area_id);

CREATE TABLE ha_device (
    ha_device_id    TEXT PRIMARY KEY,
    id              UUID NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    name_by_user    TEXT,
    area_id         TEXT,
    manufacturer    TEXT,
    model           TEXT,
    sw_version      TEXT,
    hw_version      TEXT,
    config_entry_id TEXT,
    via_device_id   TEXT,
    disabled_by     TEXT,
    last_synced_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX ha_device_area ON ha_device (area_id, ha_device_id);
CREATE INDEX ha_device_manufacturer ON ha_device (manufacturer, ha_device_id);

CREATE TABLE ha_entity (
    entity_id           TEXT PRIMARY KEY,
    id                  UUID NOT NULL UNIQUE,
    domain              TEXT NOT NULL,
    name                TEXT NOT NULL,
    state               TEXT,
    attributes          JSONB NOT NULL DEFAULT '{}'::jsonb,
    -- The registry's area, else its device's area (as HA resolves it).
    area_id             TEXT,
    device_id           TEXT,
    platform            TEXT,
    device_class        TEXT,
    unit_of_measurement TEXT,
    supported_features  INTEGER NOT NULL DEFAULT 0,
    icon                TEXT,
    ha_last_changed     TIMESTAMPTZ,
    ha_last_updated     TIMESTAMPTZ,
    last_synced_at      TIMESTAMPTZ,
    updated_at          TIMESTAMPTZ NOT NULL
);
-- The list filters (domain, area_id, state) each page in entity_id order from an index.
CREATE INDEX ha_entity_domain ON ha_entity (domain, entity_id);
CREATE INDEX ha_entity_area ON ha_entity (area_id, entity_id);
CREATE INDEX ha_entity_state ON ha_entity (state, entity_id);
CREATE INDEX ha_entity_device ON ha_entity (device_id);

-- One row: the last full sync (null before the first).
CREATE TABLE ha_mirror_sync (
    singleton        BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    session_id       UUID NOT NULL,
    started_at       TIMESTAMPTZ NOT NULL,
    finished_at      TIMESTAMPTZ NOT NULL,
    entities_found   INTEGER NOT NULL,
    entities_added   INTEGER NOT NULL,
    entities_updated INTEGER NOT NULL,
    entities_removed INTEGER NOT NULL,
    devices_found    INTEGER NOT NULL,
    areas_found      INTEGER NOT NULL
);
