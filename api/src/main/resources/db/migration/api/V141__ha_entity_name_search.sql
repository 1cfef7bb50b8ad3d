-- POST /entities/query matches words against entity names (docs/homeassistant.md, "Entity query").
-- A pg_trgm GIN index answers ILIKE '%word%' from the index at 10,000 entities. pg_trgm ships with
-- PostgreSQL (the embedded one included) but a managed server may not allow CREATE EXTENSION: then
-- a plain index on lower(name) is made instead (prefix matches use it, the rest scans a small table).
DO $$
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE INDEX ha_entity_name_trgm ON ha_entity USING gin (lower(name) gin_trgm_ops);
        CREATE INDEX ha_entity_id_trgm ON ha_entity USING gin (entity_id gin_trgm_ops);
    EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'pg_trgm not available (%), using a plain index on lower(name)', SQLERRM;
        CREATE INDEX ha_entity_name_lower ON ha_entity (lower(name) text_pattern_ops);
    END;
END
$$;
