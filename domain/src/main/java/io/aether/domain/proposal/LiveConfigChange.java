package io.aether.domain.proposal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A point in a proposal's history where what Home Assistant holds under the proposal's
 * automation id changed: config became live at {@code version} (null: the automation was removed).
 * {@code deployment} marks changes made by a deployment (rollback targets are taken from those).
 */
public record LiveConfigChange(int version, JsonNode config, boolean deployment) {}
