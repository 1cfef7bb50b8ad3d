package io.aether.domain.workflow.query;

import java.util.UUID;

/** One workflow definition (archived ones too), or a null answer when there is none. */
public record FindWorkflowDefinition(UUID id) {}
