package io.aether.domain.toolgroup.query;

/**
 * The tool group with this name as it is now (folded from its events, so it reflects a command as
 * soon as the command returned), or a null answer when there is none. Also the way to ask whether
 * a tool group exists, e.g. to validate the groups an agent config enables.
 */
public record FindToolGroup(String name) {}
