package io.aether.agents.chat;

import io.aether.domain.ErrorKind;

/** The model kept asking for tools past the turn's iteration cap: no answer (502, like a provider failure). */
public class TurnLimitException extends RuntimeException implements ErrorKind.Carrier {
    public TurnLimitException(int iterations) {
        super("The agent asked for tools " + iterations + " times without answering (chat.max_tool_iterations)");
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.UPSTREAM;
    }

    @Override
    public String errorType() {
        return "llm_error";
    }
}
