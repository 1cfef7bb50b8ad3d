package io.aether.api.security.ratelimit;

/** What a rate-limited request attempts; each action has its own bucket per client address (chat: per credential). */
public enum RateLimitedAction {
    /** Password login and Home Assistant token login: one bucket, so neither doubles the guesses. */
    LOGIN,
    SETUP,
    PASSKEY_VERIFY,
    /** Google callback (needs a session): apart from LOGIN, so it can never lock out password sign-in. */
    GOOGLE_LINK,
    /** POST /webhooks/ha: public, guarded by a shared secret; its own, larger bucket. */
    WEBHOOK,
    /** A chat turn (chat completions, conversation messages, refine): one bucket per credential, not per address. */
    CHAT
}
