package io.aether.agents.offline;

import io.aether.agents.offline.HomeView.Area;
import io.aether.agents.offline.HomeView.Entity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One turn's picture of the home, with the name matching: areas by name or alias and entities by
 * friendly name, area and kind, each word tolerating a typo and a plural.
 */
final class HomeIndex {
    /** Below this {@link Text#similarity} a name does not match. */
    static final double NAME_THRESHOLD = 0.7;

    private static final Set<String> GROUP_WORDS = Set.of("all", "every", "everything", "anything");
    private static final Set<String> JOINERS = Set.of("in", "at", "on", "from", "inside");

    private final List<Entity> entities;
    private final List<Area> areas;
    private final Map<Entity, List<Label>> labels = new IdentityHashMap<>();

    HomeIndex(HomeView view) {
        this.entities = view.entities().stream()
                .sorted(Comparator.comparing(Entity::entityId))
                .toList();
        Map<String, Area> byName = new LinkedHashMap<>();
        for (Area a : view.areas()) {
            byName.putIfAbsent(a.name().toLowerCase(Locale.ROOT), a);
        }
        for (Entity e : entities) {
            if (e.area() != null && !e.area().isBlank()) {
                byName.putIfAbsent(e.area().toLowerCase(Locale.ROOT), new Area(e.area(), List.of()));
            }
        }
        this.areas = List.copyOf(byName.values());
    }

    List<Entity> entities() {
        return entities;
    }

    List<Area> areas() {
        return areas;
    }

    /** The entity with this id, or null. */
    Entity byId(String entityId) {
        return entities.stream()
                .filter(e -> e.entityId().equals(entityId))
                .findFirst()
                .orElse(null);
    }

    /** Whether the entity sits in the area. */
    static boolean in(Entity e, Area area) {
        return area == null || (e.area() != null && e.area().equalsIgnoreCase(area.name()));
    }

    /** How the engine names an entity: its friendly name, "light" added to a light named after its room. */
    static String label(Entity e) {
        List<String> words = Text.nameWords(e.name());
        if (e.domain().equals("light") && words.stream().map(Kind::canonical).noneMatch("light"::equals)) {
            return e.name() + " light";
        }
        return e.name();
    }

    /** An area named in the words (by name or alias), the longest and most exact first; null if none. */
    AreaMatch findArea(List<String> words) {
        AreaMatch best = null;
        for (Area area : areas) {
            List<List<String>> names = new ArrayList<>();
            names.add(Text.nameWords(area.name()));
            area.aliases().forEach(alias -> names.add(Text.nameWords(alias)));
            for (List<String> name : names) {
                if (name.isEmpty()) {
                    continue;
                }
                for (int i = 0; i + name.size() <= words.size(); i++) {
                    double score = 0;
                    for (int j = 0; j < name.size(); j++) {
                        double l = Text.likeness(words.get(i + j), name.get(j));
                        if (l == 0) {
                            score = -1;
                            break;
                        }
                        score += l;
                    }
                    if (score > 0) {
                        AreaMatch m = new AreaMatch(area, i, name.size(), score);
                        if (best == null || m.score() > best.score()) {
                            best = m;
                        }
                    }
                }
            }
        }
        return best;
    }

    /** The area a whole phrase names ("the kitchn"), or null. */
    Area area(String phrase) {
        List<String> words = meaningful(Text.words(phrase));
        AreaMatch m = findArea(words);
        return m != null && m.length() == words.size() ? m.area() : null;
    }

    /**
     * What a phrase such as "lights in the kitchen", "kitchen lights", "sensors" or "devices"
     * selects: a kind and/or an area, and the words left over (empty when fully understood).
     */
    Scope scope(String phrase) {
        List<String> words = meaningful(Text.words(phrase));
        boolean all = words.stream().anyMatch(GROUP_WORDS::contains);
        AreaMatch areaMatch = findArea(words);
        List<String> rest = new ArrayList<>(words);
        Area area = null;
        if (areaMatch != null) {
            area = areaMatch.area();
            for (int i = 0; i < areaMatch.length(); i++) {
                rest.remove(areaMatch.start());
            }
        }
        Kind.Match kindMatch = Kind.find(rest);
        Kind kind = null;
        boolean plural = false;
        if (kindMatch != null) {
            kind = kindMatch.kind();
            plural = kindMatch.plural();
            for (int i = 0; i < kindMatch.length(); i++) {
                rest.remove(kindMatch.start());
            }
        }
        rest.removeIf(w -> GROUP_WORDS.contains(w) || JOINERS.contains(w));
        if (words.contains("everything") || words.contains("anything")) {
            kind = kind == null ? Kind.ANY : kind;
        }
        return new Scope(kind, area, rest, all || plural);
    }

    /** The entities of a kind (null: any) in an area (null: anywhere) that pass the filter. */
    List<Entity> select(Kind kind, Area area, Predicate<Entity> allowed) {
        return entities.stream()
                .filter(e -> kind == null || kind.covers(e))
                .filter(e -> in(e, area))
                .filter(allowed)
                .toList();
    }

    /**
     * The entity or entities a phrase names: "the hall light", "front door", "all lights in the
     * kitchen", "the kitchen lights", "the thermostat", "kitchn lamp".
     *
     * @param allowed which entities the sentence can act on or ask about
     * @param what    what they must be, for the answer when one is named that is not ("be switched")
     */
    Resolution resolve(String phrase, Predicate<Entity> allowed, String what) {
        List<String> words = meaningful(Text.words(phrase));
        if (words.isEmpty()) {
            return Resolution.problem("Which device do you mean?");
        }
        Scope scope = scope(phrase);
        List<Entity> named = nameMatches(words, allowed);
        if (scope.rest().isEmpty() && (scope.kind() != null || scope.area() != null)) {
            List<Entity> selected = select(scope.kind(), scope.area(), allowed);
            boolean group = scope.group() || scope.kind() == null || scope.kind() == Kind.ANY;
            if (group) {
                if (selected.isEmpty()) {
                    return Resolution.problem("I found no " + scopeText(scope, true) + " that can " + what + ".");
                }
                return new Resolution(selected, true, groupLabel(scope, selected), null);
            }
            if (selected.size() == 1) {
                return Resolution.of(selected.get(0));
            }
            if (named.size() == 1) {
                return Resolution.of(named.get(0));
            }
            if (selected.size() > 1) {
                return Resolution.problem("Which " + scope.kind().singular + " do you mean: "
                        + Text.join(selected.stream().map(HomeIndex::label).toList()) + "?");
            }
        }
        if (named.size() == 1) {
            return Resolution.of(named.get(0));
        }
        if (named.size() > 1) {
            return Resolution.problem("Which one do you mean: "
                    + Text.join(named.stream().map(HomeIndex::label).toList()) + "?");
        }
        List<Entity> other = nameMatches(words, e -> !allowed.test(e));
        if (!other.isEmpty()) {
            Entity e = other.get(0);
            return Resolution.problem(label(e) + " (" + e.entityId() + ") cannot " + what + ".");
        }
        return Resolution.problem("I could not find \"" + String.join(" ", words) + "\" in your home.");
    }

    /**
     * Like {@link #resolve}, and a phrase that names nothing as a whole but is a list ("the hall
     * light and the floor lamp") names every part.
     */
    Resolution resolveAll(String phrase, Predicate<Entity> allowed, String what) {
        Resolution whole = resolve(phrase, allowed, what);
        String[] parts = phrase.split(" (?:and|plus|as well as) |, ");
        if (whole.ok() || parts.length < 2) {
            return whole;
        }
        List<Entity> all = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String part : parts) {
            Resolution r = resolve(part, allowed, what);
            if (!r.ok()) {
                return r;
            }
            r.entities().stream().filter(e -> !all.contains(e)).forEach(all::add);
            labels.add(r.label());
        }
        return new Resolution(all, true, Text.join(labels), null);
    }

    /** The best-matching entities by name (several only on a tie), above the threshold. */
    List<Entity> nameMatches(List<String> words, Predicate<Entity> allowed) {
        List<String> phrase = words.stream()
                .filter(w -> !GROUP_WORDS.contains(w) && !JOINERS.contains(w))
                .map(Kind::canonical)
                .toList();
        double best = NAME_THRESHOLD;
        List<Entity> found = new ArrayList<>();
        for (Entity e : entities) {
            if (!allowed.test(e)) {
                continue;
            }
            double score = nameScore(phrase, e);
            if (score > best + 1e-9) {
                best = score;
                found.clear();
                found.add(e);
            } else if (Math.abs(score - best) <= 1e-9) {
                found.add(e);
            }
        }
        return found;
    }

    private double nameScore(List<String> phrase, Entity e) {
        double score = 0;
        for (Label label : labels.computeIfAbsent(e, HomeIndex::labelsOf)) {
            score = Math.max(score, label.weight() * Text.similarity(phrase, label.words()));
        }
        return score;
    }

    /**
     * The word lists an entity answers to: its name, name and kind noun, area and name, area and
     * kind noun (weighted 0.9: below an entity's own name), its object id (0.95).
     */
    private static List<Label> labelsOf(Entity e) {
        List<String> name = canonical(Text.nameWords(e.name()));
        List<String> area = e.area() == null ? List.of() : canonical(Text.nameWords(e.area()));
        List<String> noun = List.of(Kind.of(e).singular.split(" "));
        List<Label> labels = new ArrayList<>();
        labels.add(new Label(name, 1));
        if (!name.containsAll(noun)) {
            labels.add(new Label(concat(name, noun), 1));
        }
        if (!area.isEmpty() && !name.containsAll(area)) {
            labels.add(new Label(concat(area, name), 1));
        }
        if (!area.isEmpty()) {
            labels.add(new Label(concat(area, noun), 0.9));
        }
        String objectId = e.entityId().substring(e.entityId().indexOf('.') + 1);
        labels.add(new Label(canonical(Text.nameWords(objectId)), 0.95));
        return labels;
    }

    private record Label(List<String> words, double weight) {}

    private static List<String> canonical(List<String> words) {
        return words.stream().map(Kind::canonical).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<String> meaningful(List<String> words) {
        List<String> kept = new ArrayList<>(words);
        kept.removeIf(Text.FILLERS::contains);
        return kept;
    }

    /** "lights in Kitchen", "devices", "sensors in Bedroom". */
    static String scopeText(Scope scope, boolean plural) {
        Kind kind = scope.kind() == null ? Kind.ANY : scope.kind();
        String noun = plural ? kind.plural : kind.singular;
        return scope.area() == null ? noun : noun + " in " + scope.area().name();
    }

    private static String groupLabel(Scope scope, List<Entity> selected) {
        if (selected.size() == 1) {
            return label(selected.get(0));
        }
        Kind kind = scope.kind() == null ? Kind.ANY : scope.kind();
        return scope.area() == null
                ? "all " + kind.plural
                : "the " + kind.plural + " in " + scope.area().name();
    }

    /** An area found at words [start, start + length). */
    record AreaMatch(Area area, int start, int length, double score) {}

    /** A kind and an area named in a phrase; {@code group}: plural or "all". */
    record Scope(Kind kind, Area area, List<String> rest, boolean group) {}

    /** What a phrase names, or why it names nothing usable. */
    record Resolution(List<Entity> entities, boolean group, String label, String problem) {
        static Resolution of(Entity e) {
            return new Resolution(List.of(e), false, HomeIndex.label(e), null);
        }

        static Resolution problem(String problem) {
            return new Resolution(List.of(), false, null, problem);
        }

        boolean ok() {
            return problem == null;
        }
    }
}
