package io.aether.command.proposal;

import io.aether.domain.proposal.ProposalType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The {@link DeploymentTarget} of each proposal type: automations through {@link AutomationGateway},
 * the others from the targets the application provides (the api module's Home Assistant adapters).
 */
@Component
public final class DeploymentTargets {
    private final Map<ProposalType, DeploymentTarget> byType = new EnumMap<>(ProposalType.class);

    public DeploymentTargets(AutomationGateway automations, List<DeploymentTarget> others) {
        byType.put(ProposalType.AUTOMATION, new AutomationDeploymentTarget(automations));
        for (DeploymentTarget target : others) {
            if (byType.putIfAbsent(target.type(), target) != null) {
                throw new IllegalStateException(
                        "two deployment targets for " + target.type().wire());
            }
        }
    }

    /** Automations only (tests of the automation path). */
    public static DeploymentTargets automationsOnly(AutomationGateway automations) {
        return new DeploymentTargets(automations, List.of());
    }

    /** The target of this type; an AutomationGatewayException when none is configured. */
    public DeploymentTarget of(ProposalType type) {
        DeploymentTarget target = byType.get(type);
        if (target == null) {
            throw new AutomationGatewayException("no Home Assistant deployment target for '" + type.wire() + "'");
        }
        return target;
    }
}
