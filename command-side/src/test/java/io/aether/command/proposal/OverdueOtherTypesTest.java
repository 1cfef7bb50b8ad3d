package io.aether.command.proposal;

import static io.aether.command.proposal.ProposalFixtures.ALICE;
import static io.aether.command.proposal.ProposalFixtures.DEP1;
import static io.aether.command.proposal.ProposalFixtures.HA_ID;
import static io.aether.command.proposal.ProposalFixtures.ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.aether.domain.proposal.ProposalApproved;
import io.aether.domain.proposal.ProposalCommand;
import io.aether.domain.proposal.ProposalContent;
import io.aether.domain.proposal.ProposalCreated;
import io.aether.domain.proposal.ProposalDeploymentRequested;
import io.aether.domain.proposal.ProposalFold;
import io.aether.domain.proposal.ProposalState;
import io.aether.domain.proposal.ProposalType;
import io.aether.domain.proposal.RecordDeploymentFailed;
import io.aether.domain.proposal.RecordDeploymentSucceeded;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An overdue deployment of a type other than automation is checked against Home Assistant through
 * the type's deployment target: done when HA holds the config, else failed saying why; a service
 * call, which leaves nothing to compare, is a failure that says so.
 */
class OverdueOtherTypesTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final JsonNode CONFIG = JSON.objectNode().put("alias", "Night");
    private static final Instant AT = Instant.parse("2026-12-03T09:00:00Z");

    private final DeploymentTargetProcessTest.FakeTarget scripts = new DeploymentTargetProcessTest.FakeTarget();
    private final ProposalDeploymentProcessTest.FakeAutomationGateway automations =
            new ProposalDeploymentProcessTest.FakeAutomationGateway();
    private final OverdueOperations overdue = new OverdueOperations(
            automations, new DeploymentTargets(automations, List.of(scripts)), Duration.ofMinutes(5));

    private static ProposalState pendingDeployment(ProposalType type) {
        ProposalContent content = new ProposalContent(
                type, "Night", null, null, null, JSON.arrayNode(), "single", null, null, null, null);
        ProposalState state = ProposalFold.apply(null, new ProposalCreated(ID, content, HA_ID, ALICE), AT);
        state = ProposalFold.apply(state, new ProposalApproved(ID, ALICE, null, null), AT);
        return ProposalFold.apply(state, new ProposalDeploymentRequested(ID, DEP1, HA_ID, CONFIG, false, ALICE), AT);
    }

    @Test
    void anOverdueScriptDeploymentThatHaHoldsIsRecordedAsDeployed() {
        scripts.scripts.put(HA_ID, CONFIG);

        ProposalCommand outcome = overdue.outcome(pendingDeployment(ProposalType.SCRIPT));

        assertThat(outcome).isInstanceOf(RecordDeploymentSucceeded.class);
        assertThat(((RecordDeploymentSucceeded) outcome).deploymentId()).isEqualTo(DEP1);
        assertThat(automations.automations)
                .as("the automation API is not asked")
                .isEmpty();
    }

    @Test
    void anOverdueScriptDeploymentThatHaDoesNotHoldIsRecordedAsFailed() {
        ProposalCommand outcome = overdue.outcome(pendingDeployment(ProposalType.SCRIPT));

        assertThat(outcome).isInstanceOf(RecordDeploymentFailed.class);
        assertThat(((RecordDeploymentFailed) outcome).error())
                .isEqualTo("no outcome was recorded within 5m; Home Assistant does not hold the configuration");
    }

    @Test
    void anOverdueServiceCallIsAFailureThatSaysItCannotBeChecked() {
        ProposalCommand outcome = overdue.outcome(pendingDeployment(ProposalType.ENTITY_COMMAND));

        assertThat(outcome).isInstanceOf(RecordDeploymentFailed.class);
        assertThat(((RecordDeploymentFailed) outcome).error())
                .startsWith("no outcome was recorded within 5m; a service call leaves no configuration");
    }
}
