package io.aether.domain.agent;

/** What {@link PromoteAllDrafts} promoted: the now-active versions, null for a kind that had no draft. */
public record PromotedDrafts(AgentVersion<ConfigContent> config, AgentVersion<PromptContent> prompt) {}
