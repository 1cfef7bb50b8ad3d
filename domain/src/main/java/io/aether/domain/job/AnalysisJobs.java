package io.aether.domain.job;

import java.util.Locale;

/** The job list's and the activity stream's title of an analysis job. */
public final class AnalysisJobs {
    private AnalysisJobs() {}

    /** {@code device_health} gives "Device health analysis"; an unknown type "Analysis". */
    public static String title(String analysisType) {
        if (analysisType == null || analysisType.isBlank()) {
            return "Analysis";
        }
        String words = analysisType.replace('_', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1) + " analysis";
    }
}
