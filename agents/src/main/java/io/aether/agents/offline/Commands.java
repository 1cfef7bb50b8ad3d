package io.aether.agents.offline;

import io.aether.agents.offline.HomeIndex.Resolution;
import io.aether.agents.offline.HomeView.Entity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one-off command templates: turn on/off, toggle, lock/unlock, open/close, set a brightness,
 * position or temperature. Each becomes one {@link ServiceCall}; nothing is executed here.
 */
final class Commands {
    /** Words a command starts with (the automation templates split sentences on them). */
    static final Set<String> VERBS = Set.of(
            "turn",
            "switch",
            "power",
            "toggle",
            "lock",
            "unlock",
            "open",
            "close",
            "shut",
            "set",
            "dim",
            "brighten",
            "raise",
            "lower");

    private static final Set<String> SWITCHABLE = Set.of(
            "light",
            "switch",
            "fan",
            "input_boolean",
            "media_player",
            "climate",
            "humidifier",
            "siren",
            "remote",
            "automation");

    private static final Pattern TURN = Pattern.compile("^(?:turn|switch|power) (on|off) (.+)$");
    private static final Pattern TURN_AFTER = Pattern.compile("^(?:turn|switch|power) (.+) (on|off)$");
    private static final Pattern TOGGLE = Pattern.compile("^toggle (.+)$");
    private static final Pattern LOCK = Pattern.compile("^(lock|unlock) (.+)$");
    private static final Pattern OPEN = Pattern.compile("^(open|close|shut|raise|lower) (.+)$");
    private static final Pattern SET =
            Pattern.compile("^(?:set|dim|brighten|change|adjust|turn|put|make) (.+?) (?:to|at) (\\d+(?:\\.\\d+)?)"
                    + " ?(percent|degrees?|celsius|c)?$");

    private Commands() {}

    /** What a sentence asks to change, or null when it is not a command. */
    static Command parse(String s, HomeIndex home) {
        Matcher m;
        if ((m = SET.matcher(s)).matches()) {
            return set(m.group(1), Double.parseDouble(m.group(2)), m.group(3), home);
        }
        if ((m = TURN.matcher(s)).matches()) {
            return turn(m.group(1), m.group(2), home);
        }
        if ((m = TURN_AFTER.matcher(s)).matches()) {
            return turn(m.group(2), m.group(1), home);
        }
        if ((m = TOGGLE.matcher(s)).matches()) {
            Resolution r = home.resolveAll(m.group(1), Commands::switchable, "be switched on or off");
            return r.ok()
                    ? command(r, service(r.entities(), "toggle"), "toggle " + r.label())
                    : Command.problem(r.problem());
        }
        if ((m = LOCK.matcher(s)).matches()) {
            String verb = m.group(1);
            Resolution r = home.resolveAll(m.group(2), e -> e.domain().equals("lock"), "be locked or unlocked");
            return r.ok()
                    ? command(r, new ServiceCall("lock", verb, ids(r), Map.of()), verb + " " + r.label())
                    : Command.problem(r.problem());
        }
        if ((m = OPEN.matcher(s)).matches()) {
            boolean open = m.group(1).equals("open") || m.group(1).equals("raise");
            Resolution r = home.resolveAll(m.group(2), e -> e.domain().equals("cover"), "be opened or closed");
            String service = open ? "open_cover" : "close_cover";
            return r.ok()
                    ? command(
                            r,
                            new ServiceCall("cover", service, ids(r), Map.of()),
                            (open ? "open " : "close ") + r.label())
                    : Command.problem(r.problem());
        }
        return null;
    }

    private static Command turn(String onOff, String target, HomeIndex home) {
        Resolution r = home.resolveAll(target, Commands::switchable, "be switched on or off");
        if (!r.ok()) {
            return Command.problem(r.problem());
        }
        String service = "turn_" + onOff;
        return command(r, service(r.entities(), service), "turn " + onOff + " " + r.label());
    }

    private static Command set(String target, double value, String unit, HomeIndex home) {
        String phrase = target.replaceAll("^(?:the )?(?:brightness|position|level|speed) of ", "")
                .replaceAll(" (?:brightness|position|level|speed)$", "");
        boolean degrees = unit != null && !unit.equals("percent");
        boolean climate = degrees || phrase.matches(".*\\b(?:temperature|heating|thermostat|heater|climate)\\b.*");
        if (climate) {
            phrase = phrase.replaceAll("\\btemperature\\b", "thermostat");
            Resolution r = home.resolveAll(phrase, e -> e.domain().equals("climate"), "be set to a temperature");
            if (!r.ok()) {
                return Command.problem(r.problem());
            }
            Entity e = r.entities().get(0);
            double min = e.number("min_temp") != null ? e.number("min_temp") : 7;
            double max = e.number("max_temp") != null ? e.number("max_temp") : 35;
            if (value < min || value > max) {
                return Command.problem(label(r) + " accepts " + Text.number(min) + " to " + Text.number(max)
                        + " degrees; " + Text.number(value) + " is out of range.");
            }
            return command(
                    r,
                    new ServiceCall(
                            "climate", "set_temperature", ids(r), Map.of("temperature", ServiceCall.number(value))),
                    "set " + r.label() + " to " + Text.number(value) + States.degrees(e));
        }
        Predicate<Entity> settable = e -> Set.of("light", "cover", "fan").contains(e.domain());
        Resolution r = home.resolveAll(phrase, settable, "be set to a brightness or position");
        if (!r.ok()) {
            return Command.problem(r.problem());
        }
        Set<String> domains = new LinkedHashSet<>();
        r.entities().forEach(e -> domains.add(e.domain()));
        if (domains.size() > 1) {
            return Command.problem("I can set one kind of device at a time; " + r.label() + " mixes "
                    + Text.join(new ArrayList<>(domains)) + ".");
        }
        if (value < 0 || value > 100) {
            return Command.problem("A percentage goes from 0 to 100; " + Text.number(value) + " is out of range.");
        }
        Object pct = ServiceCall.number(value);
        String domain = domains.iterator().next();
        ServiceCall call = switch (domain) {
            case "light" -> new ServiceCall("light", "turn_on", ids(r), Map.of("brightness_pct", pct));
            case "cover" -> new ServiceCall("cover", "set_cover_position", ids(r), Map.of("position", pct));
            default -> new ServiceCall("fan", "set_percentage", ids(r), Map.of("percentage", pct));
        };
        return command(r, call, "set " + r.label() + " to " + Text.number(value) + "%");
    }

    private static String label(Resolution r) {
        return Text.capitalize(r.label());
    }

    static boolean switchable(Entity e) {
        return SWITCHABLE.contains(e.domain());
    }

    private static ServiceCall service(List<Entity> entities, String service) {
        Set<String> domains = new LinkedHashSet<>();
        entities.forEach(e -> domains.add(e.domain()));
        String domain = domains.size() == 1 ? domains.iterator().next() : "homeassistant";
        return new ServiceCall(
                domain, service, entities.stream().map(Entity::entityId).toList(), Map.of());
    }

    private static List<String> ids(Resolution r) {
        return r.entities().stream().map(Entity::entityId).toList();
    }

    private static Command command(Resolution r, ServiceCall call, String summary) {
        List<String> now = new ArrayList<>();
        for (Entity e : r.entities()) {
            now.add(HomeIndex.label(e) + " (" + e.entityId() + ") is " + States.describe(e));
        }
        return new Command(call, summary, String.join("; ", now) + ".", r.entities(), null);
    }

    /**
     * A parsed command, or why it cannot be done.
     *
     * @param summary what it does, e.g. "turn off Hall light"
     * @param now     the targets' current states, in words
     */
    record Command(ServiceCall call, String summary, String now, List<Entity> targets, String problem) {
        static Command problem(String problem) {
            return new Command(null, null, null, List.of(), problem);
        }

        boolean ok() {
            return problem == null;
        }

        /** The seek_approval arguments of an entity_command proposal. */
        Map<String, Object> proposal() {
            String targets = targets().size() > 1
                    ? ": " + Text.join(targets().stream().map(HomeIndex::label).toList())
                    : "";
            return SeekApprovalArguments.entityCommand(
                    Text.capitalize(summary),
                    Text.capitalize(summary) + targets + " (" + call.action() + "). Now: " + now,
                    call);
        }
    }
}
