package io.aether.api.usage;

import io.aether.api.platform.messaging.QueryAnswers;
import io.aether.domain.llm.query.ConversationUsage;
import io.aether.domain.llm.query.DailyUsage;
import io.aether.domain.llm.query.FindConversationUsage;
import io.aether.domain.llm.query.ListDailyUsage;
import io.aether.domain.llm.query.ListModelUsage;
import io.aether.domain.llm.query.MeasureModelPerformance;
import io.aether.domain.llm.query.ModelPerformanceList;
import io.aether.domain.llm.query.ModelUsageList;
import io.aether.domain.llm.query.SummarizeUsage;
import io.aether.domain.llm.query.UsageSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/**
 * Reads the usage read model. A period of {@code days} is that many whole UTC days, today
 * included ({@code days=1}: today since 00:00 UTC); a performance window of {@code hours} ends now.
 */
@Service
public class UsageService {
    private final QueryGateway queries;
    private final Clock clock;

    public UsageService(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    public UsageSummary summary(int days) {
        return QueryAnswers.answer(queries, new SummarizeUsage(firstDay(days)), UsageSummary.class);
    }

    public DailyUsage daily(int days) {
        return QueryAnswers.answer(queries, new ListDailyUsage(firstDay(days)), DailyUsage.class);
    }

    public ModelUsageList models(int days) {
        return QueryAnswers.answer(queries, new ListModelUsage(firstDay(days)), ModelUsageList.class);
    }

    /** The calls of a conversation; an id that is not a UUID names no conversation: no calls. */
    public ConversationUsage conversation(UUID conversationId) {
        return QueryAnswers.answer(queries, new FindConversationUsage(conversationId), ConversationUsage.class);
    }

    public ModelPerformanceList performance(String agentRole, int hours) {
        String role = agentRole == null || agentRole.isBlank() ? null : agentRole.strip();
        return QueryAnswers.answer(
                queries,
                new MeasureModelPerformance(clock.instant().minus(Duration.ofHours(hours)), role),
                ModelPerformanceList.class);
    }

    private LocalDate firstDay(int days) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(days - 1L);
    }
}
