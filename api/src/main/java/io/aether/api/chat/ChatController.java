package io.aether.api.chat;

import io.aether.agents.chat.AgentRouter;
import io.aether.api.agent.AgentService;
import io.aether.domain.actor.Actor;
import io.aether.domain.agent.AgentStatus;
import io.aether.domain.agent.AgentView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OpenAI-compatible chat API: the agents as models, and chat completions (JSON or Server-Sent
 * Events) that standard OpenAI clients use unchanged. docs/chat.md.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "OpenAI-Compatible", description = "Chat with the home's agents through OpenAI's wire format")
public class ChatController {
    private final ChatCompletions completions;
    private final AgentService agents;
    private final ChatFeedback feedback;
    private final ChatRateLimit limit;
    private final Instant started = Instant.now();

    public ChatController(
            ChatCompletions completions, AgentService agents, ChatFeedback feedback, ChatRateLimit limit) {
        this.limit = limit;
        this.completions = completions;
        this.agents = agents;
        this.feedback = feedback;
    }

    @GetMapping(path = "/models", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "List the agents as models, plus auto",
            description = "A model id names an agent (or auto, which routes by intent) in POST /chat/completions.")
    public Map<String, Object> models() {
        List<Map<String, Object>> data = new ArrayList<>();
        data.add(model(AgentRouter.AUTO, started.getEpochSecond()));
        boolean architect = false;
        for (AgentView agent :
                agents.list(ChatAgents.MAX_AGENTS, 0, null, false).items()) {
            if (agent.status() != AgentStatus.DISABLED) {
                data.add(model(agent.name(), agent.createdAt().getEpochSecond()));
                architect |= AgentRouter.ARCHITECT.equals(agent.name());
            }
        }
        if (!architect) {
            data.add(1, model(AgentRouter.ARCHITECT, started.getEpochSecond()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("object", "list");
        body.put("data", data);
        return body;
    }

    private static Map<String, Object> model(String id, long created) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("object", "model");
        m.put("created", created);
        m.put("owned_by", "aether");
        return m;
    }

    @PostMapping(
            path = "/chat/completions",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_EVENT_STREAM_VALUE})
    @Operation(
            summary = "Chat with an agent (OpenAI chat completion; stream: true for Server-Sent Events)",
            description = "The original's 'agent' field wins; else a 'model' naming an agent or auto selects it; "
                    + "else auto. No user message: 400 (an SSE error when streaming); more than 200 messages or "
                    + "a message over 32,000 characters: 422; a provider error or timeout: 502; too many turns of one "
                    + "credential: 429.")
    public ResponseEntity<Map<String, Object>> completions(
            @Valid @RequestBody ChatRequests.Completion request, Actor actor, HttpServletResponse response)
            throws IOException {
        limit.spend(actor);
        if (request.streaming()) {
            completions.stream(request, actor, response);
            return null;
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(completions.complete(request, actor));
    }

    @PostMapping(
            path = "/feedback",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Thumbs up or down on one chat answer, by its trace_id (recorded as an event)",
            description = "404 when no turn of a live conversation has this trace id.")
    public Map<String, Object> feedback(@Valid @RequestBody ChatRequests.Feedback request, Actor actor) {
        feedback.give(request.traceId().strip(), request.sentiment(), actor);
        return Map.of("status", "ok");
    }
}
