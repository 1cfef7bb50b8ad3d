package io.aether.domain.workflow.query;

import io.aether.domain.workflow.WorkflowDefinitionContent;
import java.time.Instant;
import java.util.UUID;

/** A workflow definition as the read model holds it; {@code status} is draft or archived. */
public record WorkflowDefinitionView(
        UUID id,
        WorkflowDefinitionContent content,
        int version,
        String status,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {}
