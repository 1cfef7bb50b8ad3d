package io.aether.api.support;

import io.aether.api.platform.AetherApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A server of its own, for tests whose settings or state must not touch the shared one (first
 * setup, password change, rate limits, restarts): embedded PostgreSQL in {@code dataDir}, random
 * port, Home Assistant at {@code haUrl}. Close it to stop both.
 */
public final class OwnServer implements AutoCloseable {
    private final ConfigurableApplicationContext context;

    private OwnServer(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static OwnServer start(Path dataDir, String haUrl, String haToken, String... extraArgs) {
        AetherApplication.disableAxonPhoneHome();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--aether.db.url=",
                "--aether.data-dir=" + dataDir,
                "--aether.ha.url=" + haUrl,
                "--aether.ha.token=" + haToken,
                "--aether.auth.bcrypt-strength=4"));
        for (String extra : extraArgs) {
            // An extra argument replaces a default of the same name (e.g. a second node's aether.db.url).
            String name = extra.contains("=") ? extra.substring(0, extra.indexOf('=') + 1) : extra;
            args.removeIf(arg -> arg.startsWith(name));
            args.add(extra);
        }
        return new OwnServer(new SpringApplicationBuilder(AetherApplication.class).run(args.toArray(String[]::new)));
    }

    public int port() {
        return ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    /** A client without credentials. */
    public Http http() {
        return new Http("http://127.0.0.1:" + port());
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
