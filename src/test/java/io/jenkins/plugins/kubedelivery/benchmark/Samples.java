package io.jenkins.plugins.kubedelivery.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Repeated measurements of one figure, and how the benchmarks print them: the median with the
 * range, so that one slow moment on a shared machine shows as spread, not as a result.
 */
final class Samples {
    private final List<Double> values = new ArrayList<>();

    void add(double value) {
        values.add(value);
    }

    /** A duration in nanoseconds, as {@link System#nanoTime()} differences give it. */
    void addNanos(long nanos) {
        values.add((double) nanos);
    }

    double median() {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    double min() {
        return Collections.min(values);
    }

    double max() {
        return Collections.max(values);
    }

    /** Nanosecond samples as {@code 312 ms (290 to 350)}. */
    String millis() {
        return String.format(Locale.ROOT, "%.0f ms (%.0f to %.0f)", median() / 1e6, min() / 1e6, max() / 1e6);
    }

    /** Nanosecond samples as {@code 9.84 s (9.61 to 10.20)}. */
    String seconds() {
        return String.format(Locale.ROOT, "%.2f s (%.2f to %.2f)", median() / 1e9, min() / 1e9, max() / 1e9);
    }

    /** Ratios as {@code 1.027 (1.005 to 1.090)}. */
    String ratio() {
        return String.format(Locale.ROOT, "%.3f (%.3f to %.3f)", median(), min(), max());
    }
}
