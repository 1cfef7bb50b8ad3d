package io.aether.query.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.aether.domain.actor.Actor;
import io.aether.domain.proposal.ProposalApproved;
import io.aether.domain.security.AuditContext;
import io.aether.domain.security.LoginFailed;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventActorsTest {

    @Test
    void findsTheActorAtTheTopOfAnEvent() {
        EventActors.Found found = EventActors.of(
                        new ProposalApproved(UUID.randomUUID(), Actor.user("admin"), "ceo", null))
                .orElseThrow();
        assertThat(found.actor()).isEqualTo(Actor.user("admin"));
        assertThat(found.label()).isEqualTo("ceo");
    }

    @Test
    void findsTheActorInAComponentSuchAsTheAuditContext() {
        LoginFailed event = new LoginFailed(
                "owner",
                "password",
                "mallory",
                "bad",
                new AuditContext(Actor.anonymous(), "mallory", "10.0.0.1", "ua"));
        EventActors.Found found = EventActors.of(event).orElseThrow();
        assertThat(found.actor()).isEqualTo(Actor.anonymous());
        assertThat(found.label()).isEqualTo("mallory");
    }

    /** A later domain's event of the same convention needs no change here. */
    record AgentPromoted(String agent, Actor actor) {}

    @Test
    void anyRecordFollowingTheConventionAndNothingElse() {
        assertThat(EventActors.of(new AgentPromoted("a", Actor.agent("planner")))
                        .orElseThrow()
                        .actor())
                .isEqualTo(Actor.agent("planner"));
        assertThat(EventActors.of(new AgentPromoted("a", null))).isEmpty();
        assertThat(EventActors.of("a plain string")).isEmpty();
        assertThat(EventActors.of(null)).isEmpty();
    }
}
