package io.jenkins.plugins.kubedelivery.jenkins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.engine.SecretMask;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.jenkins.support.StepFixture;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** A step that needs no cluster opens the ports alone; one that needs it opens the cluster apart. */
public class EngineSessionTest {
    @Rule
    public final TemporaryFolder temporary = new TemporaryFolder();

    private StepFixture fixture;

    @Before
    public void fixture() throws Exception {
        fixture = StepFixture.canned(temporary.getRoot());
        fixture.credentials.secretFile("stage", TestCredentials.kubeconfig("https://stage.example.com:6443", "stage"));
    }

    @Test
    public void opensThePortsWithoutReadingACredentialOrWritingAKubeconfig() throws Exception {
        try (EngineSession session = EngineSession.open(fixture.context(), new SecretMask(), new AtomicInteger())) {
            assertEquals(List.of(), fixture.credentials.lookedUp());
            assertEquals(List.of(), stagedFiles());
            assertEquals("helm", session.ports().helm());
            assertEquals("git", session.ports().git());
            IllegalStateException noCluster = assertThrows(IllegalStateException.class, session::cluster);
            assertTrue(noCluster.getMessage(), noCluster.getMessage().contains("openCluster"));
        }
        assertEquals(List.of(), fixture.stagingDirectories());
    }

    @Test
    public void opensTheClusterOnlyWhenAsked() throws Exception {
        try (EngineSession session = EngineSession.open(fixture.context(), new SecretMask(), new AtomicInteger())) {
            ClusterTarget cluster = session.openCluster(new ClusterAccess("stage", null, null));
            assertEquals(List.of("stage"), fixture.credentials.lookedUp());
            assertEquals(cluster, session.cluster());
            assertEquals(List.of(Path.of(cluster.kubeconfigPath())), stagedFiles());
            assertThrows(IllegalStateException.class, () -> session.openCluster(new ClusterAccess("stage", null, null)));
        }
        assertEquals(List.of(), fixture.stagingDirectories());
    }

    @Test
    public void removesTheStagingDirectoryWhenTheClusterCannotBeOpened() throws Exception {
        assertThrows(Exception.class, () -> EngineSession.open(fixture.context(), new ClusterAccess("missing", null, null),
                new SecretMask(), new AtomicInteger()));
        assertEquals(List.of(), fixture.stagingDirectories());
    }

    private List<Path> stagedFiles() throws Exception {
        try (Stream<Path> files = fixture.stagingDirectories().stream().flatMap(EngineSessionTest::list)) {
            return files.toList();
        }
    }

    private static Stream<Path> list(Path directory) {
        try (Stream<Path> children = Files.list(directory)) {
            return children.toList().stream();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
