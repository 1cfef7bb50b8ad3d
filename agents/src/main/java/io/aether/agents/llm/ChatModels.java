package io.aether.agents.llm;

import dev.langchain4j.model.chat.ChatModel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The chat models in use, by {@link ModelSpec} content. Asking with the spec of an agent's active
 * config answers the model built for exactly that content: when a promotion or rollback changes
 * the config, the next lookup (with the new spec) builds a new model at once, on every node that
 * reads the new config; there is no time-based cache. Least recently used specs beyond
 * {@value #MAX_MODELS} are dropped.
 */
public class ChatModels {
    static final int MAX_MODELS = 64;
    private final ChatModelFactory factory;
    private final Map<ModelSpec, ChatModel> bySpec = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ModelSpec, ChatModel> eldest) {
            return size() > MAX_MODELS;
        }
    };

    public ChatModels(ChatModelFactory factory) {
        this.factory = factory;
    }

    /** The model for this spec, built on first use. */
    public synchronized ChatModel get(ModelSpec spec) {
        return bySpec.computeIfAbsent(spec, factory::create);
    }

    /** How many models are held (for tests and metrics). */
    public synchronized int size() {
        return bySpec.size();
    }
}
