package io.jenkins.plugins.kubedelivery.engine;

import com.eclipsesource.json.Json;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandResult;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandRunner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one masking filter of a step execution: every secret value it handles ({@code secretValues},
 * a bearer token, values read from Vault) is registered here, and every text that leaves the
 * execution (tool output, engine log lines, exception messages, result maps) passes {@link #apply}
 * first, before anything joins, trims or truncates it. Secrets never reach argv by design; this
 * is the filter for text that quotes what a tool read. Held in memory only, never serialized.
 *
 * <p>For each registered value it hides:
 * <ul>
 * <li>the whole value;
 * <li>each line of a multi-line value, since tools print such values line by line (helm's
 *     {@code fail} message, a rendered YAML block);
 * <li>the standard base64 of the whole value, which is what a Kubernetes Secret's {@code data}
 *     shows (base64 of a value inside a longer text depends on its offset and cannot be hidden);
 * <li>the JSON-escaped form of each of those ({@code -o json} output escapes quotes and backslashes).
 * </ul>
 */
public final class SecretMask {
    /** What a step's getter shows for a secret it holds (no number: nothing was masked in a text). */
    public static final String HIDDEN = "<masked>";
    /**
     * Lines of a multi-line value shorter than this are not masked on their own: hiding every
     * {@code "}"} or {@code "---"} would garble every message (and break the JSON the engine still
     * has to parse) while protecting a fragment that reveals next to nothing by itself.
     */
    static final int MIN_LINE_LENGTH = 6;

    /** Each form to hide, longest first (a whole value before the lines it contains), to its replacement. */
    private final Map<String, String> replacements = new ConcurrentSkipListMap<>(
            Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
    private final AtomicInteger registered = new AtomicInteger();

    /**
     * What replaces the n-th secret: numbered, so that a dry run still shows that a secret changed
     * (and a Secret whose data changed still differs), never what it was or is. No YAML indicator
     * and no JSON escape in it: masked tool output still parses.
     */
    static String replacement(int n) {
        return "<masked-" + n + ">";
    }

    /**
     * Registers a value to hide. Ignored: blank values (masking them would garble the text), values
     * already registered, and a replacement itself (a value read back from masked tool output).
     */
    public synchronized void add(String secret) {
        if (secret == null || secret.isBlank() || replacements.containsKey(secret) || replacements.containsValue(secret)) {
            return;
        }
        String replacement = replacement(registered.incrementAndGet());
        List<String> plain = new ArrayList<>();
        plain.add(secret);
        plain.add(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
        for (String line : secret.split("\\R")) {
            String stripped = line.strip();
            if (stripped.length() >= MIN_LINE_LENGTH) {
                plain.add(stripped);
            }
        }
        for (String form : plain) {
            replacements.putIfAbsent(form, replacement);
            replacements.putIfAbsent(jsonEscaped(form), replacement);
        }
    }

    public void addAll(Iterable<String> secrets) {
        secrets.forEach(this::add);
    }

    public boolean isEmpty() {
        return replacements.isEmpty();
    }

    /**
     * Whether a text that passed this filter had something hidden in it: it no longer holds what the tool printed, so it
     * must not be used as data (values read back to be installed again).
     */
    public boolean hidesPartOf(String text) {
        return text != null && replacements.values().stream().anyMatch(text::contains);
    }

    public String apply(String text) {
        if (text == null || replacements.isEmpty()) {
            return text;
        }
        String masked = text;
        for (Map.Entry<String, String> form : replacements.entrySet()) {
            masked = masked.replace(form.getKey(), form.getValue());
        }
        return masked;
    }

    /** A copy of a result (maps, lists, strings, as a Pipeline receives them) with every string masked. */
    public Object applyDeep(Object value) {
        if (value instanceof String text) {
            return apply(text);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(applyDeep(k), applyDeep(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(applyDeep(element)));
            return copy;
        }
        return value;
    }

    /** The log, masked: each line passes the filter before it is written. */
    public EngineLog masking(EngineLog log) {
        return line -> log.line(apply(line));
    }

    /** The runner, masked: its output passes the filter before any caller parses, joins or truncates it. */
    public CommandRunner masking(CommandRunner runner) {
        return (command, timeout) -> {
            CommandResult result = runner.run(command, timeout);
            return new CommandResult(result.exitCode(), apply(result.output()), result.durationMillis());
        };
    }

    private static String jsonEscaped(String text) {
        String quoted = Json.value(text).toString();
        return quoted.substring(1, quoted.length() - 1);
    }
}
