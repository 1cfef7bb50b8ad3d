package io.aether.domain.workflow.query;

/** The live (not archived) workflow definitions by name, a page at a time. */
public record ListWorkflowDefinitions(int limit, int offset) {}
