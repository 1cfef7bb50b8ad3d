package io.aether.agents.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.aether.agents.offline.OfflineEngine.Reply;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Odd, empty and half-finished input gets an honest text answer, never an exception. */
class OfflineEdgeInputTest {
    private static final OfflineEngine ENGINE = new OfflineEngine(DemoHomeFixture.home());
    private static final OfflineEngine EMPTY_HOME = new OfflineEngine(new InMemoryHomeView(List.of(), List.of()));

    static List<String> inputs() {
        return List.of(
                "",
                "   ",
                "?",
                "!!!",
                "turn on",
                "turn off the",
                "set to 5",
                "set the hall light to",
                "lock",
                "when",
                "when turn on the hall light",
                "at",
                "at 25:00 turn on the hall light",
                "when motion is detected in the hallway after 25:00 turn on the hall light",
                "when motion is detected in the hallway between 9 and turn on the hall light",
                "is",
                "is the",
                "how many",
                "which are on",
                "what is",
                "where is",
                "list",
                "list the",
                "turn on the hall light and",
                "turn on and off the hall light",
                "set the hall light to 99999999999999999999 percent",
                "set the thermostat to -5 degrees",
                "what is the temperature in the",
                "when the  sun sets turn on",
                "wenn die sonne untergeht",
                "💡 on",
                "turn on the 💡",
                "is the front door locked? and turn off the hall light");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("inputs")
    void anAnswerWithoutException(String input) {
        for (OfflineEngine engine : List.of(ENGINE, EMPTY_HOME)) {
            Reply reply = engine.answer(input);
            assertThat(reply.isProposal() || !reply.text().isBlank()).isTrue();
        }
    }
}
