package io.jenkins.plugins.kubedelivery.engine.preview;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.model.NameRules;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a pattern such as {@code pr-{pr}-{repository}} into a valid DNS-1123 label for any branch
 * or repository name: accents folded, lower case, every other character a '-', at most 63
 * characters. A name that must be cut keeps a short hash of the whole name, so two long names that
 * differ only after the cut still get different labels, and the same input always the same label.
 */
public final class PreviewNaming {
    public static final int MAX_LABEL = 63;
    private static final int HASH_CHARS = 8;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");
    private static final Pattern LABEL_VALUE = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");

    private PreviewNaming() {}

    /**
     * Fills the pattern's placeholders ({@code {pr}}, {@code {repository}}, {@code {branch}}) and
     * makes the result a DNS label.
     *
     * @param parameter the pattern's parameter name, for errors
     */
    public static String label(String parameter, String pattern, Map<String, String> values) {
        return name(parameter, pattern, values).label();
    }

    /** As {@link #label}, keeping what the pattern literally gave, so a rewrite can be told. */
    public static Name name(String parameter, String pattern, Map<String, String> values) {
        String filled = fill(parameter, pattern, values);
        String label = toDnsLabel(filled);
        if (label.isEmpty()) {
            throw new ValidationException(parameter, "'" + pattern + "' gives an empty name for these values; include {pr}");
        }
        return new Name(parameter, filled, label);
    }

    /**
     * A name made from a pattern.
     *
     * @param filled the pattern with its placeholders filled in, as given
     * @param label the DNS label used
     */
    public record Name(String parameter, String filled, String label) {
        /** @return a line for the build log when the label is not what the pattern gave, else empty */
        public Optional<String> rewrite() {
            return filled.equals(label) ? Optional.empty()
                    : Optional.of(parameter + " gives '" + NameRules.shown(filled) + "', which is not a valid"
                            + " namespace name; using '" + label + "'");
        }
    }

    /** A host name: each dot-separated part of the pattern becomes a DNS label on its own. */
    public static String host(String parameter, String pattern, Map<String, String> values) {
        StringBuilder host = new StringBuilder();
        for (String part : pattern.split("\\.", -1)) {
            String label = toDnsLabel(fill(parameter, part, values));
            if (label.isEmpty()) {
                throw new ValidationException(parameter, "'" + pattern + "' gives an empty host name part; each part needs letters or digits");
            }
            host.append(host.length() == 0 ? "" : ".").append(label);
        }
        if (host.length() > 253) {
            throw new ValidationException(parameter, "gives a host name longer than 253 characters; shorten the pattern");
        }
        return host.toString();
    }

    /** Any text to a DNS-1123 label (possibly empty). */
    public static String toDnsLabel(String text) {
        String lower = fold(text).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (lower.length() <= MAX_LABEL) {
            return lower;
        }
        String hash = shortHash(text);
        String head = lower.substring(0, MAX_LABEL - HASH_CHARS - 1).replaceAll("-+$", "");
        return head + "-" + hash;
    }

    /** A label value (at most 63 of letters, digits, '-', '_', '.'), cut with a hash like a name. */
    public static String toLabelValue(String text) {
        String value = fold(text).replaceAll("[^-A-Za-z0-9_.]+", "-").replaceAll("^[-_.]+|[-_.]+$", "");
        if (value.length() > MAX_LABEL) {
            value = value.substring(0, MAX_LABEL - HASH_CHARS - 1).replaceAll("[-_.]+$", "") + "-" + shortHash(text);
        }
        return LABEL_VALUE.matcher(value).matches() ? value : "";
    }

    /** Latin letters to ASCII: accents dropped, and the letters that do not decompose spelled out. */
    private static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        StringBuilder sb = new StringBuilder(decomposed.length());
        for (char c : decomposed.toCharArray()) {
            sb.append(switch (c) {
                case 'ß' -> "ss";
                case 'æ' -> "ae";
                case 'Æ' -> "AE";
                case 'œ' -> "oe";
                case 'Œ' -> "OE";
                case 'ø' -> "o";
                case 'Ø' -> "O";
                case 'đ', 'ð' -> "d";
                case 'Đ', 'Ð' -> "D";
                case 'ł' -> "l";
                case 'Ł' -> "L";
                case 'þ' -> "th";
                case 'Þ' -> "TH";
                default -> String.valueOf(c);
            });
        }
        return sb.toString();
    }

    private static String fill(String parameter, String pattern, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new ValidationException(parameter, "'" + pattern + "' uses {" + m.group(1) + "}, which is not known here;"
                        + " use " + String.join(", ", values.keySet().stream().sorted().map(k -> "{" + k + "}").toList()));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
