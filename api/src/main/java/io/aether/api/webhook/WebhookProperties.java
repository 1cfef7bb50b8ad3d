package io.aether.api.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Home Assistant webhook's shared secret ({@code X-Webhook-Secret}); blank: see
 * {@link WebhookSecret} for the default (docs/configuration.md).
 */
@ConfigurationProperties("aether.webhook")
public record WebhookProperties(String secret) {
    @Override
    public String toString() {
        return "WebhookProperties[secret=" + (secret == null || secret.isBlank() ? "<unset>" : "<redacted>") + "]";
    }
}
