package io.aether.api.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.aether.agents.trace.AgentSpan;
import io.aether.agents.trace.AgentTracing;
import io.aether.agents.trace.TraceAttributes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** AETHER_TRACE_CONTENT: content attributes are dropped unless it is true; the rest always stays. */
class ContentFilteringExporterTest {

    static final class Collected implements SpanExporter {
        final List<SpanData> spans = new CopyOnWriteArrayList<>();

        @Override
        public CompletableResultCode export(Collection<SpanData> batch) {
            spans.addAll(batch);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    private static SpanData record(boolean keepContent) {
        Collected collected = new Collected();
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(ContentFilteringExporter.wrap(collected, keepContent)))
                .build()) {
            AgentTracing tracing = new AgentTracing(provider.get("test"));
            try (AgentSpan tool = tracing.tool("architect", "seek_approval", false)) {
                tool.content(TraceAttributes.TOOL_ARGUMENTS, "{\"alias\":\"Hall light\"}")
                        .content(TraceAttributes.MESSAGE_CONTENT, "make the hall light smart");
                tool.span()
                        .addEvent(
                                "message",
                                Attributes.of(
                                        AttributeKey.stringKey(TraceAttributes.GEN_AI_COMPLETION),
                                        "Done.",
                                        AttributeKey.stringKey("aether.step"),
                                        "answer"));
            }
        }
        assertThat(collected.spans).hasSize(1);
        return collected.spans.get(0);
    }

    @Test
    void contentIsDroppedByDefault() {
        SpanData span = record(false);
        assertThat(span.getAttributes().get(AttributeKey.stringKey(TraceAttributes.TOOL_ARGUMENTS)))
                .isNull();
        assertThat(span.getAttributes().get(AttributeKey.stringKey(TraceAttributes.MESSAGE_CONTENT)))
                .isNull();
        assertThat(span.getAttributes().get(AttributeKey.stringKey(TraceAttributes.GEN_AI_TOOL_NAME)))
                .isEqualTo("seek_approval");
        assertThat(span.getEvents().get(0).getAttributes().asMap()).hasSize(1);
        assertThat(span.getEvents().get(0).getAttributes().get(AttributeKey.stringKey("aether.step")))
                .isEqualTo("answer");
    }

    @Test
    void contentIsKeptWhenTheOperatorAsksForIt() {
        SpanData span = record(true);
        assertThat(span.getAttributes().get(AttributeKey.stringKey(TraceAttributes.TOOL_ARGUMENTS)))
                .isEqualTo("{\"alias\":\"Hall light\"}");
        assertThat(span.getAttributes().get(AttributeKey.stringKey(TraceAttributes.MESSAGE_CONTENT)))
                .isEqualTo("make the hall light smart");
        assertThat(span.getEvents()
                        .get(0)
                        .getAttributes()
                        .get(AttributeKey.stringKey(TraceAttributes.GEN_AI_COMPLETION)))
                .isEqualTo("Done.");
    }
}
