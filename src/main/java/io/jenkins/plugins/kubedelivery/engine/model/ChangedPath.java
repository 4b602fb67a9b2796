package io.jenkins.plugins.kubedelivery.engine.model;

/**
 * One file a change touched, as {@code git diff --name-status -M} reports it.
 *
 * @param status {@code A}dded, {@code M}odified, {@code D}eleted, {@code R}enamed, {@code C}opied, {@code T}ype changed
 * @param path the file's path after the change (for a deletion, the deleted path)
 * @param previousPath for a rename or copy, the path before; otherwise {@code null}
 */
public record ChangedPath(char status, String path, String previousPath) {
    public static ChangedPath modified(String path) {
        return new ChangedPath('M', path, null);
    }

    /** How the log shows it: {@code payments/src/Api.java}, {@code a.txt (renamed from b.txt)}. */
    public String describe() {
        return switch (status) {
            case 'D' -> path + " (deleted)";
            case 'R' -> path + " (renamed from " + previousPath + ")";
            case 'C' -> path + " (copied from " + previousPath + ")";
            default -> path;
        };
    }
}
