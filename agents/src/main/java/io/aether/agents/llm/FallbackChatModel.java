package io.aether.agents.llm;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The agent's model, and its fallback model when that call fails; the fallback's failure is the answer. */
final class FallbackChatModel implements ChatModel {
    private static final Logger log = LoggerFactory.getLogger(FallbackChatModel.class);
    private final ChatModel primary;
    private final ChatModel fallback;
    private final String primaryName;
    private final String fallbackName;

    FallbackChatModel(ChatModel primary, ChatModel fallback, String primaryName, String fallbackName) {
        this.primary = primary;
        this.fallback = fallback;
        this.primaryName = primaryName;
        this.fallbackName = fallbackName;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        try {
            return primary.chat(request);
        } catch (LlmProviderException e) {
            log.warn("{}; trying the fallback model {}", e.getMessage(), fallbackName);
            return fallback.chat(request);
        }
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return primary.defaultRequestParameters();
    }

    @Override
    public ModelProvider provider() {
        return primary.provider();
    }

    @Override
    public String toString() {
        return "ChatModel[" + primaryName + ", fallback " + fallbackName + "]";
    }
}
