package io.aether.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * HA's state machine ({@code core.StateMachine}) reduced to what the REST API shows: states with
 * HA's timestamp semantics and context. Not thread-safe; the simulator guards it with its lock.
 */
final class StateMachine {

    record Context(String id, String parentId, String userId) {}

    record State(
            String entityId,
            String state,
            ObjectNode attributes,
            Instant lastChanged,
            Instant lastReported,
            Instant lastUpdated,
            Context context) {}

    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    /** A state_changed event: old or new is null when the entity was added or removed. */
    record Change(String entityId, State oldState, State newState, Context context) {}

    private final ObjectMapper mapper;
    /** Told of every change that fires state_changed in HA; null while seeding. */
    private Consumer<Change> listener;
    // Insertion order, like HA's dict: /api/states lists entities in the order they appeared.
    private final Map<String, State> states = new LinkedHashMap<>();

    StateMachine(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void listener(Consumer<Change> listener) {
        this.listener = listener;
    }

    Optional<State> get(String entityId) {
        return Optional.ofNullable(states.get(entityId));
    }

    boolean contains(String entityId) {
        return states.containsKey(entityId);
    }

    List<State> all() {
        return new ArrayList<>(states.values());
    }

    boolean remove(String entityId) {
        State old = states.remove(entityId);
        if (old != null && listener != null) {
            listener.accept(new Change(entityId, old, null, newContext(null)));
        }
        return old != null;
    }

    void clear() {
        states.clear();
    }

    /**
     * Writes a state like {@code hass.states.async_set}. Returns true when a state_changed event
     * would fire (new entity, new state or new attributes); an identical write only moves
     * last_reported and keeps the old context, as in HA.
     */
    boolean set(String entityId, String state, ObjectNode attributes, Context context) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        State old = states.get(entityId);
        ObjectNode attrs = attributes == null ? mapper.createObjectNode() : attributes.deepCopy();
        if (old != null && old.state.equals(state) && old.attributes.equals(attrs)) {
            states.put(
                    entityId,
                    new State(entityId, state, old.attributes, old.lastChanged, now, old.lastUpdated, old.context));
            return false;
        }
        Instant lastChanged = old != null && old.state.equals(state) ? old.lastChanged : now;
        State next = new State(entityId, state, attrs, lastChanged, now, now, context);
        states.put(entityId, next);
        if (listener != null) {
            listener.accept(new Change(entityId, old, next, context));
        }
        return true;
    }

    /** {@code State.as_dict()}: keys in HA's order. */
    ObjectNode toJson(State s) {
        ObjectNode json = mapper.createObjectNode();
        json.put("entity_id", s.entityId);
        json.put("state", s.state);
        json.set("attributes", s.attributes.deepCopy());
        json.put("last_changed", iso(s.lastChanged));
        json.put("last_reported", iso(s.lastReported));
        json.put("last_updated", iso(s.lastUpdated));
        ObjectNode context = json.putObject("context");
        context.put("id", s.context.id);
        context.put("parent_id", s.context.parentId);
        context.put("user_id", s.context.userId);
        return json;
    }

    static Context newContext(String userId) {
        return new Context(ulid(), null, userId);
    }

    /** Current HA context ids are ULIDs: 48-bit milliseconds + 80 random bits, Crockford base32. */
    static String ulid() {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        BigInteger value =
                BigInteger.valueOf(System.currentTimeMillis()).shiftLeft(80).or(new BigInteger(1, random));
        char[] out = new char[26];
        for (int i = 25; i >= 0; i--) {
            out[i] = CROCKFORD.charAt(value.intValue() & 31);
            value = value.shiftRight(5);
        }
        return new String(out);
    }

    /** Python's {@code datetime.isoformat()} in UTC: microseconds (omitted when zero) and "+00:00". */
    static String iso(Instant instant) {
        OffsetDateTime t = instant.atOffset(ZoneOffset.UTC);
        int micros = t.getNano() / 1000;
        return t.format(SECONDS) + (micros == 0 ? "" : String.format(".%06d", micros)) + "+00:00";
    }
}
