package io.jenkins.plugins.kubedelivery.engine.deploy;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandLine;
import io.jenkins.plugins.kubedelivery.engine.cli.WorkspaceFiles;
import io.jenkins.plugins.kubedelivery.engine.model.NameRules;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/** Workspace-relative paths given by users: normalised, and never allowed to leave the workspace. */
public final class WorkspacePaths {
    private WorkspacePaths() {}

    /** Normalises {@code a/./b/../c} to {@code a/c}; refuses absolute paths and paths that climb out. */
    public static String normalize(String parameter, String path) {
        if (path == null || path.isBlank()) {
            throw new ValidationException(parameter, "is empty: give a path relative to the workspace");
        }
        CommandLine.checkArgument(parameter, path);
        if (path.startsWith("/") || path.startsWith("~") || path.matches("^[A-Za-z]:.*")) {
            throw new ValidationException(parameter, "'" + NameRules.shown(path) + "' is outside the workspace: give a"
                    + " path relative to the workspace root, such as 'helm/payments'");
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    throw new ValidationException(parameter, "'" + NameRules.shown(path) + "' climbs out of the workspace with '..':"
                            + " give a path inside it");
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        if (parts.isEmpty()) {
            throw new ValidationException(parameter, "'" + NameRules.shown(path) + "' is the workspace root: name a directory or file in it");
        }
        return String.join("/", parts);
    }

    /** Normalises, then checks that symbolic links do not lead outside the workspace either. */
    public static String requireInside(WorkspaceFiles workspace, String parameter, String path)
            throws IOException, InterruptedException {
        String normalized = normalize(parameter, path);
        if ((workspace.isFile(normalized) || workspace.isDirectory(normalized))
                && workspace.realRelativePath(normalized) == null) {
            throw new ValidationException(parameter, "'" + NameRules.shown(path) + "' leads outside the workspace through a"
                    + " symbolic link: give a path inside it");
        }
        return normalized;
    }
}
