package io.aether.api.security.google;

/** What a verified Google ID token says: the account (subject), the sign-in nonce and the profile. */
record GoogleIdentity(String subject, String nonce, String email, String name, String picture) {}
