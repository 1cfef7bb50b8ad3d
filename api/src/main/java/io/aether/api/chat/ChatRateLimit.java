package io.aether.api.chat;

import io.aether.api.security.ratelimit.AuthRateLimiter;
import io.aether.api.security.ratelimit.RateLimitedAction;
import io.aether.domain.actor.Actor;
import org.springframework.stereotype.Component;

/**
 * Chat turns per credential ({@code aether.chat.rate-limit.*}, docs/configuration.md): the owner's
 * session and each API key have their own bucket, kept in PostgreSQL like the sign-in buckets so
 * every node spends from the same one. An empty bucket is a 429 with {@code Retry-After}.
 */
@Component
public class ChatRateLimit {
    private final AuthRateLimiter limiter;

    /** The shared limiter, which spends {@link RateLimitedAction#CHAT} under the chat settings. */
    public ChatRateLimit(AuthRateLimiter limiter) {
        this.limiter = limiter;
    }

    /** Spends one turn of the actor's bucket, or refuses. */
    public void spend(Actor actor) {
        String credential = actor.type().wire() + ":" + (actor.id() == null ? actor.name() : actor.id());
        AuthRateLimiter.Decision decision = limiter.tryConsume(RateLimitedAction.CHAT, credential);
        if (!decision.allowed()) {
            throw new Refused(decision.retryAfterSeconds());
        }
    }

    /** The credential's chat bucket is empty. */
    public static class Refused extends RuntimeException {
        private final long retryAfterSeconds;

        Refused(long retryAfterSeconds) {
            super("Too many chat requests; try again in " + retryAfterSeconds
                    + (retryAfterSeconds == 1 ? " second" : " seconds"));
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
