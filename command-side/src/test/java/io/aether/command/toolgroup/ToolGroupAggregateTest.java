package io.aether.command.toolgroup;

import io.aether.domain.actor.Actor;
import io.aether.domain.toolgroup.CreateToolGroup;
import io.aether.domain.toolgroup.InvalidToolGroupException;
import io.aether.domain.toolgroup.ToolGroupAlreadyExistsException;
import io.aether.domain.toolgroup.ToolGroupContent;
import io.aether.domain.toolgroup.ToolGroupCreated;
import io.aether.domain.toolgroup.ToolGroupUpdated;
import io.aether.domain.toolgroup.UpdateToolGroup;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ToolGroupAggregateTest {
    private static final Actor OWNER = Actor.user("owner");
    private static final ToolGroupContent LIGHTS =
            new ToolGroupContent("Lights", "Light tools", List.of("get_entity_state", "control_entity"), false);
    private static final ToolGroupCreated CREATED = new ToolGroupCreated("lights", LIGHTS, OWNER);

    private AggregateTestFixture<ToolGroupAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ToolGroupAggregate.class);
    }

    @Test
    void createRecordsTheGroupWithItsActor() {
        fixture.givenNoPriorActivity()
                .when(new CreateToolGroup("lights", LIGHTS, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(CREATED);
    }

    @Test
    void aSecondCreationUnderTheSameNameIsAConflict() {
        fixture.given(CREATED)
                .when(new CreateToolGroup("lights", LIGHTS, Actor.system()))
                .expectException(ToolGroupAlreadyExistsException.class)
                .expectNoEvents();
    }

    @Test
    void unknownToolsAnEmptyListRepeatedToolsOrABadNameAreRefused() {
        for (CreateToolGroup bad : List.of(
                new CreateToolGroup("lights", content(List.of("get_entity_state", "no_such_tool")), OWNER),
                new CreateToolGroup("lights", content(List.of()), OWNER),
                new CreateToolGroup("lights", content(List.of("web_search", "web_search")), OWNER),
                new CreateToolGroup("Lights", LIGHTS, OWNER),
                new CreateToolGroup("lights", new ToolGroupContent(" ", null, List.of("web_search"), true), OWNER))) {
            new AggregateTestFixture<>(ToolGroupAggregate.class)
                    .givenNoPriorActivity()
                    .when(bad)
                    .expectException(InvalidToolGroupException.class)
                    .expectNoEvents();
        }
    }

    @Test
    void updateRecordsTheWholeContentAfterTheChange() {
        fixture.given(CREATED)
                .when(new UpdateToolGroup("lights", null, null, List.of("get_entity_state"), true, OWNER))
                .expectEvents(new ToolGroupUpdated(
                        "lights",
                        new ToolGroupContent("Lights", "Light tools", List.of("get_entity_state"), true),
                        OWNER));
    }

    @Test
    void updatesApplyToTheLatestContent() {
        ToolGroupContent renamed = new ToolGroupContent("Lamps", "Light tools", LIGHTS.toolNames(), false);
        fixture.given(CREATED, new ToolGroupUpdated("lights", renamed, OWNER))
                .when(new UpdateToolGroup("lights", null, "All lamps", null, null, Actor.system()))
                .expectEvents(new ToolGroupUpdated(
                        "lights",
                        new ToolGroupContent("Lamps", "All lamps", LIGHTS.toolNames(), false),
                        Actor.system()));
    }

    @Test
    void anUpdateThatChangesNothingRecordsNothing() {
        fixture.given(CREATED)
                .when(new UpdateToolGroup("lights", "Lights", null, LIGHTS.toolNames(), false, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anUpdateWithUnknownToolsIsRefused() {
        fixture.given(CREATED)
                .when(new UpdateToolGroup("lights", null, null, List.of("no_such_tool"), null, OWNER))
                .expectException(InvalidToolGroupException.class)
                .expectNoEvents();
        fixture.given(CREATED)
                .when(new UpdateToolGroup("lights", null, null, List.of(), null, OWNER))
                .expectException(InvalidToolGroupException.class)
                .expectNoEvents();
    }

    @Test
    void updatingAGroupThatDoesNotExistFails() {
        fixture.givenNoPriorActivity()
                .when(new UpdateToolGroup("ghost", "Ghost", null, null, null, OWNER))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    private static ToolGroupContent content(List<String> tools) {
        return new ToolGroupContent("Lights", null, tools, true);
    }
}
