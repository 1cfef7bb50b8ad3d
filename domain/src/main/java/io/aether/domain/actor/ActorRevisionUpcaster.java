package io.aether.domain.actor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aether.domain.proposal.ProposalApproved;
import io.aether.domain.proposal.ProposalArchived;
import io.aether.domain.proposal.ProposalAutomationSwitchFailed;
import io.aether.domain.proposal.ProposalCreated;
import io.aether.domain.proposal.ProposalDeleted;
import io.aether.domain.proposal.ProposalDeployed;
import io.aether.domain.proposal.ProposalDeploymentFailed;
import io.aether.domain.proposal.ProposalDeploymentRequested;
import io.aether.domain.proposal.ProposalDeprecated;
import io.aether.domain.proposal.ProposalDisabled;
import io.aether.domain.proposal.ProposalEnabled;
import io.aether.domain.proposal.ProposalRejected;
import io.aether.domain.proposal.ProposalRollbackFailed;
import io.aether.domain.proposal.ProposalRollbackRequested;
import io.aether.domain.proposal.ProposalRolledBack;
import io.aether.domain.security.ApiKeyIssued;
import io.aether.domain.security.ApiKeyRevoked;
import io.aether.domain.security.LoggedOut;
import io.aether.domain.security.LoginFailed;
import io.aether.domain.security.LoginSucceeded;
import io.aether.domain.security.PasskeyRegistered;
import io.aether.domain.security.PasskeyRemoved;
import io.aether.domain.security.PasswordChanged;
import io.aether.domain.security.SetupCompleted;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Revision 1 to 2 of every event that names who did it: revision 1 stored the actor as a plain
 * string (a user name, {@code user}, {@code system}, or whatever a client put in
 * {@code approved_by}); revision 2 stores an {@link Actor}. The old string cannot say which
 * principal it was, so it becomes {@code {"type":"unknown","id":null,"name":<the string>}}.
 * Proposal events hold it at {@code actor}, security events at {@code audit.actor}.
 */
public class ActorRevisionUpcaster extends SingleEventUpcaster {
    static final String FROM = "1";
    static final String TO = "2";

    private static final Set<String> ACTOR_AT_TOP = names(
            ProposalCreated.class,
            ProposalApproved.class,
            ProposalRejected.class,
            ProposalDeploymentRequested.class,
            ProposalDeployed.class,
            ProposalDeploymentFailed.class,
            ProposalRollbackRequested.class,
            ProposalRolledBack.class,
            ProposalRollbackFailed.class,
            ProposalAutomationSwitchFailed.class,
            ProposalDisabled.class,
            ProposalEnabled.class,
            ProposalDeprecated.class,
            ProposalArchived.class,
            ProposalDeleted.class);
    private static final Set<String> ACTOR_IN_AUDIT = names(
            SetupCompleted.class,
            PasswordChanged.class,
            LoginSucceeded.class,
            LoginFailed.class,
            LoggedOut.class,
            ApiKeyIssued.class,
            ApiKeyRevoked.class,
            PasskeyRegistered.class,
            PasskeyRemoved.class);

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        String type = representation.getType().getName();
        return FROM.equals(representation.getType().getRevision())
                && (ACTOR_AT_TOP.contains(type) || ACTOR_IN_AUDIT.contains(type));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        String type = representation.getType().getName();
        return representation.upcastPayload(new SimpleSerializedType(type, TO), JsonNode.class, payload -> {
            withActorObject(ACTOR_AT_TOP.contains(type) ? payload : payload.get("audit"));
            return payload;
        });
    }

    /** Replaces a textual (or missing/null) {@code actor} of the object by an unknown Actor. */
    private static void withActorObject(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode actor = object.get("actor");
            if (actor == null || actor.isNull() || actor.isTextual()) {
                ObjectNode replacement = JsonNodeFactory.instance.objectNode();
                replacement.put("type", Actor.Type.UNKNOWN.wire());
                replacement.putNull("id");
                if (actor != null && actor.isTextual()) {
                    replacement.put("name", actor.asText());
                } else {
                    replacement.putNull("name");
                }
                object.set("actor", replacement);
            }
        }
    }

    private static Set<String> names(Class<?>... types) {
        return Stream.of(types).map(Class::getName).collect(Collectors.toUnmodifiableSet());
    }
}
