package io.aether.domain.llm.query;

import java.util.List;

/** Per model and provider, the most expensive first. */
public record ModelUsageList(List<ModelUsage> models) {}
