package io.jenkins.plugins.kubedelivery.jenkins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jenkins.plugins.kubedelivery.jenkins.support.StepFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class FilePathStagingAreaTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void isAPrivateFreshDirectoryBesideTheWorkspace() throws Exception {
        StepFixture fixture = StepFixture.canned(tmp.getRoot());

        try (FilePathStagingArea first = FilePathStagingArea.create(fixture.workspacePath());
                FilePathStagingArea second = FilePathStagingArea.create(fixture.workspacePath())) {
            Path directory = Path.of(first.path());
            assertEquals(fixture.tempDir(), directory.getParent());
            assertTrue(directory.getFileName().toString().matches("kube-delivery-[0-9a-f-]{36}"));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)));
            assertFalse("each step gets its own", first.path().equals(second.path()));
        }
    }

    @Test
    public void writesFilesOnlyTheOwnerCanRead() throws Exception {
        StepFixture fixture = StepFixture.canned(tmp.getRoot());

        try (FilePathStagingArea staging = FilePathStagingArea.create(fixture.workspacePath())) {
            Path file = Path.of(staging.write("values-1.yaml", "replicaCount: 2\n"));

            assertEquals(Path.of(staging.path()), file.getParent());
            assertEquals("replicaCount: 2\n", Files.readString(file));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            assertFalse("outside the checkout", file.startsWith(fixture.workspace));
        }
    }

    @Test
    public void closeRemovesEverythingAndMayRepeat() throws Exception {
        StepFixture fixture = StepFixture.canned(tmp.getRoot());
        FilePathStagingArea staging = FilePathStagingArea.create(fixture.workspacePath());
        staging.write("kubeconfig", "secret");

        staging.close();
        staging.close();

        assertFalse(Files.exists(Path.of(staging.path())));
        assertEquals(0, fixture.stagingDirectories().size());
    }

    @Test
    public void closeDeletesEvenOnAnInterruptedThreadAndKeepsTheInterrupt() throws Exception {
        StepFixture fixture = StepFixture.canned(tmp.getRoot());
        FilePathStagingArea staging = FilePathStagingArea.create(fixture.workspacePath());
        staging.write("kubeconfig", "secret");

        Thread.currentThread().interrupt();
        try {
            staging.close();
            assertTrue("the abort signal is kept for the caller", Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
        assertFalse(Files.exists(Path.of(staging.path())));
    }

    @Test
    public void refusesFileNamesThatLeaveTheDirectory() throws Exception {
        StepFixture fixture = StepFixture.canned(tmp.getRoot());
        try (FilePathStagingArea staging = FilePathStagingArea.create(fixture.workspacePath())) {
            for (String name : new String[] {"../escape", "a/b", "..", ".", "", "a\\b", "new\nline"}) {
                try {
                    staging.write(name, "x");
                    fail("accepted " + name);
                } catch (IllegalArgumentException expected) {
                    assertTrue(expected.getMessage().startsWith("not a plain file name"));
                }
            }
            try (var files = Files.list(Path.of(staging.path()))) {
                assertEquals(0, files.count());
            }
        }
    }
}
