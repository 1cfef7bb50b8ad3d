package io.aether.query;

import io.aether.query.agent.AgentListProjection;
import io.aether.query.analytics.AgentAnalyticsProjection;
import io.aether.query.analytics.InsightAnalyticsProjection;
import io.aether.query.analytics.ProposalAnalyticsProjection;
import io.aether.query.conversation.ConversationListProjection;
import io.aether.query.evaluation.EvaluationSummaryProjection;
import io.aether.query.eventlog.EventLogProjection;
import io.aether.query.feedback.AgentFeedback;
import io.aether.query.hitl.HitlNotificationProjection;
import io.aether.query.insight.InsightListProjection;
import io.aether.query.insight.InsightScheduleListProjection;
import io.aether.query.job.JobListProjection;
import io.aether.query.llm.LlmUsageProjection;
import io.aether.query.optimization.OptimizationListProjection;
import io.aether.query.proposal.ProposalListProjection;
import io.aether.query.report.ReportListProjection;
import io.aether.query.toolgroup.ToolGroupListProjection;
import io.aether.query.workflow.WorkflowDefinitionListProjection;
import java.util.List;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/** The processing groups that are read models: disposable, and rebuildable by replay at any time. */
public final class Projections {
    public static final List<String> NAMES = List.of(
            ProposalListProjection.PROCESSING_GROUP,
            ToolGroupListProjection.PROCESSING_GROUP,
            AgentListProjection.PROCESSING_GROUP,
            EventLogProjection.PROCESSING_GROUP,
            InsightListProjection.PROCESSING_GROUP,
            JobListProjection.PROCESSING_GROUP,
            ProposalAnalyticsProjection.PROCESSING_GROUP,
            AgentAnalyticsProjection.PROCESSING_GROUP,
            InsightAnalyticsProjection.PROCESSING_GROUP,
            InsightScheduleListProjection.PROCESSING_GROUP,
            WorkflowDefinitionListProjection.PROCESSING_GROUP,
            ReportListProjection.PROCESSING_GROUP,
            AgentFeedback.PROCESSING_GROUP,
            HitlNotificationProjection.PROCESSING_GROUP,
            OptimizationListProjection.PROCESSING_GROUP,
            LlmUsageProjection.PROCESSING_GROUP,
            ConversationListProjection.PROCESSING_GROUP,
            EvaluationSummaryProjection.PROCESSING_GROUP);

    /** The unit-of-work resource that marks a projection's processing batch (set by QuerySideConfiguration). */
    static final String BATCH_RESOURCE = Projections.class.getName() + ".batch";

    private Projections() {}

    /**
     * True while this thread handles a projection's processing batch. A projection sends no command
     * and publishes no event, so the messages Axon creates meanwhile (a result per handled event)
     * need no correlation data.
     */
    public static boolean handlingBatch() {
        return CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().root().resources().containsKey(BATCH_RESOURCE);
    }
}
