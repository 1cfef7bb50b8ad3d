package io.aether.domain.feedback.query;

import java.util.List;

/** A page of ratings and how many match the filters. */
public record ModelRatingList(List<ModelRatingView> items, long total) {}
