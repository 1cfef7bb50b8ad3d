package io.aether.api.settings;

import io.aether.domain.actor.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The application settings (sections chat, dashboard, data_science, notifications); every change is an event. */
@RestController
@RequestMapping(path = "/api/v1/settings", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Settings", description = "Application settings with defaults and allowed ranges")
public class SettingsController {
    private final AppSettings settings;

    public SettingsController(AppSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    @Operation(summary = "Get every section's settings, defaults merged with the changes made")
    public SettingsResponse get() {
        return SettingsResponse.of(settings.current());
    }

    @PatchMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Change some settings: only the sections and keys given (a merge)",
            description =
                    "An unknown section or key, or a value outside its range, is refused (422) and nothing changes.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = SettingsRequests.Patch.class))))
    public SettingsResponse patch(@RequestBody Map<String, Object> body, Actor actor) {
        return SettingsResponse.of(settings.change(body, actor));
    }

    @PostMapping(path = "/reset", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Put one section back to its defaults")
    public SettingsResponse reset(@Valid @RequestBody SettingsRequests.Reset request, Actor actor) {
        return SettingsResponse.of(settings.reset(request.section(), actor));
    }
}
