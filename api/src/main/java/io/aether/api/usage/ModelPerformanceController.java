package io.aether.api.usage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Per model and agent role, how the model calls performed, from the usage read model. */
@RestController
@Validated
@RequestMapping(path = "/api/v1/models", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Model Registry")
public class ModelPerformanceController {
    private final UsageService usage;

    public ModelPerformanceController(UsageService usage) {
        this.usage = usage;
    }

    @GetMapping("/performance")
    @Operation(summary = "Calls, average and p95 latency, tokens and cost per model and agent role")
    public List<UsageResponses.Performance> performance(
            @Parameter(description = "Only this agent role") @RequestParam(name = "agent_role", required = false)
                    String agentRole,
            @Parameter(description = "Time window in hours, ending now")
                    @RequestParam(defaultValue = "168")
                    @Min(1)
                    @Max(8760)
                    int hours) {
        return UsageResponses.Performance.of(usage.performance(agentRole, hours));
    }
}
