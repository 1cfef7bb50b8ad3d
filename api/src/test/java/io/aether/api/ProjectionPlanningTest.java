package io.aether.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.aether.api.support.IntegrationTest;
import io.aether.query.proposal.ProposalListProjection;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A projection's batch transaction plans every statement for its parameters, so a plan made
 * while the read-model table was empty is never reused once it has grown, and the setting ends
 * with the transaction.
 */
class ProjectionPlanningTest extends IntegrationTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    TransactionManager transactions;

    @Test
    void projectionTransactionsUseCustomPlansAndLeaveThePoolUntouched() throws Exception {
        AtomicReference<String> inside = new AtomicReference<>();
        UnitOfWork<EventMessage<?>> unitOfWork =
                DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("planning probe"));
        unitOfWork.attachTransaction(transactions);
        unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(
                        unitOfWork, processing.interceptorsFor(ProposalListProjection.PROCESSING_GROUP), message -> {
                            inside.set(planCacheMode());
                            return null;
                        })
                .proceed());

        assertThat(inside.get()).isEqualTo("force_custom_plan");
        assertThat(planCacheMode()).isEqualTo("auto");
    }

    private String planCacheMode() {
        return jdbc.sql("SHOW plan_cache_mode").query(String.class).single();
    }
}
