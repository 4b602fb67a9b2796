package io.jenkins.plugins.kubedelivery.testcluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Test resources under {@code src/test/resources/testcluster}, copied where a client can read them. */
final class TestFiles {
    private TestFiles() {}

    /** Copies {@code testcluster/manifests/<name>} into the cluster's home and returns its path. */
    static Path manifest(TestCluster cluster, String name) {
        return copy("/testcluster/manifests/" + name, cluster.home().resolve(name));
    }

    /**
     * Copies {@code testcluster/kinds/<name>} into the cluster's home with every {@code {{v}}}
     * replaced by {@code suffix}, so that several clients can apply it to one cluster.
     */
    static Path kindManifest(TestCluster cluster, String name, String suffix) {
        try (InputStream in = TestFiles.class.getResourceAsStream("/testcluster/kinds/" + name)) {
            if (in == null) {
                throw new AssertionError("missing test resource /testcluster/kinds/" + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{v}}", suffix);
            return write(cluster, suffix + "-" + name, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a manifest text into the cluster's home. */
    static Path write(TestCluster cluster, String name, String text) {
        try {
            return Files.writeString(cluster.home().resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test chart, as a directory on disk. */
    static Path chart() {
        try {
            URL chart = TestFiles.class.getResource("/testcluster/chart/Chart.yaml");
            if (chart == null) {
                throw new AssertionError("test chart missing from the test classpath");
            }
            return Path.of(chart.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path copy(String resource, Path target) {
        try (InputStream in = TestFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("missing test resource " + resource);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
