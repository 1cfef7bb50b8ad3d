package io.aether.api.security.google;

import io.swagger.v3.oas.annotations.media.Schema;

/** Where to send the browser to pick a Google account, and the client id for Google's own button. */
@Schema(name = "GoogleUrlResponse")
public record GoogleUrlResponse(String url, String clientId) {}
