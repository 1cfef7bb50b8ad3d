package io.aether.domain.feedback.query;

import java.util.UUID;

/** One rating by id (null when there is none). */
public record FindModelRating(UUID id) {}
