package io.aether.api.conversation;

import io.aether.agents.chat.TurnResult;
import io.aether.api.chat.ChatRateLimit;
import io.aether.api.platform.error.ApiException;
import io.aether.domain.actor.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The native conversations: start one, list, read with messages, send a message, delete (an event). */
@RestController
@Validated
@RequestMapping(path = "/api/v1/conversations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Conversations", description = "Conversations with the home's agents")
public class ConversationController {
    private static final Set<String> STATUSES = Set.of("active", "completed", "archived");
    private final ConversationService conversations;
    private final ChatRateLimit limit;

    public ConversationController(ConversationService conversations, ChatRateLimit limit) {
        this.conversations = conversations;
        this.limit = limit;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Start a conversation; the agent answers the initial message")
    public ConversationResponses.Detail create(@Valid @RequestBody ConversationRequests.Create request, Actor actor) {
        limit.spend(actor);
        return ConversationResponses.Detail.of(conversations.start(request.title(), request.initialMessage(), actor));
    }

    @GetMapping
    @Operation(summary = "List conversations, newest activity first (deleted ones excluded)")
    public ConversationResponses.Page list(
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.badRequest("status must be one of active, completed, archived");
        }
        return ConversationResponses.Page.of(conversations.list(status, limit, offset), limit, offset);
    }

    @GetMapping("/{conversationId}")
    @Operation(summary = "One conversation with its messages and the proposals still waiting for approval")
    public ConversationResponses.Detail get(@PathVariable String conversationId) {
        return ConversationResponses.Detail.of(conversations.get(conversationId));
    }

    @PostMapping(path = "/{conversationId}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send a message; the agent answers it")
    public ConversationResponses.Reply send(
            @PathVariable String conversationId, @Valid @RequestBody ConversationRequests.Send request, Actor actor) {
        limit.spend(actor);
        TurnResult result = conversations.send(conversationId, request.message(), actor);
        boolean proposal = !result.proposalIds().isEmpty();
        return new ConversationResponses.Reply(
                conversationId.strip(),
                result.text(),
                proposal,
                proposal ? result.proposalIds().get(0).toString() : null,
                proposal ? "waiting_approval" : "active");
    }

    @DeleteMapping("/{conversationId}")
    @Operation(summary = "Delete a conversation (an event; it leaves every list)")
    public ConversationResponses.Deleted delete(@PathVariable String conversationId, Actor actor) {
        return new ConversationResponses.Deleted(
                true, conversations.delete(conversationId, actor).toString());
    }
}
