package io.aether.api.diagnostics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Home Assistant's log file ({@code GET /api/error_log}) into entries: one per line in the
 * logger's format {@code 2026-01-01 08:00:05.871 ERROR (MainThread) [homeassistant.components.zha]
 * message}, the lines after it that do not start an entry (a traceback) joined to it. Counts them by
 * level and integration and matches them against a fixed list of known problems. Pure.
 */
final class ErrorLogParser {
    private static final Pattern LINE = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?)\\s+(DEBUG|INFO|WARNING|ERROR|CRITICAL|FATAL)"
                    + "\\s+\\(([^)]*)\\)\\s+\\[([^\\]]+)]\\s?(.*)$");
    private static final Pattern COMPONENT =
            Pattern.compile("^(?:homeassistant\\.components|custom_components)\\.([a-z0-9_]+)");
    /** A traceback kept to this many characters per entry. */
    private static final int MAX_TRACEBACK = 4000;

    /** A known kind of problem: what it looks like in the log, what it means and what to do. */
    record KnownPattern(String id, Pattern pattern, String description, String suggestion) {}

    static final List<KnownPattern> KNOWN = List.of(
            known(
                    "integration_not_ready",
                    "not ready yet|Retrying in background|Retrying setup",
                    "An integration could not set up and is retrying",
                    "Check that the device or service the integration talks to is reachable"),
            known(
                    "connection_error",
                    "Unable to connect|Connection refused|Cannot connect|ConnectionError|ClientConnectorError"
                            + "|TimeoutError|timed out|Timeout while",
                    "A device or service did not answer",
                    "Check the network path and that the device is powered and reachable"),
            known(
                    "setup_failed",
                    "Setup failed for|Error setting up|Error during setup|Unable to set up",
                    "An integration failed to set up",
                    "Open the integration in Settings > Devices & services and check its configuration"),
            known(
                    "template_error",
                    "Template variable (?:error|warning)|TemplateError|Error rendering template|UndefinedError",
                    "A template refers to something that does not exist",
                    "Fix the template (guard with default filters or check the entity id)"),
            known(
                    "entity_not_found",
                    "Referenced entities .* missing|Entity (?:id )?\\S+ (?:not found|does not exist)|Unable to find"
                            + " referenced",
                    "An automation, script or dashboard refers to an entity HA does not have",
                    "Update the automation or script to an existing entity id"),
            known(
                    "deprecation",
                    "deprecated|will be removed|no longer supported",
                    "Code or configuration uses something HA will remove",
                    "Update the integration or the configuration before the named release"),
            known(
                    "database_error",
                    "database is locked|Error in database|Error executing query|recorder.*(?:error|failed)",
                    "The recorder's database had a problem",
                    "Check disk space and the recorder's database; consider purging or repacking"),
            known(
                    "authentication_failure",
                    "invalid authentication|Login attempt or request with invalid|Invalid access token|Unauthorized",
                    "Something called HA (or HA called a service) with bad credentials",
                    "Check tokens and passwords; repeated failures can ban the caller's address"),
            known(
                    "automation_error",
                    "Error (?:executing|while executing) (?:script|automation)|Error in 'action'|Error executing"
                            + " service",
                    "An automation or script step failed",
                    "Open the automation's trace in HA to see which step failed"));

    private static KnownPattern known(String id, String regex, String description, String suggestion) {
        return new KnownPattern(id, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), description, suggestion);
    }

    record Entry(
            String timestamp,
            String level,
            String thread,
            String logger,
            String integration,
            String message,
            String traceback) {}

    record Match(
            String id, String description, String suggestion, int count, List<String> integrations, String sample) {}

    record Parsed(
            List<Entry> entries,
            Map<String, Integer> byLevel,
            Map<String, Integer> byIntegration,
            List<Match> knownPatterns,
            int unparsedLines) {}

    private ErrorLogParser() {}

    static Parsed parse(String log) {
        List<Entry> entries = new ArrayList<>();
        int unparsed = 0;
        StringBuilder traceback = null;
        String[] lines = log == null ? new String[0] : log.split("\\R");
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                if (traceback != null && !entries.isEmpty()) {
                    entries.set(entries.size() - 1, withTraceback(entries.get(entries.size() - 1), traceback));
                }
                traceback = null;
                String logger = m.group(4);
                Matcher component = COMPONENT.matcher(logger);
                entries.add(new Entry(
                        m.group(1),
                        m.group(2).equals("FATAL") ? "CRITICAL" : m.group(2),
                        m.group(3),
                        logger,
                        component.find() ? component.group(1) : null,
                        m.group(5),
                        null));
            } else if (!line.isBlank()) {
                if (entries.isEmpty()) {
                    unparsed++;
                } else {
                    if (traceback == null) {
                        traceback = new StringBuilder();
                    } else {
                        traceback.append('\n');
                    }
                    if (traceback.length() < MAX_TRACEBACK) {
                        traceback.append(line);
                    }
                }
            }
        }
        if (traceback != null && !entries.isEmpty()) {
            entries.set(entries.size() - 1, withTraceback(entries.get(entries.size() - 1), traceback));
        }

        Map<String, Integer> byLevel = new LinkedHashMap<>();
        for (String level : List.of("CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG")) {
            byLevel.put(level, 0);
        }
        Map<String, Integer> byIntegration = new TreeMap<>();
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, Set<String>> integrations = new LinkedHashMap<>();
        Map<String, String> samples = new LinkedHashMap<>();
        for (Entry e : entries) {
            byLevel.merge(e.level(), 1, Integer::sum);
            byIntegration.merge(e.integration() == null ? e.logger() : e.integration(), 1, Integer::sum);
            if (e.level().equals("DEBUG") || e.level().equals("INFO")) {
                continue;
            }
            String text = e.message() + (e.traceback() == null ? "" : "\n" + e.traceback());
            for (KnownPattern known : KNOWN) {
                if (known.pattern().matcher(text).find()) {
                    counts.computeIfAbsent(known.id(), k -> new int[1])[0]++;
                    integrations
                            .computeIfAbsent(known.id(), k -> new LinkedHashSet<>())
                            .add(e.integration() == null ? e.logger() : e.integration());
                    samples.putIfAbsent(known.id(), e.message());
                }
            }
        }
        List<Match> matches = new ArrayList<>();
        for (KnownPattern known : KNOWN) {
            int[] count = counts.get(known.id());
            if (count != null) {
                matches.add(new Match(
                        known.id(),
                        known.description(),
                        known.suggestion(),
                        count[0],
                        List.copyOf(integrations.get(known.id())),
                        samples.get(known.id())));
            }
        }
        return new Parsed(entries, byLevel, byIntegration, matches, unparsed);
    }

    private static Entry withTraceback(Entry e, StringBuilder traceback) {
        return new Entry(
                e.timestamp(), e.level(), e.thread(), e.logger(), e.integration(), e.message(), traceback.toString());
    }
}
