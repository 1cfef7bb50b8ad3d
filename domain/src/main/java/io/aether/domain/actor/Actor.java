package io.aether.domain.actor;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who did something: the authenticated principal of a request (the owner's session, an API key),
 * Aether itself ({@code system}), Home Assistant calling back ({@code ha-notification}), or an
 * agent. It is resolved from the security context once per request and carried by every command
 * and event; names a client writes into a request body ({@code approved_by}, ...) are only labels
 * beside it and never replace it.
 *
 * @param type what kind of principal
 * @param id   stable id within the type (user name, API key id, agent name); null when unknown
 * @param name what to show (user name, API key name, agent name)
 */
public record Actor(Type type, String id, String name) {

    public Actor {
        Objects.requireNonNull(type, "actor type");
    }

    /** A person signed in as the owner (session cookie or bearer token). */
    public static Actor user(String username) {
        return new Actor(Type.USER, username, username);
    }

    /** A script or integration authenticated by an API key. */
    public static Actor apiKey(UUID keyId, String keyName) {
        return new Actor(Type.API_KEY, keyId.toString(), keyName);
    }

    /** Aether itself, for work nobody asked for in that moment. */
    public static Actor system() {
        return new Actor(Type.SYSTEM, "system", "system");
    }

    /** Home Assistant reporting a change it made. */
    public static Actor haNotification() {
        return new Actor(Type.HA_NOTIFICATION, "ha-notification", "ha-notification");
    }

    /** An AI agent, by its registered name. */
    public static Actor agent(String agentName) {
        return new Actor(Type.AGENT, agentName, agentName);
    }

    /** Nobody proved who they are (a refused sign-in). */
    public static Actor anonymous() {
        return new Actor(Type.ANONYMOUS, null, "anonymous");
    }

    /** An actor recorded before principals were: only the name that was stored then is known. */
    public static Actor unknown(String recordedName) {
        return new Actor(Type.UNKNOWN, null, recordedName);
    }

    /** The kinds of principal; the wire value is the lower-case name. */
    public enum Type {
        USER,
        API_KEY,
        SYSTEM,
        HA_NOTIFICATION,
        AGENT,
        ANONYMOUS,
        UNKNOWN;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Type fromWire(String value) {
            return Arrays.stream(values())
                    .filter(t -> t.wire().equals(value))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown actor type '" + value + "'; allowed: "
                            + Arrays.stream(values()).map(Type::wire).collect(Collectors.joining(", "))));
        }
    }
}
