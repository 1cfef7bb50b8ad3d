package io.aether.api.platform.web;

import io.aether.api.platform.error.ApiException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code If-Match} request header as a typed controller argument: the 1-based version of the
 * aggregate the client last saw ({@code "3"}, {@code W/"3"} or {@code 3}), or none ({@code *} or no
 * header). A malformed value answers 400 before anything is sent. Resolved by {@link WebArguments}.
 *
 * @param version the version the client expects, null when any will do
 */
public record IfMatch(Integer version) {
    public static final String HEADER = "If-Match";
    /** No header, or {@code *}: the command applies to whatever version is current. */
    public static final IfMatch ANY = new IfMatch(null);

    private static final Pattern ETAG = Pattern.compile("^\\s*(?:W/)?\"?(\\d{1,9})\"?\\s*$");

    public static IfMatch parse(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return ANY;
        }
        Matcher m = ETAG.matcher(header);
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1) {
            throw ApiException.badRequest("If-Match must be a version such as \"3\"");
        }
        return new IfMatch(Integer.parseInt(m.group(1)));
    }

    /** What Axon's {@code @TargetAggregateVersion} expects: the sequence number of the last event (version - 1); null for any. */
    public Long expectedSequence() {
        return version == null ? null : version - 1L;
    }
}
