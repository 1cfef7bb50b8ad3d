package io.aether.api.usage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the agents' model calls used and cost: per period, per day, per model and per conversation. */
@RestController
@Validated
@RequestMapping(path = "/api/v1/usage", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Usage")
public class UsageController {
    private final UsageService usage;

    public UsageController(UsageService usage) {
        this.usage = usage;
    }

    @GetMapping("/summary")
    @Operation(summary = "Calls, tokens and cost of the last `days` UTC days (today included), with a row per model")
    public UsageResponses.Summary summary(
            @Parameter(description = "Number of days to summarize") @RequestParam(defaultValue = "30") @Min(1) @Max(365)
                    int days) {
        return UsageResponses.Summary.of(days, usage.summary(days));
    }

    @GetMapping("/daily")
    @Operation(summary = "One row per UTC day with calls, oldest first")
    public UsageResponses.Daily daily(
            @Parameter(description = "Number of days of history") @RequestParam(defaultValue = "30") @Min(1) @Max(365)
                    int days) {
        return UsageResponses.Daily.of(days, usage.daily(days));
    }

    @GetMapping("/models")
    @Operation(summary = "Calls, tokens, cost and average latency per model")
    public UsageResponses.Models models(
            @Parameter(description = "Number of days to analyze") @RequestParam(defaultValue = "30") @Min(1) @Max(365)
                    int days) {
        return UsageResponses.Models.of(days, usage.models(days));
    }

    @GetMapping("/conversation/{conversation_id}")
    @Operation(summary = "Calls, tokens and cost of one conversation, per agent role and model (none: zeros)")
    public UsageResponses.Conversation conversation(@PathVariable("conversation_id") String conversationId) {
        UUID id;
        try {
            id = UUID.fromString(conversationId.strip());
        } catch (IllegalArgumentException e) {
            return UsageResponses.Conversation.none(conversationId);
        }
        return UsageResponses.Conversation.of(conversationId, usage.conversation(id));
    }
}
