package io.aether.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator standalone as a demo home until killed.
 * Port: first argument, else HA_SIM_PORT, else 8123. Token: HA_SIM_TOKEN, else "demo-token".
 * Bind address: HA_SIM_HOST, else 127.0.0.1 (set 0.0.0.0 to reach it from a container).
 * WebSocket API ({@code /api/websocket}): HA_SIM_WS_PORT, else the REST port + 1 (the JDK's
 * HttpServer cannot upgrade a connection, so it is a second port; real HA uses one).
 */
public final class HomeAssistantSimulatorMain {

    private HomeAssistantSimulatorMain() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args.length > 0 ? args[0] : env("HA_SIM_PORT", "8123"));
        String token = env("HA_SIM_TOKEN", "demo-token");
        String host = env("HA_SIM_HOST", "127.0.0.1");
        int wsPort = Integer.parseInt(env("HA_SIM_WS_PORT", String.valueOf(port == 0 ? 0 : port + 1)));
        HomeAssistantSimulator simulator =
                HomeAssistantSimulator.start(new InetSocketAddress(host, port), wsPort, token);
        // A home usually has automations its user made by hand; Aether must live alongside them.
        simulator.putAutomationConfig("1700000000000", new ObjectMapper().readTree("""
                {"alias":"Hall light on motion","description":"Made by hand in the HA editor","mode":"single",
                 "triggers":[{"trigger":"state","entity_id":["binary_sensor.hall_motion"],"to":["on"]}],
                 "conditions":[],
                 "actions":[{"action":"light.turn_on","metadata":{},"target":{"entity_id":"light.hall"},"data":{}}]}
                """));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            simulator.stop();
                            stopped.countDown();
                        },
                        "ha-simulator-shutdown"));
        // The token itself is not printed: it may be a real secret passed via the environment.
        System.out.println("Home Assistant simulator listening on " + simulator.baseUrl() + " and "
                + simulator.wsUrl() + " (token from "
                + (System.getenv("HA_SIM_TOKEN") == null ? "default 'demo-token'" : "HA_SIM_TOKEN") + ")");
        stopped.await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
