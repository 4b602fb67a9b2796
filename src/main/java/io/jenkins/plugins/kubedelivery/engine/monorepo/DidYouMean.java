package io.jenkins.plugins.kubedelivery.engine.monorepo;

import java.util.Collection;

/** The known word closest to a mistyped one, for error messages; nothing when none is close. */
final class DidYouMean {
    private DidYouMean() {}

    /** @return {@code " (did you mean 'x'?)"}, or {@code ""} when no word is within two edits */
    static String suggest(String typed, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String word : known) {
            int distance = distance(typed.toLowerCase(java.util.Locale.ROOT), word.toLowerCase(java.util.Locale.ROOT));
            if (distance < bestDistance) {
                best = word;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= Math.max(2, typed.length() / 4) ? " (did you mean '" + best + "'?)" : "";
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
