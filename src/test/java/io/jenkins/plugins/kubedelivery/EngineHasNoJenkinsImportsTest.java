package io.jenkins.plugins.kubedelivery;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * The engine is plain Java: no source file under engine/ may use a Jenkins type or the plugin's
 * own Jenkins adapter, whether by import or by fully qualified name.
 */
public class EngineHasNoJenkinsImportsTest {
    private static final Path ENGINE = Path.of("src/main/java/io/jenkins/plugins/kubedelivery/engine");
    /** hudson., jenkins., org.jenkinsci., org.kohsuke., or the adapter package, not preceded by a name part. */
    private static final Pattern JENKINS_NAME = Pattern.compile(
            "(?<![\\w.])(hudson|jenkins|org\\.jenkinsci|org\\.kohsuke)\\.[A-Za-z_]|io\\.jenkins\\.plugins\\.kubedelivery\\.jenkins\\b");

    @Test
    public void noEngineSourceUsesAJenkinsType() throws IOException {
        List<Path> sources = engineSources();
        assertTrue("found the engine sources in " + ENGINE.toAbsolutePath(), sources.size() >= 10);
        List<String> offences = new ArrayList<>();
        for (Path source : sources) {
            List<String> lines = Files.readAllLines(source);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = JENKINS_NAME.matcher(withoutComment(lines.get(i)));
                if (m.find()) {
                    offences.add(ENGINE.relativize(source) + ":" + (i + 1) + ": " + lines.get(i).trim());
                }
            }
        }
        assertEquals(List.of(), offences);
    }

    @Test
    public void theCheckCatchesImportsAndQualifiedNames() {
        assertTrue(JENKINS_NAME.matcher("import hudson.Launcher;").find());
        assertTrue(JENKINS_NAME.matcher("import static jenkins.model.Jenkins.get;").find());
        assertTrue(JENKINS_NAME.matcher("org.jenkinsci.plugins.workflow.steps.StepContext context;").find());
        assertTrue(JENKINS_NAME.matcher("import org.kohsuke.stapler.DataBoundSetter;").find());
        assertTrue(JENKINS_NAME.matcher("import io.jenkins.plugins.kubedelivery.jenkins.StepErrors;").find());
        assertTrue(!JENKINS_NAME.matcher("package io.jenkins.plugins.kubedelivery.engine.cli;").find());
        assertTrue(!JENKINS_NAME.matcher("import io.jenkins.plugins.kubedelivery.engine.EngineLog;").find());
    }

    private static String withoutComment(String line) {
        String trimmed = line.trim();
        if (trimmed.startsWith("*") || trimmed.startsWith("/*") || trimmed.startsWith("//")) {
            return "";
        }
        int comment = line.indexOf("//");
        return comment >= 0 ? line.substring(0, comment) : line;
    }

    private static List<Path> engineSources() throws IOException {
        try (Stream<Path> files = Files.walk(ENGINE)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }
}
