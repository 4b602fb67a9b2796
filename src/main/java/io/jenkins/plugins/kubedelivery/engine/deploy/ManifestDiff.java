package io.jenkins.plugins.kubedelivery.engine.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a dry run shows: the objects a deploy would add, change or remove, with changed lines.
 * Secrets are named but their contents never shown, since the log must not carry secret values.
 */
public final class ManifestDiff {
    private static final Pattern KIND = Pattern.compile("(?m)^kind:\\s*(\\S+)\\s*$");
    private static final Pattern NAME = Pattern.compile("(?m)^metadata:\\s*\\n(?:(?:  .*|\\s*)\\n)*?  name:\\s*[\"']?([^\"'\\s]+)");

    private ManifestDiff() {}

    /** @return one line per object plus indented changed lines; "no changes" when equal */
    public static String between(String currentManifest, String newManifest) {
        Map<String, String> before = objects(currentManifest);
        Map<String, String> after = objects(newManifest);
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : after.entrySet()) {
            String old = before.get(e.getKey());
            if (old == null) {
                out.append("+ ").append(e.getKey()).append(" (new)\n");
            } else if (!old.equals(e.getValue())) {
                out.append("~ ").append(e.getKey());
                if (isSecret(e.getKey())) {
                    out.append(" (contents changed; secret values are not shown)\n");
                } else {
                    out.append('\n');
                    lineDiff(old, e.getValue(), out);
                }
            }
        }
        for (String key : before.keySet()) {
            if (!after.containsKey(key)) {
                out.append("- ").append(key).append(" (removed)\n");
            }
        }
        return out.length() == 0 ? "no changes\n" : out.toString();
    }

    static Map<String, String> objects(String manifest) {
        Map<String, String> objects = new LinkedHashMap<>();
        for (String document : manifest.split("(?m)^---\\s*$")) {
            String body = stripComments(document);
            Matcher kind = KIND.matcher(body);
            Matcher name = NAME.matcher(body);
            if (kind.find() && name.find()) {
                objects.put(kind.group(1) + "/" + name.group(1), body.strip());
            }
        }
        return objects;
    }

    private static String stripComments(String document) {
        StringBuilder sb = new StringBuilder();
        for (String line : document.split("\n")) {
            if (!line.startsWith("#")) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }

    private static boolean isSecret(String key) {
        return key.startsWith("Secret/");
    }

    /** A longest-common-subsequence line diff; manifests are small enough for the quadratic table. */
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
