package io.jenkins.plugins.kubedelivery.engine.deploy;

import io.jenkins.plugins.kubedelivery.engine.cli.RenderedRelease.Hook;
import java.util.List;

/**
 * The dry run's list of hooks: kind, name and events only. Never compared (helm creates them anew on
 * each run, often with random names), and their manifests never shown (a hook may be a Secret).
 */
final class Hooks {
    private static final String TEST_EVENT = "test";

    private Hooks() {}

    /** @return an empty string without hooks, else a heading and one line per hook */
    static String describe(List<Hook> hooks) {
        if (hooks.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("Hooks helm runs (created on each run, not compared):\n");
        for (Hook hook : hooks) {
            out.append("  ").append(hook.kind()).append(' ').append(hook.name()).append(" on ")
                    .append(String.join(", ", hook.events()))
                    .append(hook.events().equals(List.of(TEST_EVENT)) ? " (only by helm test)" : "").append('\n');
        }
        return out.toString();
    }
}
