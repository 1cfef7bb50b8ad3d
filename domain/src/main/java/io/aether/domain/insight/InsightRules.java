package io.aether.domain.insight;

import java.util.ArrayList;
import java.util.List;

/** What a new insight must satisfy, checked by the aggregate before anything is recorded. */
public final class InsightRules {
    public static final int MAX_TITLE = 500;
    public static final int MAX_DESCRIPTION = 10_000;
    public static final int MAX_ENTITIES = 100;

    private InsightRules() {}

    public static List<String> problems(InsightContent content) {
        List<String> problems = new ArrayList<>();
        if (content.type() == null) {
            problems.add("type is required");
        }
        if (content.impact() == null) {
            problems.add("impact is required");
        }
        if (content.title() == null || content.title().isBlank()) {
            problems.add("title is required");
        } else if (content.title().length() > MAX_TITLE) {
            problems.add("title is longer than " + MAX_TITLE + " characters");
        }
        if (content.description() == null) {
            problems.add("description is required");
        } else if (content.description().length() > MAX_DESCRIPTION) {
            problems.add("description is longer than " + MAX_DESCRIPTION + " characters");
        }
        if (content.evidence() == null || !content.evidence().isObject()) {
            problems.add("evidence must be a JSON object");
        }
        if (content.scriptOutput() != null && !content.scriptOutput().isObject()) {
            problems.add("script_output must be a JSON object");
        }
        if (!(content.confidence() >= 0 && content.confidence() <= 1)) {
            problems.add("confidence must be between 0 and 1");
        }
        if (content.entities().size() > MAX_ENTITIES) {
            problems.add("at most " + MAX_ENTITIES + " entities");
        }
        return problems;
    }
}
