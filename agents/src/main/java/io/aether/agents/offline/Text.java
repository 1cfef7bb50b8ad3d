package io.aether.agents.offline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Sentence normalisation and the fuzzy word comparison the offline engine matches names with. */
final class Text {
    /** Words that never name anything. */
    static final Set<String> FILLERS = Set.of("the", "a", "an", "my", "our", "your", "of", "please", "both", "any");

    private static final Pattern POLITE_PREFIX =
            Pattern.compile("^(?:(?:hey|hi|ok|okay) (?:aether|there) |please |(?:can|could|would|will) you (?:please )?"
                    + "|i (?:want|would like|d like) (?:you )?to |tell me |do you know )+");
    private static final Pattern POLITE_SUFFIX =
            Pattern.compile("(?: (?:please|thanks|thank you|for me|right now|now|at the moment|currently))+$");

    private Text() {}

    /**
     * Lower case, contractions expanded, punctuation dropped (decimal points, times and % kept),
     * polite fillers removed, single spaces.
     */
    static String normalize(String sentence) {
        String s = sentence == null ? "" : sentence.toLowerCase(Locale.ROOT);
        s = s.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u00a0', ' ');
        s = s.replaceAll("\\b(what|where|how|it|there|that|who)'s\\b", "$1 is")
                .replaceAll("\\b(what|where|how|who)re\\b", "$1 are")
                .replaceAll("\\bwhats\\b", "what is")
                .replaceAll("\\bwheres\\b", "where is")
                .replaceAll("\\bhows\\b", "how is")
                .replaceAll("\\bthats\\b", "that is")
                .replaceAll("\\b(\\w+)n't\\b", "$1 not")
                .replaceAll("'s\\b", "")
                .replace("'", "");
        s = s.replaceAll("(\\d)\\s*°\\s*c?\\b", "$1 degrees ")
                .replace("°", " degrees ")
                .replaceAll("(\\d)\\s*%", "$1 percent ");
        // keep "21.5" and "7:30"; every other punctuation mark becomes a space
        s = s.replaceAll("(?<!\\d)[.:]|[.:](?!\\d)", " ").replaceAll("[^\\p{L}\\p{N}.: ]", " ");
        s = s.replaceAll("\\s+", " ").strip();
        String before;
        do {
            before = s;
            s = POLITE_PREFIX.matcher(s).replaceFirst("");
            s = POLITE_SUFFIX.matcher(s).replaceFirst("");
        } while (!s.equals(before));
        return s.strip();
    }

    /** The words of a normalised phrase. */
    static List<String> words(String phrase) {
        if (phrase == null || phrase.isBlank()) {
            return new ArrayList<>();
        }
        return new ArrayList<>(Arrays.asList(phrase.strip().split(" ")));
    }

    /** The words of a name: lower case, split on anything that is not a letter or digit. */
    static List<String> nameWords(String name) {
        List<String> words = new ArrayList<>();
        for (String w : name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    /** A plural noun's singular, by the common English endings ("switches", "lights", "batteries"). */
    static String singular(String word) {
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.length() > 4
                && (word.endsWith("ches") || word.endsWith("shes") || word.endsWith("sses") || word.endsWith("xes"))) {
            return word.substring(0, word.length() - 2);
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    /**
     * How alike two words are: 1 when equal (or equal as singulars), 0.8 when a typo apart (one
     * edit for words of 4 to 7 letters, two for longer ones; short words must be exact), else 0.
     */
    static double likeness(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        String sa = singular(a);
        String sb = singular(b);
        if (sa.equals(sb)) {
            return 1;
        }
        int shorter = Math.min(sa.length(), sb.length());
        int allowed = shorter <= 3 ? 0 : shorter <= 7 ? 1 : 2;
        if (allowed == 0 || Math.abs(sa.length() - sb.length()) > allowed) {
            return 0;
        }
        return distance(sa, sb) <= allowed ? 0.8 : 0;
    }

    /** Damerau-Levenshtein distance (optimal string alignment: an adjacent swap counts as one edit). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /**
     * How well a phrase matches a name, from 0 to 1: each phrase word is paired with its most alike
     * unpaired name word, and the paired likeness counts against both lengths (Dice).
     */
    static double similarity(List<String> phrase, List<String> name) {
        if (phrase.isEmpty() || name.isEmpty()) {
            return 0;
        }
        boolean[] used = new boolean[name.size()];
        double sum = 0;
        for (String p : phrase) {
            int best = -1;
            double bestLikeness = 0;
            for (int i = 0; i < name.size(); i++) {
                if (!used[i]) {
                    double l = likeness(p, name.get(i));
                    if (l > bestLikeness) {
                        bestLikeness = l;
                        best = i;
                    }
                }
            }
            if (best >= 0) {
                used[best] = true;
                sum += bestLikeness;
            }
        }
        return 2 * sum / (phrase.size() + name.size());
    }

    /** "hall" becomes "Hall". */
    static String capitalize(String s) {
        return s == null || s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** "A", "A and B", "A, B and C". */
    static String join(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** 21.0 becomes "21", 20.5 stays "20.5". */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
