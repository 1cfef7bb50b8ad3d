package io.aether.domain.toolgroup.query;

/** A page of tool groups by name, from the tool-group-list read model. */
public record ListToolGroups(int limit, int offset) {}
