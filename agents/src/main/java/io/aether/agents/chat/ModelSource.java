package io.aether.agents.chat;

import dev.langchain4j.model.chat.ChatModel;

/** The chat model an agent runs on, and the names that go into the LLM call records. */
public interface ModelSource {
    ChatModel model(AgentSetup agent);

    /** The provider's wire name ({@code openai}, {@code offline}, ...). */
    String provider();

    /** The model name recorded for this agent's calls. */
    String modelName(AgentSetup agent);
}
