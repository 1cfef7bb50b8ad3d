package io.aether.agents.offline;

import io.aether.agents.offline.Automations.Outcome;
import io.aether.agents.offline.Commands.Command;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The deterministic sentence engine behind {@link OfflineChatModel}: one sentence in, one answer or
 * one proposal out, read from the {@link HomeView} of this turn. It never changes the home.
 */
public final class OfflineEngine {
    /** What the engine can do, said when asked and when it does not understand. */
    public static final String CAPABILITIES = String.join(
            "\n",
            "No language model is configured, so I understand a fixed set of sentences:",
            "- questions about your home: \"which lights are on in the kitchen?\", \"is the front door locked?\","
                    + " \"what is the living room temperature?\", \"how many lights are on?\","
                    + " \"list the sensors in the bedroom\", \"where is the coffee maker?\"",
            "- one-off changes, proposed for your approval: \"turn off the hall light\", \"turn on all lights in"
                    + " the kitchen\", \"set the bedroom light to 50%\", \"lock the front door\","
                    + " \"set the thermostat to 21 degrees\", \"open the blinds\"",
            "- automations, proposed for your approval: \"when motion is detected in the hallway after sunset"
                    + " turn on the hallway light\", \"when the front door opens turn on the hall light\","
                    + " \"at 7:30 turn on the coffee maker\"");

    private static final Pattern HELP = Pattern.compile("^(?:help|what can you do|what can i (?:say|ask)|who are you"
            + "|what are you|hi|hello|hey|good (?:morning|afternoon|evening)|commands)(?: aether)?$");
    private static final Pattern THANKS = Pattern.compile("^(?:thanks|thank you|cheers)(?: aether)?$");

    /** Longer messages are not parsed (the templates are single sentences; this bounds the matching work). */
    public static final int MAX_SENTENCE_LENGTH = 500;

    private final HomeView home;

    public OfflineEngine(HomeView home) {
        this.home = home;
    }

    /** The answer to one sentence of the person. */
    public Reply answer(String sentence) {
        if (sentence != null && sentence.length() > MAX_SENTENCE_LENGTH) {
            return Reply.text("That message is too long for me: without a language model I understand one short"
                    + " sentence at a time (at most " + MAX_SENTENCE_LENGTH + " characters). " + CAPABILITIES);
        }
        String s = Text.normalize(sentence);
        if (s.isEmpty() || HELP.matcher(s).matches()) {
            return Reply.text("Hello! I am Aether's offline assistant. " + CAPABILITIES);
        }
        if (THANKS.matcher(s).matches()) {
            return Reply.text("You are welcome.");
        }
        HomeIndex index = new HomeIndex(home);
        Outcome automation = Automations.parse(s, index);
        if (automation != null) {
            return automation.ok()
                    ? Reply.proposal(automation.title(), automation.proposal())
                    : Reply.text(automation.problem());
        }
        Command command = Commands.parse(s, index);
        if (command != null) {
            return command.ok()
                    ? Reply.proposal(Text.capitalize(command.summary()), command.proposal())
                    : Reply.text(command.problem());
        }
        String answer = Questions.answer(s, index);
        if (answer != null) {
            return Reply.text(answer);
        }
        return Reply.text("Sorry, I did not understand \"" + sentence.strip() + "\". " + CAPABILITIES);
    }

    /**
     * An answer: a text, or a proposal to submit through {@code seek_approval}.
     *
     * @param text      the answer (null for a proposal)
     * @param title     the proposal's title
     * @param arguments the seek_approval arguments (proposal_type, title, description, and
     *                  service_call or config)
     */
    public record Reply(String text, String title, Map<String, Object> arguments) {
        static Reply text(String text) {
            return new Reply(text, null, null);
        }

        static Reply proposal(String title, Map<String, Object> arguments) {
            return new Reply(null, title, arguments);
        }

        public boolean isProposal() {
            return arguments != null;
        }
    }
}
