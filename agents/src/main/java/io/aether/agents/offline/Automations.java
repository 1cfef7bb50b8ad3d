package io.aether.agents.offline;

import io.aether.agents.offline.Commands.Command;
import io.aether.agents.offline.HomeIndex.Resolution;
import io.aether.agents.offline.HomeView.Area;
import io.aether.agents.offline.HomeView.Entity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The automation templates: "when TRIGGER [CONDITION] [then] ACTION", "ACTION when TRIGGER
 * [CONDITION]", "[every day] at TIME ACTION", "ACTION at TIME". The result is an HA automation
 * config (the 2024.10+ syntax: {@code triggers}/{@code trigger}, {@code conditions}/{@code
 * condition}, {@code actions}/{@code action}).
 */
final class Automations {
    private static final Pattern WHEN_FIRST = Pattern.compile("^(?:when|whenever|if|once|as soon as) (.+)$");
    private static final Pattern AT_FIRST =
            Pattern.compile("^(?:(?:every|each) (?:day|morning|evening|night) |daily )?at (.+)$");
    private static final Pattern ACTION_WHEN = Pattern.compile("^(.+?) (?:when|whenever|if|as soon as) (.+)$");
    private static final Pattern ACTION_AT =
            Pattern.compile("^(.+?) (?:(?:every|each) (?:day|morning|evening|night) )?at (.+?)(?: every day| daily)?$");
    private static final Pattern ACTION_SPLIT = Pattern.compile(
            " (?:and then|then|and) (?=(?:turn|switch|power|toggle|lock|unlock|open|close|shut|set|dim|brighten)\\b)");

    private static final String TIME = "(\\d{1,2})(?::(\\d{2}))?(?: ?(am|pm|a m|p m|o clock))?|noon|midday|midnight";
    private static final Pattern TIME_ONLY = Pattern.compile("^(?:" + TIME + ")$");
    private static final Pattern CONDITION_SUFFIX = Pattern.compile("^(.+?) (?:but |and |only )*(?:if |when |while )?"
            + "(after sunset|after sundown|before sunrise|after sunrise|before sunset|after dark|at night"
            + "|during the night|in the night|it is dark|during the day|in the daytime|it is light outside"
            + "|after (?:" + TIME + ")|before (?:" + TIME + ")|between (?:" + TIME + ") and (?:" + TIME + "))$");

    private static final Pattern MOTION_ON = Pattern.compile(
            "^(?:motion|movement|someone|somebody|anyone|presence) (?:is )?(?:detected |sensed |moves |enters |is )?"
                    + "(?:in|into|at) (.+)$|^there is (?:motion|movement|someone|somebody) in (.+)$"
                    + "|^(?:someone|somebody) (?:enters|walks into|comes into) (.+)$"
                    + "|^(.+?) (?:detects|senses) (?:motion|movement|someone|presence)$");
    private static final Pattern MOTION_OFF =
            Pattern.compile("^(?:the )?(?:motion|movement) (?:stops|ends|is cleared|clears) (?:in|at) (.+?)"
                    + "(?: for (\\d+) minutes?)?$|^there is no (?:motion|movement) in (.+?) for (\\d+) minutes?$");
    private static final Pattern SUN = Pattern.compile(
            "^(?:the )?sun (sets|goes down|rises|comes up)$|^(?:it is )?(sunset|sunrise|sundown|dusk|dawn)$"
                    + "|^it gets (dark|light)$");
    private static final Pattern ENTITY_STATE =
            Pattern.compile("^(.+?) (?:is |gets |becomes |goes |switches |turns |is turned |is switched )?"
                    + "(opened|open|opens|closed|closes|shut|on|off|locked|unlocked)$");
    private static final Pattern NUMERIC =
            Pattern.compile("^(.+?) (?:goes |rises |gets |is |climbs |drops |falls |is )?"
                    + "(above|over|higher than|more than|below|under|lower than|less than) (-?\\d+(?:\\.\\d+)?)"
                    + "(?: ?(?:degrees?|percent|c))?$");

    /** How many places to split "when ... ACTION" at before giving up (bounds the work on long input). */
    private static final int MAX_SPLITS = 8;

    private Automations() {}

    /** An automation the sentence describes, null when it is not one; a problem when it is but cannot be built. */
    static Outcome parse(String s, HomeIndex home) {
        Matcher m;
        List<Outcome> tried = new ArrayList<>();
        if ((m = WHEN_FIRST.matcher(s)).matches()) {
            List<String> words = Text.words(m.group(1));
            for (int i = 1; i < words.size() && tried.size() < MAX_SPLITS; i++) {
                if (Commands.VERBS.contains(words.get(i))) {
                    String cause = String.join(" ", words.subList(0, i)).replaceAll(" then$", "");
                    Outcome o = build(cause, String.join(" ", words.subList(i, words.size())), home);
                    if (o.ok()) {
                        return o;
                    }
                    tried.add(o);
                }
            }
            return tried.isEmpty()
                    ? Outcome.problem("I understood \"when " + m.group(1)
                            + "\" as an automation but found no action in it, such as \"turn on the hall light\".")
                    : best(tried);
        }
        if ((m = AT_FIRST.matcher(s)).matches()) {
            List<String> words = Text.words(m.group(1));
            for (int i = 1; i < words.size(); i++) {
                if (Commands.VERBS.contains(words.get(i))) {
                    String when = String.join(" ", words.subList(0, i));
                    if (TIME_ONLY.matcher(when).matches() || SUN.matcher(when).matches()) {
                        return build(when, String.join(" ", words.subList(i, words.size())), home);
                    }
                }
            }
        }
        if ((m = ACTION_WHEN.matcher(s)).matches() && startsWithVerb(m.group(1))) {
            return build(m.group(2), m.group(1), home);
        }
        if ((m = ACTION_AT.matcher(s)).matches() && startsWithVerb(m.group(1))) {
            String when = m.group(2);
            if (TIME_ONLY.matcher(when).matches() || SUN.matcher(when).matches()) {
                return build(when, m.group(1), home);
            }
        }
        return null;
    }

    private static boolean startsWithVerb(String s) {
        List<String> words = Text.words(s);
        return !words.isEmpty() && Commands.VERBS.contains(words.get(0));
    }

    /** The problem of the attempt that got furthest: an action problem beats a trigger one. */
    private static Outcome best(List<Outcome> tried) {
        return tried.stream().filter(o -> o.stage() == Stage.ACTION).findFirst().orElse(tried.get(tried.size() - 1));
    }

    private static Outcome build(String cause, String action, HomeIndex home) {
        List<Map<String, Object>> conditions = new ArrayList<>();
        List<String> conditionWords = new ArrayList<>();
        try {
            cause = takeConditions(cause, conditions, conditionWords);
            action = takeConditions(action, conditions, conditionWords);
        } catch (IllegalArgumentException e) {
            return Outcome.problem(e.getMessage(), Stage.TRIGGER);
        }
        Trigger trigger = trigger(cause, home);
        if (trigger.problem() != null) {
            return Outcome.problem(trigger.problem(), Stage.TRIGGER);
        }
        List<Map<String, Object>> actions = new ArrayList<>();
        List<String> summaries = new ArrayList<>();
        for (String part : ACTION_SPLIT.split(action)) {
            Command c = Commands.parse(part, home);
            if (c == null) {
                return Outcome.problem(
                        "I understood the trigger (" + trigger.summary() + ") but not the action \"" + part
                                + "\"; say for example \"turn on the hall light\".",
                        Stage.ACTION);
            }
            if (!c.ok()) {
                return Outcome.problem(c.problem(), Stage.ACTION);
            }
            actions.add(c.call().asAction());
            summaries.add(c.summary());
        }
        String title = Text.capitalize(Text.join(summaries)) + " " + trigger.summary()
                + (conditionWords.isEmpty() ? "" : " " + String.join(" and ", conditionWords));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("alias", title);
        config.put("description", "Proposed by Aether's offline assistant.");
        config.put("triggers", List.of(trigger.config()));
        config.put("conditions", conditions);
        config.put("actions", actions);
        config.put("mode", "single");
        Map<String, Object> proposal = SeekApprovalArguments.automation(title, "An automation: " + title + ".", config);
        return new Outcome(proposal, title, null, Stage.DONE);
    }

    /** Strips condition phrases off the end, adding their HA conditions (in sentence order). */
    private static String takeConditions(String phrase, List<Map<String, Object>> conditions, List<String> words) {
        Matcher m;
        List<Map<String, Object>> found = new ArrayList<>();
        List<String> foundWords = new ArrayList<>();
        while ((m = CONDITION_SUFFIX.matcher(phrase)).matches()) {
            String c = m.group(2);
            found.add(0, condition(c));
            foundWords.add(0, c.startsWith("it is ") ? "when " + c : c);
            phrase = m.group(1);
        }
        conditions.addAll(found);
        words.addAll(foundWords);
        return phrase;
    }

    private static Map<String, Object> condition(String c) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (c) {
            case "after sunset", "after sundown" -> sun(m, "after", "sunset");
            case "before sunrise" -> sun(m, "before", "sunrise");
            case "after sunrise" -> sun(m, "after", "sunrise");
            case "before sunset" -> sun(m, "before", "sunset");
            case "after dark", "at night", "during the night", "in the night", "it is dark" -> {
                // HA's sun condition cannot span midnight; the sun's state can
                m.put("condition", "state");
                m.put("entity_id", "sun.sun");
                m.put("state", "below_horizon");
            }
            case "during the day", "in the daytime", "it is light outside" -> {
                m.put("condition", "state");
                m.put("entity_id", "sun.sun");
                m.put("state", "above_horizon");
            }
            default -> {
                m.put("condition", "time");
                if (c.startsWith("between ")) {
                    String[] parts = c.substring("between ".length()).split(" and ");
                    m.put("after", time(parts[0]));
                    m.put("before", time(parts[1]));
                } else if (c.startsWith("after ")) {
                    m.put("after", time(c.substring("after ".length())));
                } else {
                    m.put("before", time(c.substring("before ".length())));
                }
            }
        }
        return m;
    }

    private static void sun(Map<String, Object> m, String key, String event) {
        m.put("condition", "sun");
        m.put(key, event);
    }

    /** "7 pm" → "19:00:00", "7:30" → "07:30:00", "noon" → "12:00:00". */
    static String time(String t) {
        Matcher m = TIME_ONLY.matcher(t.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + t.strip() + "\" is not a time of day.");
        }
        if (t.contains("noon") || t.contains("midday")) {
            return "12:00:00";
        }
        if (t.contains("midnight")) {
            return "00:00:00";
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        String suffix = m.group(3) == null ? "" : m.group(3).replace(" ", "");
        if (suffix.equals("pm") && hour < 12) {
            hour += 12;
        } else if (suffix.equals("am") && hour == 12) {
            hour = 0;
        }
        if (hour > 23 || minute > 59) {
            throw new IllegalArgumentException("\"" + t.strip() + "\" is not a time of day.");
        }
        return String.format("%02d:%02d:00", hour, minute);
    }

    private static Trigger trigger(String cause, HomeIndex home) {
        Matcher m;
        if (TIME_ONLY.matcher(cause).matches()) {
            try {
                String at = time(cause);
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("trigger", "time");
                t.put("at", at);
                return new Trigger(t, "at " + at.substring(0, 5), null);
            } catch (IllegalArgumentException e) {
                return Trigger.problem(e.getMessage());
            }
        }
        if ((m = SUN.matcher(cause)).matches()) {
            String word = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            boolean sets = List.of("sets", "goes down", "sunset", "sundown", "dusk", "dark")
                    .contains(word);
            String event = sets ? "sunset" : "sunrise";
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("trigger", "sun");
            t.put("event", event);
            return new Trigger(t, "at " + event, null);
        }
        if ((m = MOTION_OFF.matcher(cause)).matches()) {
            String place = m.group(1) != null ? m.group(1) : m.group(3);
            String minutes = m.group(1) != null ? m.group(2) : m.group(4);
            return motion(place, false, minutes, home);
        }
        if ((m = MOTION_ON.matcher(cause)).matches()) {
            for (int g = 1; g <= 3; g++) {
                if (m.group(g) != null) {
                    return motion(m.group(g), true, null, home);
                }
            }
            Resolution r = home.resolve(m.group(4), Kind.MOTION_SENSOR::covers, "detect motion");
            if (!r.ok()) {
                return Trigger.problem(r.problem());
            }
            return state(r, "on", null, "when " + r.label() + " detects motion");
        }
        if ((m = NUMERIC.matcher(cause)).matches()) {
            String direction = m.group(2);
            boolean above = List.of("above", "over", "higher than", "more than").contains(direction);
            Resolution r = home.resolve(
                    m.group(1).replaceAll("^(?:the )?(?:it|the temperature) (?:in )?", ""),
                    e -> e.domain().equals("sensor") && e.state().matches("-?\\d+(?:\\.\\d+)?"),
                    "be compared with a number");
            if (!r.ok()) {
                return Trigger.problem(r.problem());
            }
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("trigger", "numeric_state");
            t.put("entity_id", entityIds(r));
            double value = Double.parseDouble(m.group(3));
            t.put(above ? "above" : "below", ServiceCall.number(value));
            return new Trigger(
                    t, "when " + r.label() + " goes " + (above ? "above " : "below ") + Text.number(value), null);
        }
        if ((m = ENTITY_STATE.matcher(cause)).matches()) {
            String word = m.group(2);
            String target = switch (word) {
                case "opened", "open", "opens" -> "open";
                case "closed", "closes", "shut" -> "closed";
                default -> word;
            };
            Resolution r = home.resolve(m.group(1), e -> States.applies(e, target), "be " + target);
            if (!r.ok()) {
                return Trigger.problem(r.problem());
            }
            Entity e = r.entities().get(0);
            String to = switch (target) {
                case "open" -> e.domain().equals("cover") ? "open" : "on";
                case "closed" -> e.domain().equals("cover") ? "closed" : "off";
                default -> target;
            };
            String happens = switch (target) {
                case "on", "off" -> "turns " + target;
                case "open" -> "opens";
                case "closed" -> "closes";
                default -> "is " + target;
            };
            return state(r, to, null, "when " + r.label() + " " + happens);
        }
        return Trigger.problem("I did not understand the trigger \"" + cause
                + "\"; say for example \"when motion is detected in the hallway\", \"when the front door opens\","
                + " \"when the sun sets\" or \"at 7:30\".");
    }

    private static Trigger motion(String place, boolean on, String minutes, HomeIndex home) {
        Area area = home.area(place);
        List<Entity> sensors;
        String where;
        if (area != null) {
            sensors = home.select(Kind.MOTION_SENSOR, area, e -> true);
            where = area.name();
            if (sensors.isEmpty()) {
                return Trigger.problem("I found no motion sensor in " + where + ".");
            }
        } else {
            Resolution r = home.resolve(place, Kind.MOTION_SENSOR::covers, "detect motion");
            if (!r.ok()) {
                return Trigger.problem(r.problem());
            }
            sensors = r.entities();
            where = r.label();
        }
        Resolution r = new Resolution(sensors, sensors.size() > 1, where, null);
        String summary = on
                ? "when motion is detected in " + where
                : "when motion stops in " + where + (minutes == null ? "" : " for " + minutes + " minutes");
        return state(r, on ? "on" : "off", minutes, summary);
    }

    private static Trigger state(Resolution r, String to, String minutes, String summary) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("trigger", "state");
        t.put("entity_id", entityIds(r));
        t.put("to", to);
        if (minutes != null) {
            t.put("for", Map.of("minutes", Integer.parseInt(minutes)));
        }
        return new Trigger(t, summary, null);
    }

    private static Object entityIds(Resolution r) {
        List<String> ids = r.entities().stream().map(Entity::entityId).toList();
        return ids.size() == 1 ? ids.get(0) : ids;
    }

    private record Trigger(Map<String, Object> config, String summary, String problem) {
        static Trigger problem(String problem) {
            return new Trigger(null, null, problem);
        }
    }

    enum Stage {
        TRIGGER,
        ACTION,
        DONE
    }

    /** An automation proposal's seek_approval arguments, or why the sentence gives none. */
    record Outcome(Map<String, Object> proposal, String title, String problem, Stage stage) {
        static Outcome problem(String problem) {
            return new Outcome(null, null, problem, Stage.TRIGGER);
        }

        static Outcome problem(String problem, Stage stage) {
            return new Outcome(null, null, problem, stage);
        }

        boolean ok() {
            return problem == null;
        }
    }
}
