package io.aether.agents.offline;

import java.util.List;

/** A fixed home, for tests and demos. */
public record InMemoryHomeView(List<Entity> entities, List<Area> areas) implements HomeView {
    public InMemoryHomeView {
        entities = List.copyOf(entities);
        areas = List.copyOf(areas);
    }
}
