package io.aether.api.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Aether server: HTTP API, command side, query side and Home Assistant wiring in one process. */
@SpringBootApplication(scanBasePackages = "io.aether")
@ConfigurationPropertiesScan("io.aether.api")
public class AetherApplication {

    public static void main(String[] args) {
        disableAxonPhoneHome();
        SpringApplication.run(AetherApplication.class, args);
    }

    /**
     * Axon's update checker calls an AxonIQ host and writes ~/.axoniq; only a system property
     * set before Spring starts turns it off (docs/architecture.md). Aether makes no outbound
     * calls except to the Home Assistant and LLM endpoints a user configured.
     */
    public static void disableAxonPhoneHome() {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
    }
}
