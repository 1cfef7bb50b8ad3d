package io.aether.api.hitl;

import io.aether.domain.actor.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Notifications that ask for a decision (human in the loop): HA's notify services, test pushes,
 * and the actions that came back through {@code POST /webhooks/ha}. Proposals and insights are
 * pushed by the notification process, not from here.
 */
@RestController
@Validated
@RequestMapping(path = "/api/v1/hitl", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "HITL", description = "Actionable notifications through Home Assistant's notify services")
public class HitlController {
    private final HitlService hitl;

    public HitlController(HitlService hitl) {
        this.hitl = hitl;
    }

    @GetMapping("/notify-services")
    @Operation(summary = "Home Assistant's notify.* services (mobile_app_* ones can show buttons)")
    public HitlResponses.NotifyServices notifyServices() {
        return hitl.notifyServices();
    }

    @PostMapping(path = "/test-notification", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send a plain test notification to verify the service works")
    public HitlResponses.TestNotificationSent testNotification(
            @Valid @RequestBody HitlRequests.TestNotification request, Actor actor) {
        return hitl.testNotification(request, actor);
    }

    @PostMapping(path = "/test-approval", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send a test notification with Approve/Reject buttons for a made-up proposal id")
    public HitlResponses.TestApprovalSent testApproval(
            @Valid @RequestBody HitlRequests.TestApproval request, Actor actor) {
        return hitl.testApproval(request, actor);
    }

    @GetMapping("/action-status/{proposalId}")
    @Operation(summary = "Whether an Approve/Reject action for the proposal came back, and what it did")
    public HitlResponses.ActionStatus actionStatus(@PathVariable @Size(max = 100) String proposalId) {
        return hitl.actionStatus(proposalId.strip().toLowerCase(Locale.ROOT));
    }

    @GetMapping("/recent-actions")
    @Operation(summary = "Notification actions received through the webhook, newest first")
    public HitlResponses.RecentActions recentActions(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return hitl.recentActions(limit);
    }
}
