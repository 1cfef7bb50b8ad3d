package io.aether.api.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.api.platform.error.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/webhooks/ha}: public (Home Assistant holds no Aether session) but guarded by
 * {@code X-Webhook-Secret}, checked before the body is even parsed.
 */
@RestController
@RequestMapping(path = "/api/v1/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Webhooks", description = "Home Assistant calling back: schedule triggers and notification actions")
public class WebhookController {
    private final WebhookSecret secret;
    private final WebhookService webhooks;
    private final ObjectMapper mapper;

    public WebhookController(WebhookSecret secret, WebhookService webhooks, ObjectMapper mapper) {
        this.secret = secret;
        this.webhooks = webhooks;
        this.mapper = mapper;
    }

    @PostMapping(path = "/ha", consumes = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements // no Aether credential: X-Webhook-Secret instead
    @Operation(
            summary = "Receive a Home Assistant webhook: run matching webhook schedules, or apply a notification's "
                    + "APPROVE_/REJECT_/DISMISS_ action (actor ha-notification)",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = WebhookPayload.class))))
    public WebhookResponse receive(
            @Parameter(description = "The shared secret (AETHER_WEBHOOK_SECRET or <data-dir>/webhook-secret)")
                    @RequestHeader(name = "X-Webhook-Secret", required = false)
                    String presented,
            @RequestBody(required = false) String body) {
        secret.check(presented);
        return webhooks.receive(WebhookPayload.of(parse(body)));
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("The webhook body must be a JSON object");
        }
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("The webhook body is not valid JSON");
        }
    }
}
