package io.aether.api.chat;

import io.aether.agents.chat.ChatRuntime;
import io.aether.agents.llm.ModelPrices;
import io.aether.agents.trace.AgentTracing;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the agents module's chat runtime to the api's seams: the agents from their active configs
 * ({@link ChatAgents}), the model ({@link ChatModelSource}), the tools ({@link ChatToolbox}) and
 * the operator's price table when one is configured ({@link ModelPrices#NONE} otherwise), and the
 * turn's spans ({@link AgentTracing}).
 */
@Configuration(proxyBeanMethods = false)
public class ChatConfiguration {

    @Bean(destroyMethod = "close")
    ChatRuntime chatRuntime(
            ChatAgents agents,
            ChatModelSource models,
            ChatToolbox tools,
            ObjectProvider<ModelPrices> prices,
            RequestThreadContext context,
            AgentTracing tracing) {
        return new ChatRuntime(
                agents,
                models,
                tools,
                prices.getIfAvailable(() -> ModelPrices.NONE),
                Clock.systemUTC(),
                context,
                tracing);
    }
}
