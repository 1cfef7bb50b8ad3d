package io.aether.api.chat;

import dev.langchain4j.model.chat.ChatModel;
import io.aether.agents.chat.AgentSetup;
import io.aether.agents.chat.ModelSource;
import io.aether.agents.llm.ChatModels;
import io.aether.agents.llm.LlmSettings;
import io.aether.agents.offline.OfflineChatModel;
import org.springframework.stereotype.Component;

/**
 * The model an agent chats on: with a provider configured, the model of its active config (built
 * once per distinct spec by {@link ChatModels}); with provider {@code none}, the offline engine
 * over the mirrors of the home ({@link OfflineChatModel}), so a fresh install can chat.
 */
@Component
public class ChatModelSource implements ModelSource {
    static final String OFFLINE_PROVIDER = "offline";

    private final LlmSettings settings;
    private final ChatModels models;
    private final OfflineChatModel offline;

    public ChatModelSource(LlmSettings settings, ChatModels models, MirrorHomeView home) {
        this.settings = settings;
        this.models = models;
        this.offline = new OfflineChatModel(home);
    }

    @Override
    public ChatModel model(AgentSetup agent) {
        return settings.configured() ? models.get(agent.model()) : offline;
    }

    @Override
    public String provider() {
        return settings.configured() ? settings.provider().wire() : OFFLINE_PROVIDER;
    }

    @Override
    public String modelName(AgentSetup agent) {
        return settings.configured() ? agent.model().modelName() : OfflineChatModel.MODEL_NAME;
    }
}
