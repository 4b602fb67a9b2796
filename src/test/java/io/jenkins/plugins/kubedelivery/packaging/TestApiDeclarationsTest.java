package io.jenkins.plugins.kubedelivery.packaging;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The compile-only declarations of the JenkinsRule suite's test API (src/jenkins-test-api) stay
 * traceable: each names, on its first line, an artifact and version the {@code jenkins} profile
 * pins, so the suite compiled here is the suite that runs there; and none is a second copy of a
 * class src/jenkins-api declares (a member the suite needs there is added to that declaration).
 */
public class TestApiDeclarationsTest {
    private static final Path TEST_API = Path.of("src/jenkins-test-api/java");
    private static final Path API = Path.of("src/jenkins-api/java");
    private static final Pattern FIRST_LINE = Pattern.compile("// Mirrors (\\S+) \\(compile-only, never packaged\\)\\.");

    @Test
    public void everyDeclarationNamesAVersionTheJenkinsProfilePins() throws Exception {
        Set<String> pinned = jenkinsProfileDependencies();
        List<Path> declarations = javaFiles(TEST_API);
        assertFalse("no declaration found under " + TEST_API, declarations.isEmpty());
        for (Path declaration : declarations) {
            String firstLine = Files.readAllLines(declaration).get(0);
            Matcher mirrors = FIRST_LINE.matcher(firstLine);
            assertTrue(declaration + " must start with '// Mirrors group:artifact:version (compile-only, never packaged).'",
                    mirrors.matches());
            assertTrue(declaration + " mirrors " + mirrors.group(1) + ", which the jenkins profile does not pin: " + pinned,
                    pinned.contains(mirrors.group(1)));
        }
    }

    @Test
    public void noClassIsDeclaredTwice() throws Exception {
        for (Path declaration : javaFiles(TEST_API)) {
            Path twin = API.resolve(TEST_API.relativize(declaration));
            assertFalse(twin + " exists: add the members to it instead of declaring " + declaration, Files.exists(twin));
        }
    }

    /** groupId:artifactId:version, with :classifier when there is one, of each dependency the profile versions. */
    private static Set<String> jenkinsProfileDependencies() throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile())
                .getDocumentElement();
        String baseline = text(child(project, "properties"), "jenkins.baseline.version");
        Set<String> coordinates = new TreeSet<>();
        NodeList profiles = project.getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            if (!text(profile, "id").equals("jenkins")) {
                continue;
            }
            NodeList dependencies = child(profile, "dependencies").getElementsByTagName("dependency");
            for (int j = 0; j < dependencies.getLength(); j++) {
                Element dependency = (Element) dependencies.item(j);
                String version = text(dependency, "version").replace("${jenkins.baseline.version}", baseline);
                String classifier = text(dependency, "classifier");
                coordinates.add(text(dependency, "groupId") + ":" + text(dependency, "artifactId") + ":" + version
                        + (classifier.isEmpty() ? "" : ":" + classifier));
            }
        }
        return coordinates;
    }

    private static Element child(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        throw new AssertionError("pom.xml: no <" + name + "> in <" + parent.getTagName() + ">");
    }

    private static String text(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element && element.getTagName().equals(name)) {
                return element.getTextContent().trim();
            }
        }
        return "";
    }

    private static List<Path> javaFiles(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
