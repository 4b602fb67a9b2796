package io.jenkins.plugins.kubedelivery.engine.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * What a dry run shows: the objects a deploy would add, change or remove, compared as parsed
 * objects (so formatting, comments and key order are no change), with the changed lines of each
 * changed object. A Secret is named, never shown: its {@code data} and {@code stringData} are
 * left out of its lines, and only said to have changed.
 */
public final class ManifestDiff {
    public static final String NO_CHANGES = "no changes\n";
    private static final List<String> SECRET_CONTENT = List.of("data", "stringData");

    private ManifestDiff() {}

    /**
     * @param releaseNamespace the namespace helm puts objects in that name none
     * @return one line per object plus indented changed lines; {@link #NO_CHANGES} when equal
     */
    public static String between(String deployedManifest, String newManifest, String releaseNamespace) {
        Map<ObjectKey, Map<String, Object>> before = ManifestObjects.parse(deployedManifest, releaseNamespace, "the deployed manifest");
        Map<ObjectKey, Map<String, Object>> after = ManifestObjects.parse(newManifest, releaseNamespace, "the rendered manifest");
        StringBuilder out = new StringBuilder();
        for (Map.Entry<ObjectKey, Map<String, Object>> e : after.entrySet()) {
            Map<String, Object> old = before.get(e.getKey());
            if (old == null) {
                out.append("+ ").append(e.getKey()).append(" (new)\n");
            } else if (!old.equals(e.getValue())) {
                changed(e.getKey(), old, e.getValue(), out);
            }
        }
        for (ObjectKey key : before.keySet()) {
            if (!after.containsKey(key)) {
                out.append("- ").append(key).append(" (removed)\n");
            }
        }
        return out.length() == 0 ? NO_CHANGES : out.toString();
    }

    private static void changed(ObjectKey key, Map<String, Object> old, Map<String, Object> now, StringBuilder out) {
        out.append("~ ").append(key).append('\n');
        if (!key.isSecret()) {
            lineDiff(canonical(old), canonical(now), out);
            return;
        }
        lineDiff(canonical(withoutContent(old)), canonical(withoutContent(now)), out);
        if (SECRET_CONTENT.stream().anyMatch(field -> !Objects.equals(old.get(field), now.get(field)))) {
            out.append("    (data changed; secret values are not shown)\n");
        }
    }

    private static Map<String, Object> withoutContent(Map<String, Object> secret) {
        Map<String, Object> shown = new LinkedHashMap<>(secret);
        SECRET_CONTENT.forEach(shown::remove);
        return shown;
    }

    /** The object as YAML with every map's keys sorted, so that both sides line up key by key. */
    private static String canonical(Map<String, Object> object) {
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setSplitLines(false).build();
        return new Dump(settings).dumpToString(sorted(object));
    }

    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> byKey = new TreeMap<>();
            map.forEach((k, v) -> byKey.put(String.valueOf(k), sorted(v)));
            return new LinkedHashMap<>(byKey);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ManifestDiff::sorted).toList();
        }
        return value;
    }

    /** A longest-common-subsequence line diff; objects are small enough for the quadratic table. */
    private static void lineDiff(String oldText, String newText, StringBuilder out) {
        String[] a = oldText.split("\n");
        String[] b = newText.split("\n");
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                i++;
                j++;
            } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
                lines.add("    - " + a[i++]);
            } else {
                lines.add("    + " + b[j++]);
            }
        }
        lines.forEach(line -> out.append(line).append('\n'));
    }
}
