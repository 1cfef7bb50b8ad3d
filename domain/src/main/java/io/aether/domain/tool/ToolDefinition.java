package io.aether.domain.tool;

import io.aether.domain.proposal.ProposalType;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One tool the agent runtime offers a model: its name, what it does, its JSON-schema parameters,
 * whether it only reads, and which kinds of proposal it may create.
 *
 * <p><b>The rule:</b> no tool changes Home Assistant. A tool is either read-only (it reads Home
 * Assistant or Aether's own records, or asks another agent; it may record Aether's own work such as
 * an insight or an analysis schedule, but never touches the home), or it creates a proposal of one
 * of {@code proposes} that a person must approve before Aether deploys anything. The constructor
 * refuses any other combination: a mutating tool that names no proposal type, or a read-only one
 * that names some.
 *
 * @param name        the name a model calls it by and configs list it under ({@code ^[a-z][a-z0-9_]*$})
 * @param description what the model is told it does
 * @param parameters  JSON schema (an {@code object}) of its arguments, in a stable order
 * @param readOnly    true when it changes nothing in Home Assistant, directly or through a proposal
 * @param proposes    the proposal types it may create; empty exactly when {@code readOnly}
 */
public record ToolDefinition(
        String name, String description, Map<String, Object> parameters, boolean readOnly, Set<ProposalType> proposes) {

    private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_]*$");

    public ToolDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parameters, "parameters");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tool name must match " + NAME.pattern() + ": " + name);
        }
        if (!"object".equals(parameters.get("type"))) {
            throw new IllegalArgumentException("parameters of " + name + " must be a JSON schema of type object");
        }
        proposes = proposes == null || proposes.isEmpty()
                ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(proposes));
        if (!readOnly && proposes.isEmpty()) {
            throw new IllegalArgumentException(
                    "tool " + name + " is not read-only but creates no proposal: no tool may change Home Assistant");
        }
        if (readOnly && !proposes.isEmpty()) {
            throw new IllegalArgumentException("tool " + name + " creates proposals, so it is not read-only");
        }
    }

    /** A tool that reads only. */
    public static ToolDefinition reading(String name, String description, Map<String, Object> parameters) {
        return new ToolDefinition(name, description, parameters, true, Set.of());
    }

    /** A tool whose only effect is a proposal of one of these types, which a person must approve. */
    public static ToolDefinition proposing(
            String name, String description, Map<String, Object> parameters, Set<ProposalType> proposes) {
        return new ToolDefinition(name, description, parameters, false, proposes);
    }

    /** True when calling it creates a proposal (and nothing else that matters to the home). */
    public boolean createsProposals() {
        return !proposes.isEmpty();
    }
}
