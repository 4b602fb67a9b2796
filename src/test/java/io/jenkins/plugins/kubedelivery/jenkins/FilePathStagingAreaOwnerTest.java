package io.jenkins.plugins.kubedelivery.jenkins;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.kubedelivery.jenkins.support.StepFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The uid a "permission denied" explanation names is the staging directory's owner, as the agent sees it. */
public class FilePathStagingAreaOwnerTest {
    private static final int AGENT_UID = 1001;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void namesTheUidOwningTheDirectory() throws Exception {
        StepFixture fixture = StepFixture.canned(tmp.getRoot());
        try (FilePathStagingArea staging = FilePathStagingArea.create(fixture.workspacePath())) {
            Path directory = Path.of(staging.path());
            assertEquals(OptionalInt.of((Integer) Files.getAttribute(directory, "unix:uid")), staging.ownerUid());
            if ((Integer) Files.getAttribute(directory, "unix:uid") == 0) { // root may hand it to another agent user
                Files.setAttribute(directory, "unix:uid", AGENT_UID);
                assertEquals(OptionalInt.of(AGENT_UID), staging.ownerUid());
            }
        }
    }
}
