package io.jenkins.plugins.kubedelivery.testsupport;

import io.jenkins.plugins.kubedelivery.engine.cli.StagingArea;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.OptionalInt;
import java.util.stream.Stream;

/** A private temporary directory (0700, files 0600), removed on close. */
public final class LocalStagingArea implements StagingArea {
    private final Path directory;

    public LocalStagingArea() throws IOException {
        directory = Files.createTempDirectory("kube-delivery-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    public Path directory() {
        return directory;
    }

    @Override
    public String path() {
        return directory.toString();
    }

    @Override
    public OptionalInt ownerUid() throws IOException {
        return OptionalInt.of((Integer) Files.getAttribute(directory, "unix:uid"));
    }

    @Override
    public String write(String fileName, String content) throws IOException {
        Path file = directory.resolve(fileName);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
        return file.toString();
    }

    @Override
    public void close() throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
