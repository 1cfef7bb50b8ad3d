package io.aether.query.eventlog;

import io.aether.domain.actor.Actor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Optional;

/**
 * Finds who caused an event in its payload, for any event type, by the convention every domain
 * follows: a record with an {@code actor} component of type {@link Actor} (and optionally a
 * {@code label} text beside it), either at the top (proposal events) or in one of its record
 * components (security events keep it in their {@code audit} context). A payload without one (an
 * unknown type, a type of another shape) has none; the event's metadata then names the principal.
 * The accessors are found once per class.
 */
final class EventActors {
    /** Who and what the client called them; {@code label} may be null. */
    record Found(Actor actor, String label) {}

    private record Access(Method holder, Method actor, Method label) {
        Optional<Found> read(Object payload) {
            try {
                Object owner = holder == null ? payload : holder.invoke(payload);
                if (owner == null) {
                    return Optional.empty();
                }
                Actor found = (Actor) actor.invoke(owner);
                String text = label == null ? null : (String) label.invoke(owner);
                return found == null ? Optional.empty() : Optional.of(new Found(found, text));
            } catch (ReflectiveOperationException | RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    private static final Access NONE = new Access(null, null, null);

    private static final ClassValue<Access> ACCESS = new ClassValue<>() {
        @Override
        protected Access computeValue(Class<?> type) {
            Access top = direct(type, null);
            if (top != null) {
                return top;
            }
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    Access nested = direct(component.getType(), component.getAccessor());
                    if (nested != null) {
                        return nested;
                    }
                }
            }
            return NONE;
        }
    };

    private EventActors() {}

    static Optional<Found> of(Object payload) {
        if (payload == null) {
            return Optional.empty();
        }
        Access access = ACCESS.get(payload.getClass());
        return access == NONE ? Optional.empty() : access.read(payload);
    }

    /** The actor (and label) components of a record type, or null when it has no actor component. */
    private static Access direct(Class<?> type, Method holder) {
        if (!type.isRecord()) {
            return null;
        }
        Method actor = null;
        Method label = null;
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getName().equals("actor") && component.getType() == Actor.class) {
                actor = component.getAccessor();
            } else if (component.getName().equals("label") && component.getType() == String.class) {
                label = component.getAccessor();
            }
        }
        if (actor == null) {
            return null;
        }
        actor.setAccessible(true);
        if (label != null) {
            label.setAccessible(true);
        }
        if (holder != null) {
            holder.setAccessible(true);
        }
        return new Access(holder, actor, label);
    }
}
