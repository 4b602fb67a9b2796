package io.jenkins.plugins.kubedelivery.engine.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The one rule for "inside the workspace" on a real disk: a path is inside when its real path
 * (every symbolic link resolved) is under the workspace's real path. Plain java.nio, so the same
 * code runs in tests and, through a FilePath callable, on the agent that holds the workspace.
 */
public final class RealPaths {
    private RealPaths() {}

    /**
     * @return the real path relative to the root with '/' separators, or {@code null} when it resolves outside
     * @throws NoSuchFileException naming the relative path when it does not exist (or is a dangling link)
     */
    public static String realRelativePath(Path workspace, String relativePath) throws IOException {
        Path realRoot = workspace.toRealPath();
        Path real;
        try {
            real = realRoot.resolve(relativePath).toRealPath();
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(relativePath, null, "not found in the workspace");
        }
        return real.startsWith(realRoot) ? slashes(realRoot.relativize(real)) : null;
    }

    /**
     * Walks a directory as helm loads a chart (following symbolic links) and lists every entry
     * whose real path is outside the workspace, or that resolves to nothing (a dangling link,
     * which could be pointed anywhere later). A linked directory outside is listed once, not
     * entered. Paths are as found through the directory, relative to the workspace root.
     */
    public static List<String> entriesResolvingOutside(Path workspace, String relativeDirectory) throws IOException {
        Path realRoot = workspace.toRealPath();
        Path start = realRoot.resolve(relativeDirectory);
        List<String> outside = new ArrayList<>();
        Files.walkFileTree(start, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                if (isInside(dir)) {
                    return FileVisitResult.CONTINUE;
                }
                outside.add(slashes(realRoot.relativize(dir)));
                return FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (!isInside(file)) {
                    outside.add(slashes(realRoot.relativize(file)));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                if (failure instanceof FileSystemLoopException) {
                    return FileVisitResult.CONTINUE; // a link back to a parent: already checked on the way in
                }
                throw failure;
            }

            private boolean isInside(Path path) throws IOException {
                try {
                    return path.toRealPath().startsWith(realRoot);
                } catch (NoSuchFileException dangling) {
                    return false;
                }
            }
        });
        return outside;
    }

    private static String slashes(Path relative) {
        return relative.toString().replace(File.separatorChar, '/');
    }
}
