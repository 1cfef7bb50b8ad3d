package io.aether.domain.workflow.query;

import java.util.List;

/** A page of live workflow definitions and how many there are. */
public record WorkflowDefinitionList(List<WorkflowDefinitionView> items, long total) {}
