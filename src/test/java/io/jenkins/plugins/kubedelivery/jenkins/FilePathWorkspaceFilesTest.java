package io.jenkins.plugins.kubedelivery.jenkins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import hudson.FilePath;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class FilePathWorkspaceFilesTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path workspace;
    private FilePathWorkspaceFiles files;

    @Before
    public void monorepo() throws Exception {
        workspace = tmp.newFolder("workspace").toPath();
        Files.createDirectories(workspace.resolve("helm/payments"));
        Files.writeString(workspace.resolve("helm/payments/values.yaml"), "a: 1\n");
        Files.createSymbolicLink(workspace.resolve("helm/shared-values.yaml"), Path.of("payments/values.yaml"));
        Path outside = tmp.newFile("outside.yaml").toPath();
        Files.createSymbolicLink(workspace.resolve("helm/escape.yaml"), outside);
        files = new FilePathWorkspaceFiles(new FilePath(workspace.toFile()));
    }

    @Test
    public void tellsFilesFromDirectories() throws Exception {
        assertTrue(files.isFile("helm/payments/values.yaml"));
        assertFalse(files.isFile("helm/payments"));
        assertTrue(files.isDirectory("helm/payments"));
        assertFalse(files.isDirectory("helm/payments/values.yaml"));
        assertFalse(files.isFile("helm/payments/missing.yaml"));
    }

    /** As the catalogue is read: UTF-8 text where the workspace is, and the chart directories under helm/. */
    @Test
    public void readsTextAndListsDirectories() throws Exception {
        Files.writeString(workspace.resolve("delivery.yaml"), "# caf\u00e9\nservices: {}\n");
        Files.createDirectories(workspace.resolve("helm/audit"));
        assertEquals("# caf\u00e9\nservices: {}\n", files.readText("delivery.yaml"));
        assertNull(files.readText("missing.yaml"));
        assertNull(files.readText("helm"));
        assertEquals(java.util.List.of("audit", "payments"), files.childDirectories("helm"));
        assertEquals(java.util.List.of(), files.childDirectories("missing"));
        assertEquals(java.util.List.of(), files.childDirectories(workspace.toString()));
        assertNull(files.readText(workspace.resolve("delivery.yaml").toString()));
    }

    @Test
    public void absolutePathsAreNeverInTheWorkspace() throws Exception {
        String absolute = workspace.resolve("helm/payments/values.yaml").toString();
        assertFalse(files.isFile(absolute));
        assertFalse(files.isDirectory(workspace.toString()));
        assertNull(files.realRelativePath(absolute));
    }

    @Test
    public void resolvesSymbolicLinksInsideTheWorkspace() throws Exception {
        assertEquals("helm/payments/values.yaml", files.realRelativePath("helm/shared-values.yaml"));
        assertEquals("helm/payments/values.yaml", files.realRelativePath("helm/./payments/../payments/values.yaml"));
    }

    @Test
    public void aLinkOrPathLeadingOutsideResolvesToNull() throws Exception {
        assertNull(files.realRelativePath("helm/escape.yaml"));
        assertNull(files.realRelativePath("../outside.yaml"));
    }

    @Test
    public void aMissingPathIsAnErrorNamingIt() throws Exception {
        try {
            files.realRelativePath("helm/nope.yaml");
            fail();
        } catch (NoSuchFileException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("helm/nope.yaml"));
        }
    }

    @Test
    public void listsTheEntriesOfADirectoryThatResolveOutside() throws Exception {
        Files.createDirectories(workspace.resolve("helm/payments/files"));
        Files.createSymbolicLink(workspace.resolve("helm/payments/files/escape.txt"), tmp.getRoot().toPath().resolve("outside.yaml"));
        Files.createSymbolicLink(workspace.resolve("helm/payments/files/shared.yaml"), workspace.resolve("helm/payments/values.yaml"));

        assertEquals(java.util.List.of("helm/payments/files/escape.txt"), files.entriesResolvingOutside("helm/payments"));
        Files.delete(workspace.resolve("helm/payments/files/escape.txt"));
        assertEquals(java.util.List.of(), files.entriesResolvingOutside("helm/payments"));
    }

    @Test
    public void toolPathsAreUnderTheWorkspace() {
        assertEquals(workspace.resolve("helm/payments").toString(), files.toolPath("helm/payments"));
    }
}
