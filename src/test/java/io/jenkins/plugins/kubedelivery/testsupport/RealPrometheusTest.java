package io.jenkins.plugins.kubedelivery.testsupport;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/**
 * A Prometheus started by a JVM that is then ended by a signal (Ctrl-C of the demo, a kill) is
 * stopped with it, its directory removed: the server never outlives the process that started it.
 */
public class RealPrometheusTest {
    @Test
    public void aJvmEndedByASignalStopsItsPrometheus() throws Exception {
        Process jvm = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dkubedelivery.prometheus=" + RealPrometheus.binary(),
                StartedAndLeftRunning.class.getName()))
                .redirectErrorStream(true).start();
        ProcessHandle prometheus = null;
        Path directory;
        boolean outlivedTheJvm;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertTrue("the child JVM said " + line, line != null && line.startsWith("prometheus "));
            prometheus = ProcessHandle.of(Long.parseLong(line.substring("prometheus ".length()))).orElseThrow();
            directory = Path.of(prometheus.info().arguments().stream().flatMap(java.util.Arrays::stream)
                    .filter(a -> a.startsWith("--config.file=")).findFirst().orElseThrow()
                    .substring("--config.file=".length())).getParent();
            assertTrue(Files.isDirectory(directory));

            jvm.destroy(); // SIGTERM, as kill does; Ctrl-C's SIGINT runs the same shutdown hooks
            assertTrue("the JVM ended", jvm.waitFor(30, TimeUnit.SECONDS));
            outlivedTheJvm = prometheus.isAlive();
        } finally {
            jvm.destroyForcibly();
            if (prometheus != null) {
                prometheus.destroyForcibly(); // when the test fails, no server is left behind either
            }
        }
        assertFalse("prometheus stopped with the JVM that started it", outlivedTheJvm);
        assertFalse("its directory removed", Files.exists(directory));
    }

    /** Starts a Prometheus, says its pid, and never closes it. */
    public static final class StartedAndLeftRunning {
        public static void main(String[] args) throws Exception {
            RealPrometheus.scraping(MetricsExporter.start());
            ProcessHandle server = ProcessHandle.current().children().filter(child -> child.info().command()
                    .map(command -> command.endsWith("prometheus")).orElse(false)).findFirst().orElseThrow();
            System.out.println("prometheus " + server.pid());
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
