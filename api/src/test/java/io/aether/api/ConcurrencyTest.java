package io.aether.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;

/** Conflicting commands on one proposal at the same moment: exactly one wins, the other gets 409. */
class ConcurrencyTest extends IntegrationTest {

    @RepeatedTest(3)
    void twoDeploysAtOnceDeployExactlyOnce() throws Exception {
        String id = createApproved();
        long events = eventCount();

        List<Http.Response> responses = race(
                () -> http.post("/api/v1/proposals/" + id + "/deploy", "{}"),
                () -> http.post("/api/v1/proposals/" + id + "/deploy", "{}"));

        assertThat(responses).extracting(Http.Response::status).containsExactlyInAnyOrder(200, 409);
        Http.Response winner =
                responses.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
        assertThat(winner.json().get("success").asBoolean()).isTrue();
        assertThat(eventCount() - events).as("one request and one outcome").isEqualTo(2);
        assertThat(HA.automationConfig(haId(id))).isPresent();
    }

    @RepeatedTest(3)
    void approveAndRejectOfTheSameVersionLetExactlyOneWin() throws Exception {
        String id = create(AUTOMATION);
        long events = eventCount();

        List<Http.Response> responses = race(
                () -> http.post("/api/v1/proposals/" + id + "/approve", "{}", ifMatch(1)),
                () -> http.post("/api/v1/proposals/" + id + "/reject", "{\"reason\": \"no\"}", ifMatch(1)));

        assertThat(responses).extracting(Http.Response::status).containsExactlyInAnyOrder(200, 409);
        assertThat(eventCount() - events).isEqualTo(1);
        String status = proposal(id).get("status").asText();
        String winner = responses.get(0).status() == 200 ? "approved" : "rejected";
        assertThat(status).isEqualTo(winner);
    }

    /** Without If-Match too: a reject that did not see the approval cannot override it. */
    @RepeatedTest(3)
    void approveAndRejectAtOnceLetExactlyOneWinWithoutIfMatch() throws Exception {
        String id = create(AUTOMATION);
        long events = eventCount();

        List<Http.Response> responses = race(
                () -> http.post("/api/v1/proposals/" + id + "/approve", "{}"),
                () -> http.post("/api/v1/proposals/" + id + "/reject", "{\"reason\": \"no\"}"));

        assertThat(responses).extracting(Http.Response::status).containsExactlyInAnyOrder(200, 409);
        assertThat(eventCount() - events).isEqualTo(1);
        String winner = responses.get(0).status() == 200 ? "approved" : "rejected";
        assertThat(proposal(id).get("status").asText()).isEqualTo(winner);
    }

    @RepeatedTest(3)
    void twoApprovesAtOnceApproveOnce() throws Exception {
        String id = create(AUTOMATION);
        long events = eventCount();

        List<Http.Response> responses = race(
                () -> http.post("/api/v1/proposals/" + id + "/approve", "{\"approved_by\": \"alice\"}"),
                () -> http.post("/api/v1/proposals/" + id + "/approve", "{\"approved_by\": \"bob\"}"));

        assertThat(responses).extracting(Http.Response::status).containsExactlyInAnyOrder(200, 409);
        assertThat(eventCount() - events).isEqualTo(1);
        Http.Response loser =
                responses.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(loser.json().get("error").get("type").asText()).isEqualTo("conflict");
    }

    /** Runs both requests released by one barrier and returns their responses in call order. */
    @SafeVarargs
    private static List<Http.Response> race(Callable<Http.Response>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            CyclicBarrier start = new CyclicBarrier(calls.length);
            List<Future<Http.Response>> futures = java.util.Arrays.stream(calls)
                    .map(call -> pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return call.call();
                    }))
                    .toList();
            return futures.stream()
                    .map(f -> {
                        try {
                            return f.get(60, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new AssertionError(e);
                        }
                    })
                    .toList();
        } finally {
            pool.shutdownNow();
        }
    }
}
