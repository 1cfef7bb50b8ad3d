package io.aether.api.platform.messaging;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.axonframework.queryhandling.QueryGateway;

/** Sends a query and waits for its answer, rethrowing the handler's own exception (a 404, a 409) as it was. */
public final class QueryAnswers {
    private QueryAnswers() {}

    public static <R> R answer(QueryGateway queries, Object query, Class<R> type) {
        try {
            return queries.query(query, type).get();
        } catch (ExecutionException | CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while querying", e);
        }
    }
}
