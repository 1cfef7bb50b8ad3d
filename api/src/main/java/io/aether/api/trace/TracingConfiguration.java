package io.aether.api.trace;

import io.aether.agents.trace.AgentTracing;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenTelemetry SDK of the server (never registered as the global one, and Spring Boot's and
 * Axon's own tracing stay off): one tracer provider with resource {@code service.name=aether}, whose
 * finished spans go through a bounded {@link BatchSpanProcessor} to PostgreSQL and, when
 * {@code AETHER_OTLP_ENDPOINT} is set, through a second one to that OTLP/HTTP collector. Both
 * exporters sit behind the content filter (message text and tool arguments dropped unless
 * {@code AETHER_TRACE_CONTENT=true}).
 */
@Configuration(proxyBeanMethods = false)
public class TracingConfiguration {
    public static final String SERVICE_NAME = "aether";
    public static final String INSTRUMENTATION = "io.aether";
    private static final Logger log = LoggerFactory.getLogger(TracingConfiguration.class);

    @Bean(destroyMethod = "close")
    SdkTracerProvider sdkTracerProvider(TraceProperties properties, SpanStore store) {
        SdkTracerProviderBuilder builder = SdkTracerProvider.builder()
                .setResource(Resource.getDefault()
                        .merge(Resource.create(Attributes.builder()
                                .put("service.name", SERVICE_NAME)
                                .build())))
                .addSpanProcessor(batch(new PostgresSpanExporter(store), properties));
        String otlp = properties.otlpTracesUrl();
        if (otlp != null) {
            builder.addSpanProcessor(batch(
                    OtlpHttpSpanExporter.builder()
                            .setEndpoint(otlp)
                            .setTimeout(properties.otlpTimeout())
                            .build(),
                    properties));
            log.info("Traces are exported over OTLP/HTTP to {}", otlp);
        }
        if (properties.content()) {
            log.warn("AETHER_TRACE_CONTENT=true: spans keep message text and tool arguments");
        }
        return builder.build();
    }

    private static SpanProcessor batch(SpanExporter exporter, TraceProperties properties) {
        return BatchSpanProcessor.builder(ContentFilteringExporter.wrap(exporter, properties.content()))
                .setMaxQueueSize(properties.queueSize())
                .setMaxExportBatchSize(properties.batchSize())
                .setScheduleDelay(properties.exportDelay())
                .build();
    }

    /** The SDK for this server only; the tracer provider is closed on its own (flushing the queues). */
    @Bean(destroyMethod = "")
    OpenTelemetry openTelemetry(SdkTracerProvider tracerProvider) {
        return OpenTelemetrySdk.builder().setTracerProvider(tracerProvider).build();
    }

    @Bean
    Tracer tracer(OpenTelemetry openTelemetry) {
        return openTelemetry.getTracer(INSTRUMENTATION);
    }

    /**
     * The instrumentation API the chat runtime calls (agents module); with
     * {@code AETHER_TRACES_ENABLED=false} it records nothing (chat answers then carry a random
     * {@code trace_id} that no stored trace has).
     */
    @Bean
    AgentTracing agentTracing(Tracer tracer, @Value("${aether.traces.enabled:true}") boolean enabled) {
        if (!enabled) {
            log.info("AETHER_TRACES_ENABLED=false: chat turns record no spans");
            return AgentTracing.noop();
        }
        return new AgentTracing(tracer);
    }
}
