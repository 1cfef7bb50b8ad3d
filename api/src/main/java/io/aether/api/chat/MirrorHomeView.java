package io.aether.api.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.agents.offline.HomeView;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The offline engine's picture of the home, read from the mirrors of Home Assistant
 * ({@code ha_entity}, {@code ha_area}) at each turn; an entity's area is its registry area or its
 * device's (as the mirror stores it), by name. Bounded: homes larger than {@value #MAX_ENTITIES}
 * entities are seen in part.
 */
@Component
public class MirrorHomeView implements HomeView {
    static final int MAX_ENTITIES = 10_000;
    private static final TypeReference<Map<String, Object>> ATTRIBUTES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    public MirrorHomeView(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    @Override
    public List<Entity> entities() {
        return jdbc.sql("""
                        SELECT e.entity_id, e.name, e.domain, a.name AS area, e.state, e.attributes
                        FROM ha_entity e LEFT JOIN ha_area a ON a.ha_area_id = e.area_id
                        ORDER BY e.entity_id LIMIT :limit""")
                .param("limit", MAX_ENTITIES)
                .query((rs, n) -> new Entity(
                        rs.getString("entity_id"),
                        rs.getString("name"),
                        rs.getString("domain"),
                        rs.getString("area"),
                        rs.getString("state"),
                        attributes(rs.getString("attributes"))))
                .list();
    }

    @Override
    public List<Area> areas() {
        return jdbc.sql("SELECT name FROM ha_area ORDER BY name LIMIT :limit")
                .param("limit", MAX_ENTITIES)
                .query((rs, n) -> new Area(rs.getString("name"), List.of()))
                .list();
    }

    private Map<String, Object> attributes(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return mapper.readValue(json, ATTRIBUTES);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
