package io.aether.domain.job;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Deployments and rollbacks of a proposal as jobs: one job per operation id (the deployment's or
 * rollback's id), started by its intent event and ended by its outcome event. The job list and the
 * activity stream title them the same way.
 */
public final class ProposalJobs {
    private ProposalJobs() {}

    /** The proposal's name as a Home Assistant config carries it ({@code alias}); null when none. */
    public static String name(JsonNode config) {
        if (config == null || !config.path("alias").isTextual()) {
            return null;
        }
        String alias = config.get("alias").asText();
        return alias.isBlank() ? null : alias;
    }

    /** {@code name} is the proposal's name, or null when it is not known. */
    public static String deploymentTitle(String name, String proposalId) {
        return "Deploy " + subject(name, proposalId);
    }

    /** {@code targetVersion} null when not known (the title then names none). */
    public static String rollbackTitle(String name, String proposalId, Integer targetVersion) {
        return "Roll back " + subject(name, proposalId) + (targetVersion == null ? "" : " to version " + targetVersion);
    }

    private static String subject(String name, String proposalId) {
        return name != null && !name.isBlank() ? "'" + name + "'" : "proposal " + proposalId;
    }
}
