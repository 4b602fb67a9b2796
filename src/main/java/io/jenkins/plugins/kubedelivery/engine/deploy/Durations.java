package io.jenkins.plugins.kubedelivery.engine.deploy;

import java.time.Duration;
import java.util.Locale;

/** Durations as people read them in a build log. */
public final class Durations {
    private Durations() {}

    public static String human(Duration d) {
        long seconds = d.toSeconds();
        if (seconds < 60) {
            return d.toMillis() < 10_000 ? String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0) : seconds + "s";
        }
        if (seconds < 3600) {
            return (seconds / 60) + "m" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + "s");
        }
        return (seconds / 3600) + "h " + (seconds % 3600) / 60 + "m";
    }
}
