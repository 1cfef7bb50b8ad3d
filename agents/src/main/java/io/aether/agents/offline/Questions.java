package io.aether.agents.offline;

import io.aether.agents.offline.HomeIndex.Resolution;
import io.aether.agents.offline.HomeIndex.Scope;
import io.aether.agents.offline.HomeView.Area;
import io.aether.agents.offline.HomeView.Entity;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The state question templates; every answer is read from the {@link HomeView}, nothing is changed. */
final class Questions {
    private static final String STATE = "(on|off|open|opened|closed|shut|locked|unlocked)";
    private static final String MEASURE =
            "(temperature|humidity|power|energy|battery|pressure|illuminance|light level|co2|carbon dioxide)";
    private static final Map<String, String> DEVICE_CLASS = Map.of(
            "temperature", "temperature",
            "humidity", "humidity",
            "power", "power",
            "energy", "energy",
            "battery", "battery",
            "pressure", "pressure",
            "illuminance", "illuminance",
            "light level", "illuminance",
            "co2", "carbon_dioxide",
            "carbon dioxide", "carbon_dioxide");

    private static final Pattern HOW_MANY_STATE =
            Pattern.compile("^how many (.+?) (?:are|is) (?:there )?" + STATE + "(?: (?:in|at) (.+))?$");
    private static final Pattern HOW_MANY = Pattern.compile(
            "^how many (.+?)(?: are there| do i have| do we have| have i got| are| exist)?" + "(?: (?:in|at) (.+))?$");
    private static final Pattern WHICH =
            Pattern.compile("^(?:which|what) (.+?) (?:are|is) (?:still )?" + STATE + "(?: (?:in|at) (.+))?$");
    private static final Pattern WHAT_IS_STATE =
            Pattern.compile("^(?:what|which devices) (?:is|are) (?:still )?" + STATE + "(?: (?:in|at) (.+))?$");
    private static final Pattern ANY =
            Pattern.compile("^(?:are|is) (?:there )?(any .+?|anything) (?:still )?" + STATE + "(?: (?:in|at) (.+))?$");
    private static final Pattern IS = Pattern.compile("^(?:is|are) (.+) (?:still )?" + STATE + "$");
    private static final Pattern MOTION =
            Pattern.compile("^is there (?:any )?(?:motion|movement|someone|somebody|anyone) (?:in|at) (.+)$");
    private static final Pattern MEASURE_OF =
            Pattern.compile("^(?:what is |tell me )?(?:the )?(?:current )?" + MEASURE + " (?:in|of|at|for) (.+)$");
    private static final Pattern MEASURE_AFTER =
            Pattern.compile("^(?:what is|how is) (?:the )?(?:current )?(.+?) " + MEASURE + "(?: like)?$");
    private static final Pattern MEASURE_ALONE =
            Pattern.compile("^(?:what is )?(?:the )?(?:current )?" + MEASURE + "$");
    private static final Pattern HOW_WARM =
            Pattern.compile("^how (warm|hot|cold|humid|bright) is (?:it )?(?:in |at )?(.+)$");
    private static final Pattern STATE_OF =
            Pattern.compile("^(?:what is |tell me )?(?:the )?(?:current )?(?:state|status) (?:of )?(.+)$"
                    + "|^(?:is|are) (.+) (?:on or off|open or closed|locked or unlocked)$"
                    + "|^(?:what|how) is (.+?)(?: doing| set to| at| now)?$");
    private static final Pattern SUN = Pattern.compile(
            "^is (?:the )?sun (up|down|out|above the horizon|below the horizon)$|^is it (dark|light|daytime|night)(?: outside)?$");
    private static final Pattern WHERE = Pattern.compile("^where (?:is|are) (.+)$");
    private static final Pattern AREAS = Pattern.compile(
            "^(?:(?:list|show|show me|name) |what |which )?(?:are )?(?:all )?(?:the |my )?(?:rooms|areas)"
                    + "(?: are there| do i have| do we have| are in my home| in my home)?$");
    private static final Pattern LIST =
            Pattern.compile("^(?:list|show|show me|name|give me|tell me about) (?:all )?(?:of )?(?:the |my )?(.+)$"
                    + "|^(?:what|which) (.+?) (?:are there|do i have|do we have|have i got|are)(?: (?:in|at) (.+))?$"
                    + "|^what is (?:there )?(?:in|at) (.+)$");

    private Questions() {}

    /** The answer to a state question, or null when the sentence is not one. */
    static String answer(String s, HomeIndex home) {
        Matcher m;
        if ((m = AREAS.matcher(s)).matches()) {
            List<String> names = home.areas().stream().map(Area::name).sorted().toList();
            return names.isEmpty()
                    ? "Your home has no areas yet."
                    : "Your home has " + names.size() + " areas: " + Text.join(names) + ".";
        }
        if ((m = SUN.matcher(s)).matches()) {
            return sun(m.group(1) != null ? m.group(1) : m.group(2), home);
        }
        if ((m = HOW_MANY_STATE.matcher(s)).matches()) {
            return inState(m.group(1), m.group(2), m.group(3), home, true);
        }
        if ((m = WHICH.matcher(s)).matches()) {
            return inState(m.group(1), m.group(2), m.group(3), home, false);
        }
        if ((m = WHAT_IS_STATE.matcher(s)).matches()) {
            return inState("devices", m.group(1), m.group(2), home, false);
        }
        if ((m = ANY.matcher(s)).matches()) {
            String things = m.group(1).replaceFirst("^any ", "");
            return inState(things.equals("anything") ? "devices" : things, m.group(2), m.group(3), home, false);
        }
        if ((m = MOTION.matcher(s)).matches()) {
            return motion(m.group(1), home);
        }
        if ((m = MEASURE_OF.matcher(s)).matches()) {
            return measure(m.group(1), m.group(2), home);
        }
        if ((m = MEASURE_ALONE.matcher(s)).matches()) {
            return measure(m.group(1), null, home);
        }
        if ((m = MEASURE_AFTER.matcher(s)).matches()) {
            return measure(m.group(2), m.group(1), home);
        }
        if ((m = HOW_WARM.matcher(s)).matches()) {
            String what = switch (m.group(1)) {
                case "humid" -> "humidity";
                case "bright" -> "illuminance";
                default -> "temperature";
            };
            return measure(what, m.group(2), home);
        }
        if ((m = IS.matcher(s)).matches() && !s.matches(".* (?:on or off|open or closed|locked or unlocked)$")) {
            return isInState(m.group(1), m.group(2), home);
        }
        if ((m = HOW_MANY.matcher(s)).matches()) {
            return count(m.group(1), m.group(2), home);
        }
        if ((m = WHERE.matcher(s)).matches()) {
            Resolution r = home.resolve(m.group(1), e -> true, "be found");
            if (!r.ok()) {
                return r.problem();
            }
            return Text.join(r.entities().stream()
                            .map(e -> HomeIndex.label(e) + (e.area() == null ? " has no area" : " is in " + e.area()))
                            .toList())
                    + ".";
        }
        if ((m = LIST.matcher(s)).matches()) {
            String answer = list(m, home);
            if (answer != null) {
                return answer;
            }
        }
        if ((m = STATE_OF.matcher(s)).matches()) {
            String target = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            boolean explicit = m.group(3) == null;
            Resolution r = home.resolve(target, e -> true, "report a state");
            if (r.ok()) {
                return Text.join(r.entities().stream()
                                .map(e -> HomeIndex.label(e) + " is " + States.describe(e))
                                .toList())
                        + ".";
            }
            Area area = home.area(target);
            if (area != null) {
                return listing(new Scope(null, area, List.of(), true), home);
            }
            // "what is the meaning of life" is not a question about the home
            return explicit ? r.problem() : null;
        }
        return null;
    }

    private static String sun(String asked, HomeIndex home) {
        Entity sun = home.byId("sun.sun");
        if (sun == null) {
            return "I cannot tell: your home has no sun.sun entity.";
        }
        boolean up = sun.state().equals("above_horizon");
        boolean askedUp =
                List.of("up", "out", "above the horizon", "light", "daytime").contains(asked);
        return (up == askedUp ? "Yes, " : "No, ") + "the sun is " + (up ? "above" : "below") + " the horizon.";
    }

    private static String inState(String things, String word, String where, HomeIndex home, boolean count) {
        String state = word.equals("opened") ? "open" : word.equals("shut") ? "closed" : word;
        if (where != null && home.area(where) == null) {
            return unknownArea(where, home);
        }
        Scope scope = home.scope(where == null ? things : things + " in " + where);
        if (!scope.rest().isEmpty()) {
            return notUnderstood(things, where);
        }
        Kind kind = scope.kind() == null ? Kind.ANY : scope.kind();
        List<Entity> candidates = home.select(kind, scope.area(), e -> States.applies(e, state));
        List<Entity> matching =
                candidates.stream().filter(e -> States.matches(e, state)).toList();
        String place = scope.area() == null ? "" : " in " + scope.area().name();
        if (candidates.isEmpty()) {
            return "I found no " + kind.plural + place + " that can be " + state + ".";
        }
        if (matching.isEmpty()) {
            return "No " + kind.plural + " are " + state + place + " (of " + candidates.size() + ").";
        }
        String verb = matching.size() == 1 ? " is " : " are ";
        String names = Text.join(matching.stream().map(HomeIndex::label).toList());
        if (count) {
            return matching.size() + " " + kind.noun(matching.size()) + verb + state + place + " (of "
                    + candidates.size() + "): " + names + ".";
        }
        return Text.capitalize(names) + verb + state + place + ".";
    }

    private static String isInState(String target, String word, HomeIndex home) {
        String state = word.equals("opened") ? "open" : word.equals("shut") ? "closed" : word;
        Resolution r = home.resolve(target, e -> States.applies(e, state), "be " + state);
        if (!r.ok()) {
            return r.problem();
        }
        if (r.group()) {
            List<Entity> matching =
                    r.entities().stream().filter(e -> States.matches(e, state)).toList();
            String names = Text.join(r.entities().stream()
                    .map(e -> HomeIndex.label(e) + ": " + States.describe(e))
                    .toList());
            if (matching.size() == r.entities().size()) {
                return "Yes, all " + r.entities().size() + " are " + state + " (" + names + ").";
            }
            return (matching.isEmpty()
                            ? "No, none are "
                            : "No, only " + matching.size() + " of "
                                    + r.entities().size() + (matching.size() == 1 ? " is " : " are "))
                    + state + " (" + names + ").";
        }
        Entity e = r.entities().get(0);
        return (States.matches(e, state) ? "Yes, " : "No, ") + HomeIndex.label(e) + " is " + States.describe(e) + ".";
    }

    private static String motion(String where, HomeIndex home) {
        Area area = home.area(where);
        if (area == null) {
            return unknownArea(where, home);
        }
        List<Entity> sensors = home.select(Kind.MOTION_SENSOR, area, e -> true);
        if (sensors.isEmpty()) {
            return "I found no motion sensor in " + area.name() + ".";
        }
        boolean any = sensors.stream().anyMatch(e -> e.state().equals("on"));
        return (any ? "Yes, motion is detected in " : "No, there is no motion in ") + area.name() + " ("
                + Text.join(sensors.stream()
                        .map(e -> HomeIndex.label(e) + ": " + States.describe(e))
                        .toList())
                + ").";
    }

    private static String measure(String what, String where, HomeIndex home) {
        String deviceClass = DEVICE_CLASS.get(what);
        List<Entity> sensors;
        String place = "";
        if (where == null) {
            sensors = home.entities().stream()
                    .filter(e -> e.domain().equals("sensor") && deviceClass.equals(e.deviceClass()))
                    .toList();
        } else {
            Area area = home.area(where);
            if (area != null) {
                place = " in " + area.name();
                sensors = home.select(
                        null, area, e -> e.domain().equals("sensor") && deviceClass.equals(e.deviceClass()));
                if (sensors.isEmpty() && what.equals("temperature")) {
                    List<Entity> thermostats =
                            home.select(Kind.CLIMATE, area, e -> e.number("current_temperature") != null);
                    if (!thermostats.isEmpty()) {
                        Entity t = thermostats.get(0);
                        return "The temperature in " + area.name() + " is "
                                + Text.number(t.number("current_temperature")) + States.degrees(t) + " (from "
                                + HomeIndex.label(t) + ").";
                    }
                }
            } else {
                Resolution r = home.resolve(
                        where + " " + what,
                        e -> e.domain().equals("sensor") && deviceClass.equals(e.deviceClass()),
                        "measure " + what);
                if (!r.ok()) {
                    return r.problem();
                }
                sensors = r.entities();
            }
        }
        if (sensors.isEmpty()) {
            return "I found no " + what + " sensor" + place + ".";
        }
        if (sensors.size() == 1) {
            Entity e = sensors.get(0);
            return place.isEmpty()
                    ? HomeIndex.label(e) + " is " + States.describe(e) + "."
                    : "The " + what + place + " is " + States.describe(e) + " (" + HomeIndex.label(e) + ").";
        }
        return Text.capitalize(what) + place + ": "
                + Text.join(sensors.stream()
                        .map(e -> HomeIndex.label(e) + " " + States.describe(e))
                        .toList())
                + ".";
    }

    private static String count(String things, String where, HomeIndex home) {
        if (where != null && home.area(where) == null) {
            return unknownArea(where, home);
        }
        Scope scope = home.scope(where == null ? things : things + " in " + where);
        if (!scope.rest().isEmpty() || scope.kind() == null) {
            return notUnderstood(things, where);
        }
        List<Entity> found = home.select(scope.kind(), scope.area(), e -> true);
        String place = scope.area() == null ? "" : " in " + scope.area().name();
        if (found.isEmpty()) {
            return "You have no " + scope.kind().plural + place + ".";
        }
        return "You have " + found.size() + " " + scope.kind().noun(found.size()) + place + ": "
                + Text.join(found.stream().map(HomeIndex::label).toList()) + ".";
    }

    private static String list(Matcher m, HomeIndex home) {
        String things;
        if (m.group(1) != null) {
            things = m.group(1);
        } else if (m.group(2) != null) {
            things = m.group(3) == null ? m.group(2) : m.group(2) + " in " + m.group(3);
        } else {
            things = m.group(4);
        }
        Scope scope = home.scope(things);
        if (!scope.rest().isEmpty() || (scope.kind() == null && scope.area() == null)) {
            return null;
        }
        return listing(scope, home);
    }

    /** Every entity of the scope with its state. */
    private static String listing(Scope scope, HomeIndex home) {
        List<Entity> found = home.select(scope.kind(), scope.area(), e -> true);
        String what = HomeIndex.scopeText(scope, true);
        if (found.isEmpty()) {
            return "I found no " + what + ".";
        }
        return Text.capitalize(what) + " (" + found.size() + "): "
                + String.join(
                        "; ",
                        found.stream()
                                .map(e -> HomeIndex.label(e) + " is " + States.describe(e))
                                .toList())
                + ".";
    }

    private static String unknownArea(String where, HomeIndex home) {
        List<String> names = home.areas().stream().map(Area::name).sorted().toList();
        return "I do not know the area \"" + where.replaceFirst("^the ", "") + "\""
                + (names.isEmpty() ? "; your home has no areas yet." : "; your areas are " + Text.join(names) + ".");
    }

    private static String notUnderstood(String things, String where) {
        return "I did not understand which devices \"" + things + (where == null ? "" : " in " + where)
                + "\" means; name a kind such as lights, switches, sensors, doors or locks, and an area.";
    }
}
