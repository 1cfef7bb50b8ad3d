package io.aether.api.homeassistant;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.api.config.AetherProperties;
import io.aether.homeassistant.HomeAssistantClient;
import io.aether.homeassistant.HomeAssistantSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Home Assistant client, from AETHER_HA_URL / AETHER_HA_TOKEN (the server starts without them). */
@Configuration(proxyBeanMethods = false)
public class HomeAssistantConfiguration {

    @Bean
    HomeAssistantClient homeAssistantClient(AetherProperties properties, ObjectMapper mapper) {
        AetherProperties.Ha ha = properties.ha();
        return new HomeAssistantClient(
                new HomeAssistantSettings(ha.url(), ha.token(), ha.connectTimeout(), ha.requestTimeout()), mapper);
    }
}
