package io.jenkins.plugins.kubedelivery.jenkins;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as step parameters write them ({@code 90s}, {@code 5m}, {@code 1h30m}, {@code 7d}). One
 * parser for every step, so a preview's ttl and a deploy's timeout read alike. (Logs show durations
 * with the engine's {@code Durations.human}, the one formatter.)
 */
public final class DurationText {
    private static final Pattern FORM = Pattern.compile("(?:(\\d{1,3})d)?(?:(\\d{1,4})h)?(?:(\\d{1,5})m)?(?:(\\d{1,6})s)?");

    private DurationText() {}

    /**
     * @param parameter the step parameter, named in the error
     * @throws ValidationException for anything but days, hours, minutes and seconds in that order, or zero
     */
    public static Duration parse(String parameter, String text) {
        String trimmed = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Matcher m = FORM.matcher(trimmed);
        if (trimmed.isEmpty() || !m.matches()) {
            throw new ValidationException(parameter, "'" + text + "' is not a duration; write it like 90s, 5m, 1h30m or 7d"
                    + " (days d, hours h, minutes m, seconds s, in that order)");
        }
        Duration duration = Duration.ofDays(number(m.group(1))).plusHours(number(m.group(2)))
                .plusMinutes(number(m.group(3))).plusSeconds(number(m.group(4)));
        if (duration.isZero()) {
            throw new ValidationException(parameter, "must be longer than zero, e.g. 5m");
        }
        return duration;
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    /** The parameter text {@link #parse} reads back, for a default: {@code 5m}, {@code 72h}, {@code 1h30m}. */
    public static String of(Duration duration) {
        long seconds = duration.getSeconds();
        StringBuilder text = new StringBuilder();
        append(text, seconds / 3600, 'h');
        append(text, seconds % 3600 / 60, 'm');
        append(text, seconds % 60, 's');
        return text.length() == 0 ? "0s" : text.toString();
    }

    private static void append(StringBuilder text, long amount, char unit) {
        if (amount > 0) {
            text.append(amount).append(unit);
        }
    }
}
