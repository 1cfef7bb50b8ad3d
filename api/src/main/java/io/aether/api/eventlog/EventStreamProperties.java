package io.aether.api.eventlog;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live audit-log streams ({@code aether.events.stream.*}, docs/configuration.md).
 *
 * @param heartbeat  how often a quiet stream sends a comment line, so proxies keep it open and a
 *                   vanished client is noticed
 * @param bufferSize entries held for one subscriber that has not written them yet; a subscriber
 *                   that falls this far behind is ended with a final {@code end} event
 *                   ({@code reason: overflow}) and resumes with Last-Event-ID
 * @param maxStreams concurrent streams per node; one more is refused with 503
 */
@ConfigurationProperties("aether.events.stream")
public record EventStreamProperties(
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("1000") int bufferSize,
        @DefaultValue("32") int maxStreams) {}
