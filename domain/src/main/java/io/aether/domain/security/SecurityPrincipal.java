package io.aether.domain.security;

/** Aether has a single owner, so every security event belongs to one principal with a fixed id. */
public final class SecurityPrincipal {
    public static final String ID = "owner";

    private SecurityPrincipal() {}
}
