package io.aether.agents.llm;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;

/** A chat model whose failures are {@link LlmProviderException}s: upstream errors, never the key. */
final class ProviderErrors implements ChatModel {
    private final ChatModel model;
    private final LlmProvider provider;
    private final String modelName;

    ProviderErrors(ChatModel model, LlmProvider provider, String modelName) {
        this.model = model;
        this.provider = provider;
        this.modelName = modelName;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        try {
            return model.chat(request);
        } catch (LlmProviderException e) {
            throw e;
        } catch (RuntimeException e) {
            throw LlmProviderException.of(e, provider, modelName);
        }
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return model.defaultRequestParameters();
    }

    @Override
    public ModelProvider provider() {
        return model.provider();
    }

    @Override
    public String toString() {
        return "ChatModel[" + provider.wire() + ", " + modelName + "]";
    }
}
