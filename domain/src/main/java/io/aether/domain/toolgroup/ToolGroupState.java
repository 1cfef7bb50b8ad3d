package io.aether.domain.toolgroup;

import java.time.Instant;

/** A tool group as its events leave it; {@code version} is the number of events applied. */
public record ToolGroupState(
        String name, ToolGroupContent content, Instant createdAt, Instant updatedAt, int version) {}
