package io.aether.command.proposal;

import static io.aether.command.proposal.ProposalFixtures.ALICE;
import static io.aether.command.proposal.ProposalFixtures.DEP1;
import static io.aether.command.proposal.ProposalFixtures.HA_ID;
import static io.aether.command.proposal.ProposalFixtures.ID;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An overdue deployment of a type other than automation is recorded as failed, saying why. */
class OverdueOtherTypesTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void anOverdueScriptDeploymentIsRecordedAsFailedWithoutAskingTheAutomationApi() {
        ProposalContent script = new ProposalContent(
                ProposalType.SCRIPT, "Night", null, null, null, JSON.arrayNode(), "single", null, null, null, null);
        Instant at = Instant.parse("2026-12-03T09:00:00Z");
        ProposalState state = ProposalFold.apply(null, new ProposalCreated(ID, script, HA_ID, ALICE), at);
        state = ProposalFold.apply(state, new ProposalApproved(ID, ALICE, null, null), at);
        state = ProposalFold.apply(
                state,
                new ProposalDeploymentRequested(
                        ID, DEP1, HA_ID, JSON.objectNode().put("alias", "Night"), false, ALICE),
                at);
        ProposalDeploymentProcessTest.FakeAutomationGateway automations =
                new ProposalDeploymentProcessTest.FakeAutomationGateway();
        automations.automations.put(HA_ID, JSON.objectNode().put("alias", "Night"));

        ProposalCommand outcome = new OverdueOperations(automations, Duration.ofMinutes(5)).outcome(state);

        assertThat(outcome).isInstanceOf(RecordDeploymentFailed.class);
        assertThat(((RecordDeploymentFailed) outcome).error())
                .isEqualTo("no outcome was recorded within 5m; Home Assistant is checked only for automations,"
                        + " so repeat the operation");
    }
}
