package io.aether.api.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.agents.llm.ChatModelFactory;
import io.aether.agents.llm.LlmProvider;
import io.aether.agents.llm.LlmProviderException;
import io.aether.agents.llm.LlmSettings;
import io.aether.agents.llm.ModelSpec;
import io.aether.agents.testing.ChatCompletionsServer;
import java.time.Duration;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/** A language model failure is answered 502 llm_error in the envelope, also when wrapped, never 500. */
class UpstreamLlmErrorTest {
    private final ApiExceptionHandler handler = new ApiExceptionHandler(new ErrorResponses(new ObjectMapper()));

    @Test
    void aRealProviderFailureIsA502WithoutTheKey() {
        LlmProviderException failure;
        try (ChatCompletionsServer llm = ChatCompletionsServer.start()) {
            llm.fail(503, "overloaded");
            LlmSettings settings = new LlmSettings(
                            LlmProvider.OPENAI,
                            llm.baseUrl(),
                            "sk-envelope-secret",
                            "m",
                            null,
                            Duration.ofSeconds(5),
                            0)
                    .validated();
            try {
                new ChatModelFactory().create(ModelSpec.defaults(settings)).chat("hi");
                throw new AssertionError("the scripted 503 did not fail the call");
            } catch (LlmProviderException e) {
                failure = e;
            }
        }
        for (Exception e : new Exception[] {failure, new CommandExecutionException("wrapped", failure)}) {
            ResponseEntity<ApiError> answer = handler.other(e, new MockHttpServletRequest());
            assertThat(answer.getStatusCode().value()).isEqualTo(502);
            assertThat(answer.getBody().error().type()).isEqualTo("llm_error");
            assertThat(answer.getBody().error().message())
                    .contains("HTTP 503")
                    .doesNotContain("sk-envelope-secret")
                    .doesNotContain("overloaded");
        }
    }
}
