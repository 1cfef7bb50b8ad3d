package io.aether.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.aether.api.support.OwnServer;
import io.aether.simulator.HomeAssistantSimulator;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The owner's cached setup never outlives a write: a reader on another thread that loads the row
 * while a password change is not yet committed (the Home Assistant mirror's loop reads the setup
 * every few seconds) must not leave the old hash in the cache once the change has committed.
 */
class OwnerAccountCacheTest {
    private static final String TOKEN = "owner-cache-token";
    private static HomeAssistantSimulator ha;
    private static OwnServer server;

    @BeforeAll
    static void start() throws Exception {
        ha = HomeAssistantSimulator.start(0, TOKEN);
        server = OwnServer.start(Files.createTempDirectory("aether-owner-cache-"), ha.baseUrl(), TOKEN);
        assertThat(server.http()
                        .post(
                                "/api/v1/auth/setup",
                                Map.of("ha_url", ha.baseUrl(), "ha_token", TOKEN, "password", "owner cache password"))
                        .status())
                .isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (ha != null) {
            ha.stop();
        }
    }

    @Test
    void aLoadDuringAnUncommittedPasswordChangeIsNotKept() throws Exception {
        OwnerAccount owner = server.bean(OwnerAccount.class);
        TransactionTemplate transaction = server.bean(TransactionTemplate.class);
        String before = owner.setup().orElseThrow().passwordHash();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            transaction.executeWithoutResult(status -> {
                owner.changePassword("$2a$04$changedchangedchangedchangedchangedchangedchangedchang");
                try {
                    // Another thread reads now: the change is not visible to it yet.
                    String seen = reader.submit(
                                    () -> owner.setup().orElseThrow().passwordHash())
                            .get();
                    assertThat(seen).isEqualTo(before);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
        } finally {
            reader.shutdownNow();
        }
        assertThat(owner.setup().orElseThrow().passwordHash())
                .isEqualTo("$2a$04$changedchangedchangedchangedchangedchangedchangedchang");
    }
}
