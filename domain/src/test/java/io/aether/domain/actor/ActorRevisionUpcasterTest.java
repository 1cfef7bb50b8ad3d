package io.aether.domain.actor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.domain.proposal.ProposalApproved;
import io.aether.domain.proposal.ProposalDeployed;
import io.aether.domain.security.LoginFailed;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

/** Revision-1 events as they were stored (JSON fixtures under upcasting/) read back as revision 2. */
class ActorRevisionUpcasterTest {
    private static final UUID PROPOSAL = UUID.fromString("11111111-2222-3333-4444-555555555555");

    /** The stored-event mapper's settings (AxonConfiguration.defaultAxonObjectMapper) that matter here. */
    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
            .build();

    private final ActorRevisionUpcaster upcaster = new ActorRevisionUpcaster();

    @Test
    void aRevisionOneProposalActorBecomesAnUnknownActorNamedAsStored() throws IOException {
        ProposalApproved approved = read(ProposalApproved.class, "1", fixture("ProposalApproved-rev1.json"));

        assertThat(approved.proposalId()).isEqualTo(PROPOSAL);
        assertThat(approved.actor()).isEqualTo(Actor.unknown("Alice from the desk"));
        assertThat(approved.label()).isNull();
        assertThat(approved.actorLabel()).isEqualTo("Alice from the desk");
        assertThat(approved.comment()).isEqualTo("looks fine");
    }

    @Test
    void onlyTheEventsOwnActorChangesNotKeysOfTheSameNameInsideAConfig() throws IOException {
        ProposalDeployed deployed = read(ProposalDeployed.class, "1", fixture("ProposalDeployed-rev1.json"));

        assertThat(deployed.actor()).isEqualTo(Actor.unknown("user"));
        assertThat(deployed.deployedConfig()
                        .path("actions")
                        .get(0)
                        .path("actor")
                        .asText())
                .isEqualTo("kept as it is");
        assertThat(deployed.method()).isEqualTo("rest_api");
    }

    @Test
    void aRevisionOneSecurityEventGetsItsAuditActorUpcast() throws IOException {
        LoginFailed failed = read(LoginFailed.class, "1", fixture("LoginFailed-rev1.json"));

        assertThat(failed.audit().actor()).isEqualTo(Actor.unknown("mallory"));
        assertThat(failed.audit().label()).isNull();
        assertThat(failed.audit().clientAddress()).isEqualTo("198.51.100.7");
        assertThat(failed.audit().userAgent()).isEqualTo("curl/8.5");
        assertThat(failed.attemptedUsername()).isEqualTo("mallory");
    }

    @Test
    void revisionTwoIsLeftAlone() {
        ProposalApproved current = new ProposalApproved(PROPOSAL, Actor.apiKey(UUID.randomUUID(), "ci"), "Bob", "ok");
        SerializedObject<byte[]> stored = serializer.serialize(current, byte[].class);

        assertThat(stored.getType().getRevision()).isEqualTo("2");
        assertThat(read(ProposalApproved.class, "2", stored.getData())).isEqualTo(current);
    }

    private <T> T read(Class<T> type, String revision, byte[] payload) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(
                "Aggregate",
                PROPOSAL.toString(),
                0,
                "event-1",
                Instant.EPOCH,
                type.getName(),
                revision,
                payload,
                "{}".getBytes());
        List<IntermediateEventRepresentation> upcast = upcaster.upcast(
                        Stream.of(new InitialEventRepresentation(entry, serializer)))
                .toList();
        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo(ActorRevisionUpcaster.TO);
        return type.cast(serializer.deserialize(upcast.get(0).getData()));
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = ActorRevisionUpcasterTest.class.getResourceAsStream("/upcasting/" + name)) {
            return in.readAllBytes();
        }
    }
}
