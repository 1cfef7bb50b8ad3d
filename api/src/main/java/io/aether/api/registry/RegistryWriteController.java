package io.aether.api.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aether.api.mirror.HomeAssistantMirror;
import io.aether.api.platform.error.ApiException;
import io.aether.domain.ErrorKind;
import io.aether.domain.actor.Actor;
import io.aether.domain.homeassistant.RecordServiceCallOutcome;
import io.aether.domain.homeassistant.RequestServiceCall;
import io.aether.homeassistant.HomeAssistantException;
import io.aether.homeassistant.websocket.HomeAssistantCommandException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registry's writes: a person's direct service call ({@code POST /registry/services/call},
 * owner session only, recorded as {@code ServiceCallRequested} then {@code ServiceCallCompleted}),
 * and helper create/delete over HA's WebSocket ({@code <domain>/create|delete}). The GET
 * /registry/* reads live in another controller of this package.
 */
@RestController
@RequestMapping(path = "/api/v1/registry", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "HA Registry")
public class RegistryWriteController {
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");
    /** Domains whose services only a proposal (with its approval) may use, as in the original. */
    static final Set<String> BLOCKED_DOMAINS = Set.of(
            "homeassistant",
            "hassio",
            "shell_command",
            "python_script",
            "pyscript",
            "rest_command",
            "command_line",
            "recorder",
            "backup",
            "system_log",
            "logger");

    static final List<String> HELPER_TYPES = List.of(
            "input_boolean",
            "input_number",
            "input_text",
            "input_select",
            "input_datetime",
            "input_button",
            "counter",
            "timer");

    private final HomeAssistantMirror homeAssistant;
    private final CommandGateway commands;
    private final ObjectMapper mapper;

    public RegistryWriteController(HomeAssistantMirror homeAssistant, CommandGateway commands, ObjectMapper mapper) {
        this.homeAssistant = homeAssistant;
        this.commands = commands;
        this.mapper = mapper;
    }

    @Schema(name = "ServiceCallRequest")
    public record ServiceCallRequest(
            @NotBlank @Size(max = 100) String domain,
            @NotBlank @Size(max = 100) String service,
            JsonNode data) {}

    @Schema(name = "ServiceCallResponse")
    public record ServiceCallResponse(boolean success, String domain, String service, String message) {}

    @Schema(name = "HelperCreateRequest")
    public record HelperCreateRequest(
            @NotBlank String helperType,
            @NotBlank @Size(min = 1, max = 100) String inputId,
            @NotBlank @Size(min = 1, max = 200) String name,
            String icon,
            JsonNode config) {}

    @Schema(name = "HelperCreateResponse")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record HelperCreateResponse(
            boolean success, String entityId, String inputId, String helperType, String error) {}

    @Schema(name = "HelperDeleteResponse")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record HelperDeleteResponse(boolean success, String entityId, String error) {}

    @PostMapping("/services/call")
    @Operation(
            summary = "Call a Home Assistant service directly (owner session only; never API keys or agents); "
                    + "recorded with the actor")
    public ServiceCallResponse callService(@Valid @RequestBody ServiceCallRequest request, Actor actor) {
        if (actor.type() != Actor.Type.USER) {
            throw new ApiException(
                    ErrorKind.FORBIDDEN,
                    "Direct service calls are for a person signed in as the owner; API keys and agents"
                            + " change Home Assistant through proposals");
        }
        String domain = request.domain().strip();
        String service = request.service().strip();
        if (!NAME.matcher(domain).matches() || !NAME.matcher(service).matches()) {
            throw ApiException.validation("domain and service must be lower-case names such as light and turn_on");
        }
        if (BLOCKED_DOMAINS.contains(domain)) {
            throw new ApiException(
                    ErrorKind.FORBIDDEN,
                    "Services of '" + domain + "' cannot be called directly; propose the change instead");
        }
        JsonNode data = request.data();
        if (data != null && !data.isNull() && !data.isObject()) {
            throw ApiException.validation("data must be an object");
        }
        ObjectNode serviceData =
                data == null || data.isNull() ? mapper.createObjectNode() : ((ObjectNode) data).deepCopy();
        UUID callId = UUID.randomUUID();
        commands.sendAndWait(new RequestServiceCall(callId, domain, service, serviceData, actor));
        try {
            homeAssistant.webSocket().callService(domain, service, serviceData, null);
        } catch (HomeAssistantException e) {
            commands.sendAndWait(new RecordServiceCallOutcome(callId, false, e.getMessage()));
            throw homeAssistantFailure(e);
        }
        commands.sendAndWait(new RecordServiceCallOutcome(callId, true, null));
        return new ServiceCallResponse(true, domain, service, "Called " + domain + "." + service);
    }

    @PostMapping("/helpers")
    @Operation(summary = "Create a helper in Home Assistant (WebSocket <helper_type>/create); HA refusing it is 422")
    public ResponseEntity<HelperCreateResponse> createHelper(
            @Valid @RequestBody HelperCreateRequest request, Actor actor) {
        forbidAgents(actor);
        String type = request.helperType();
        if (!HELPER_TYPES.contains(type)) {
            throw ApiException.validation("helper_type must be one of " + String.join(", ", HELPER_TYPES));
        }
        if (!NAME.matcher(request.inputId()).matches()) {
            throw ApiException.validation("input_id must be lower case letters, digits and underscores");
        }
        JsonNode config = request.config();
        if (config != null && !config.isNull() && !config.isObject()) {
            throw ApiException.validation("config must be an object");
        }
        ObjectNode fields = mapper.createObjectNode();
        if (config != null && config.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                fields.set(f.getKey(), f.getValue().deepCopy());
            }
        }
        fields.put("name", request.name());
        if (request.icon() != null && !request.icon().isBlank()) {
            fields.put("icon", request.icon());
        }
        try {
            JsonNode created = homeAssistant.webSocket().createHelper(type, fields);
            String id = created.path("id").asText(request.inputId());
            return ResponseEntity.ok(new HelperCreateResponse(true, type + "." + id, id, type, null));
        } catch (HomeAssistantException e) {
            if (e.kind() == HomeAssistantException.Kind.REJECTED) {
                return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY)
                        .body(new HelperCreateResponse(false, null, request.inputId(), type, e.getMessage()));
            }
            throw homeAssistantFailure(e);
        }
    }

    @DeleteMapping("/helpers/{domain}/{inputId}")
    @Operation(summary = "Delete a helper from Home Assistant (WebSocket <domain>/delete); unknown helper 404")
    public HelperDeleteResponse deleteHelper(@PathVariable String domain, @PathVariable String inputId, Actor actor) {
        forbidAgents(actor);
        if (!HELPER_TYPES.contains(domain)) {
            throw ApiException.validation("domain must be one of " + String.join(", ", HELPER_TYPES));
        }
        if (!NAME.matcher(inputId).matches()) {
            throw ApiException.validation("input_id must be lower case letters, digits and underscores");
        }
        try {
            homeAssistant.webSocket().deleteHelper(domain, inputId);
        } catch (HomeAssistantException e) {
            if (e instanceof HomeAssistantCommandException c && "not_found".equals(c.code())) {
                throw new ApiException(ErrorKind.NOT_FOUND, "Home Assistant has no helper " + domain + "." + inputId);
            }
            throw homeAssistantFailure(e);
        }
        return new HelperDeleteResponse(true, domain + "." + inputId, null);
    }

    private static void forbidAgents(Actor actor) {
        if (actor.type() == Actor.Type.AGENT) {
            throw new ApiException(ErrorKind.FORBIDDEN, "Agents change Home Assistant through proposals");
        }
    }

    /** HA refused (422 with its reason) or could not be reached / failed (502 with its message, never the token). */
    static ApiException homeAssistantFailure(HomeAssistantException e) {
        ErrorKind kind = e.kind() == HomeAssistantException.Kind.REJECTED ? ErrorKind.VALIDATION : ErrorKind.UPSTREAM;
        return new ApiException(kind, "home_assistant_error", "Home Assistant: " + e.getMessage());
    }
}
