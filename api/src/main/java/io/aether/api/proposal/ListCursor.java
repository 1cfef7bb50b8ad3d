package io.aether.api.proposal;

import io.aether.api.platform.error.ApiException;
import io.aether.domain.proposal.ProposalView;
import io.aether.domain.proposal.query.FindProposals;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The {@code after} / {@code next_after} keyset cursor of the proposal list: the position of a
 * row in the list order ({@code created_at}, {@code id}), opaque to clients (base64url text).
 */
final class ListCursor {
    private ListCursor() {}

    /** The cursor after the page's last row, or null when the page is not full (no more rows). */
    static String next(List<ProposalView> items, int limit) {
        if (items.isEmpty() || items.size() < limit) {
            return null;
        }
        ProposalView last = items.get(items.size() - 1);
        String text = last.createdAt() + "_" + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Null for no cursor; a cursor this API did not hand out is 400. */
    static FindProposals.After parse(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            int split = text.indexOf('_');
            return new FindProposals.After(
                    Instant.parse(text.substring(0, split)), UUID.fromString(text.substring(split + 1)));
        } catch (RuntimeException e) {
            throw ApiException.badRequest("'after' is not a cursor of this list: pass the next_after of a page");
        }
    }
}
