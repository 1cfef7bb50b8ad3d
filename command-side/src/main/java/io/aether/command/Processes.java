package io.aether.command;

import io.aether.command.evaluation.EvaluationProcess;
import io.aether.command.hitl.HitlNotificationProcess;
import io.aether.command.insight.InsightAnalysisProcess;
import io.aether.command.insight.OptimizationProcess;
import io.aether.command.proposal.ProposalDeploymentProcess;
import java.util.List;

/** The command side's process managers (streaming processors that act on Home Assistant). */
public final class Processes {
    public static final List<String> NAMES = List.of(
            ProposalDeploymentProcess.PROCESSING_GROUP,
            InsightAnalysisProcess.PROCESSING_GROUP,
            HitlNotificationProcess.PROCESSING_GROUP,
            OptimizationProcess.PROCESSING_GROUP,
            EvaluationProcess.PROCESSING_GROUP);

    private Processes() {}
}
