package io.jenkins.plugins.kubedelivery.engine.cli;

/** Trimming of tool output for one-line messages. */
public final class Text {
    private Text() {}

    public static String head(String text, int maxChars) {
        String oneLine = text.strip().replaceAll("\\s*\\R\\s*", " | ");
        return oneLine.length() <= maxChars ? oneLine : oneLine.substring(0, maxChars) + "...";
    }

    /** The last lines of an output, joined on one line: where tools put their reason. */
    public static String tail(String text, int maxLines, int maxChars) {
        String[] lines = text.strip().split("\\R");
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(0, lines.length - maxLines); i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty()) {
                sb.append(sb.length() == 0 ? "" : " | ").append(line);
            }
        }
        String joined = sb.toString();
        return joined.length() <= maxChars ? joined : "..." + joined.substring(joined.length() - maxChars);
    }
}
