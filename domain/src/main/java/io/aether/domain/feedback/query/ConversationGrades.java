package io.aether.domain.feedback.query;

import java.util.List;

/** A conversation's live grades, the overall one (span null) first when there is one. */
public record ConversationGrades(List<FlowGradeView> items) {}
