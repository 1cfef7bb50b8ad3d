package io.aether.domain.toolgroup.query;

import java.util.List;

/** One page of tool groups and how many there are in all. */
public record ToolGroupList(List<ToolGroupView> items, long total) {}
