package io.aether.command.proposal;

import io.aether.domain.actor.Actor;
import io.aether.domain.proposal.AutomationConfig;
import io.aether.domain.proposal.ProposalApproved;
import io.aether.domain.proposal.ProposalContent;
import io.aether.domain.proposal.ProposalCreated;
import java.util.UUID;

/** Ids, principals and first events shared by the proposal tests of this module. */
final class ProposalFixtures {
    static final UUID ID = UUID.fromString("0f0e0d0c-0b0a-0908-0706-050403020100");
    static final String HA_ID = AutomationConfig.haAutomationId(ID);

    /** The owner, signed in. */
    static final Actor ALICE = Actor.user("alice");
    /** A script with an API key. */
    static final Actor BOB = Actor.apiKey(UUID.fromString("00000000-0000-0000-0000-0000000000a1"), "bob's script");

    static final Actor CAROL = Actor.user("carol");
    static final Actor ARCHITECT = Actor.agent("architect");

    static final UUID DEP1 = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    static final UUID DEP2 = UUID.fromString("00000000-0000-0000-0000-0000000000d2");
    static final UUID RB1 = UUID.fromString("00000000-0000-0000-0000-0000000000b1");

    private ProposalFixtures() {}

    /** v1: the architect agent proposed it. */
    static ProposalCreated created(ProposalContent content) {
        return new ProposalCreated(ID, content, HA_ID, ARCHITECT);
    }

    /** Alice approved it, without a label. */
    static ProposalApproved approved() {
        return new ProposalApproved(ID, ALICE, null, "ok");
    }
}
