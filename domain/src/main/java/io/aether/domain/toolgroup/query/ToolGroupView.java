package io.aether.domain.toolgroup.query;

import io.aether.domain.toolgroup.ToolGroupContent;
import java.time.Instant;

/** A tool group as the API shows it. */
public record ToolGroupView(String name, ToolGroupContent content, Instant createdAt, Instant updatedAt, int version) {}
