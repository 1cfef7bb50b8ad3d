package io.aether.api.platform.consistency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Read-your-writes settings ({@code aether.consistency.*}, docs/configuration.md).
 *
 * @param waitTimeout how long a command answer, or a read that sends a consistency token, waits
 *                    for the read models to reach the position before answering anyway with
 *                    {@value ReadConsistency#TIMEOUT_HEADER}
 */
@ConfigurationProperties("aether.consistency")
public record ConsistencyProperties(@DefaultValue("2s") Duration waitTimeout) {}
