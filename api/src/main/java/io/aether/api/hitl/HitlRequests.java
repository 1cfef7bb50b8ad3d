package io.aether.api.hitl;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Bodies of the HITL test endpoints (original TestNotificationRequest, TestApprovalRequest). */
public final class HitlRequests {
    private HitlRequests() {}

    public record TestNotification(
            @NotBlank @Size(max = 255) @Schema(example = "notify.mobile_app_dans_iphone")
            String notifyService,

            @Size(max = 1000) String message) {}

    public record TestApproval(
            @NotBlank @Size(max = 255) @Schema(example = "notify.mobile_app_dans_iphone")
            String notifyService,

            @Size(max = 200) String title,
            @Size(max = 1000) String description) {}
}
