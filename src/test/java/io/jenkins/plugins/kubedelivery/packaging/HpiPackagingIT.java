package io.jenkins.plugins.kubedelivery.packaging;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import hudson.Extension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.jenkinsci.Symbol;
import org.junit.BeforeClass;
import org.junit.Test;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * Opens the built .hpi and checks what Jenkins needs from it, and that it is laid out as maven-hpi-plugin
 * lays out a plugin (docs/ARCHITECTURE.md, "The .hpi").
 */
public class HpiPackagingIT {
    private static final String INNER_JAR = "WEB-INF/lib/kube-delivery.jar";
    private static final Pattern DEPENDENCIES = Pattern.compile("[a-z0-9-]+:[0-9][A-Za-z0-9._-]*(;resolution:=optional)?"
            + "(,[a-z0-9-]+:[0-9][A-Za-z0-9._-]*(;resolution:=optional)?)*");

    private static Path hpi;
    private static byte[] innerJar;
    private static List<String> innerEntries;

    @BeforeClass
    public static void openHpi() throws IOException {
        hpi = Path.of(System.getProperty("kubedelivery.hpi", "target/kube-delivery.hpi"));
        assertTrue("build the plugin first: mvn package (" + hpi + ")", Files.isRegularFile(hpi));
        try (ZipFile zip = new ZipFile(hpi.toFile())) {
            ZipEntry inner = zip.getEntry(INNER_JAR);
            assertNotNull(INNER_JAR + " missing", inner);
            try (InputStream in = zip.getInputStream(inner)) {
                innerJar = in.readAllBytes();
            }
        }
        innerEntries = new ArrayList<>();
        try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(innerJar))) {
            for (JarEntry e; (e = jar.getNextJarEntry()) != null; ) {
                innerEntries.add(e.getName());
            }
        }
    }

    @Test
    public void manifestCarriesThePluginAttributesAsMavenHpiPluginWritesThem() throws IOException {
        Attributes main = hpiManifest().getMainAttributes();
        assertEquals("kube-delivery", main.getValue("Short-Name"));
        assertEquals("Kubernetes Delivery Steps", main.getValue("Long-Name"));
        assertEquals("2.479.3", main.getValue("Jenkins-Version"));
        assertEquals("2.479.3", main.getValue("Hudson-Version"));
        assertEquals("io.jenkins.plugins", main.getValue("Group-Id"));
        assertEquals("kube-delivery", main.getValue("Artifact-Id"));
        assertNotNull(main.getValue("Url"));
        assertTrue(main.getValue("Plugin-Version"), main.getValue("Plugin-Version").matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT \\(private-.+\\))?"));
        String dependencies = main.getValue("Plugin-Dependencies");
        assertTrue(dependencies, DEPENDENCIES.matcher(dependencies).matches());
        for (String required : List.of("workflow-step-api:", "credentials:", "plain-credentials:")) {
            assertTrue(dependencies, dependencies.contains(required));
        }
        assertTrue("cloud: only, so optional", dependencies.contains(",kubernetes:4358.vcfd9c5a_0a_f51;resolution:=optional"));
        // optional: Jenkins loads the plugin without it, and only vaultSecrets needs it
        assertTrue(dependencies, List.of(dependencies.split(",")).contains("hashicorp-vault-plugin:379.v080d932e61e4;resolution:=optional"));
        assertFalse("Support-Dynamic-Loading is omitted when no extension declares it", main.containsKey(new Attributes.Name("Support-Dynamic-Loading")));
    }

    @Test
    public void manifestAttributesComeInMavenHpiPluginsOrder() throws IOException {
        List<String> expected = new ArrayList<>(List.of(
                // maven-archiver's standard entries
                "Manifest-Version", "Created-By", "Build-Jdk-Spec", "Specification-Title", "Specification-Version",
                "Implementation-Title", "Implementation-Version",
                // AbstractJenkinsManifestMojo.setAttributes, each in its place (no scm, no developer in the POM)
                "Group-Id", "Artifact-Id", "Short-Name", "Long-Name", "Url", "Plugin-Version", "Hudson-Version",
                "Jenkins-Version", "Plugin-Dependencies", "Plugin-Developers", "Plugin-License-Name",
                "Plugin-License-Url"));
        if (checkedOutCommit() != null) {
            expected.add("Implementation-Build");
        }
        List<String> names = mainAttributeNames(rawHpiManifest());
        assertFalse("Ant's jar task adds Ant-Version; maven-hpi-plugin writes none: " + names, names.contains("Ant-Version"));
        assertEquals(expected, names);
        assertEquals("the inner jar carries the same manifest", rawHpiManifest(), rawInnerManifest());
    }

    @Test
    public void snapshotVersionAndBuildNameTheCommitTheyWereBuiltFrom() throws IOException {
        Attributes main = hpiManifest().getMainAttributes();
        String version = main.getValue("Implementation-Version");
        String commit = checkedOutCommit();
        String pluginVersion = main.getValue("Plugin-Version");
        if (commit == null) {
            assertTrue(pluginVersion, pluginVersion.matches(Pattern.quote(version)
                    + " \\(private-\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d-" + Pattern.quote(System.getProperty("user.name")) + "\\)"));
            assertNull(main.getValue("Implementation-Build"));
        } else if (version.endsWith("-SNAPSHOT")) {
            assertEquals(version + " (private-" + commit.substring(0, 8) + "-" + System.getProperty("user.name") + ")", pluginVersion);
            assertEquals(commit, main.getValue("Implementation-Build"));
        } else {
            assertEquals("a release is named by its version alone", version, pluginVersion);
            assertEquals(commit, main.getValue("Implementation-Build"));
        }
    }

    @Test
    public void hpiCarriesTheMavenDescriptorAsMavenHpiPluginDoes() throws IOException {
        Attributes main = hpiManifest().getMainAttributes();
        String folder = "META-INF/maven/" + main.getValue("Group-Id") + "/" + main.getValue("Artifact-Id") + "/";
        try (ZipFile zip = new ZipFile(hpi.toFile())) {
            ZipEntry pom = zip.getEntry(folder + "pom.xml");
            ZipEntry properties = zip.getEntry(folder + "pom.properties");
            assertNotNull(folder + "pom.xml missing from the .hpi", pom);
            assertNotNull(folder + "pom.properties missing from the .hpi", properties);
            try (InputStream in = zip.getInputStream(pom)) {
                assertArrayEquals("the project's own pom.xml", Files.readAllBytes(Path.of("pom.xml")), in.readAllBytes());
            }
            Properties coordinates = new Properties();
            try (InputStream in = zip.getInputStream(properties)) {
                coordinates.load(in);
            }
            assertEquals(main.getValue("Group-Id"), coordinates.getProperty("groupId"));
            assertEquals(main.getValue("Artifact-Id"), coordinates.getProperty("artifactId"));
            assertEquals(main.getValue("Implementation-Version"), coordinates.getProperty("version"));
        }
    }

    @Test
    public void manifestLinesAreWrappedAsTheJdkRequires() throws IOException {
        String text = rawHpiManifest();
        assertTrue("ends with a newline", text.endsWith("\n"));
        for (String line : text.split("\r?\n")) {
            assertTrue(line, line.getBytes(StandardCharsets.UTF_8).length <= 72);
        }
    }

    @Test
    public void innerJarCarriesShortNameAndPluginVersion() throws IOException {
        try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(innerJar))) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertEquals("kube-delivery", main.getValue("Short-Name"));
            assertEquals(hpiManifest().getMainAttributes().getValue("Plugin-Version"), main.getValue("Plugin-Version"));
        }
    }

    @Test
    public void innerJarHoldsTheViewsAndHelp() {
        assertTrue(innerEntries.contains("index.jelly"));
        for (String step : List.of("deploy/DeployServiceStep", "deploy/RollbackServiceStep", "deploy/DeployServicesStep",
                "preview/CreatePreviewNamespaceStep", "preview/DeletePreviewNamespaceStep", "preview/ReapPreviewNamespacesStep",
                "monorepo/ChangedServicesStep")) {
            String folder = "io/jenkins/plugins/kubedelivery/jenkins/" + step + "/";
            assertTrue(folder + "config.jelly", innerEntries.contains(folder + "config.jelly"));
            assertTrue(folder + "help.html", innerEntries.contains(folder + "help.html"));
        }
    }

    @Test
    public void noJenkinsApiDeclarationOrBuildToolIsPackaged() throws IOException {
        Set<String> declared = new TreeSet<>();
        for (Path root : List.of(Path.of("src/jenkins-api/java"), Path.of("src/jenkins-test-api/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".java"))
                        .forEach(p -> declared.add(root.relativize(p).toString().replace(".java", "")));
            }
        }
        for (String entry : innerEntries) {
            if (entry.endsWith(".class")) {
                assertTrue(entry, entry.startsWith("io/jenkins/plugins/kubedelivery/"));
                assertFalse(entry, entry.startsWith("io/jenkins/plugins/kubedelivery/buildtools/"));
                assertFalse(entry, declared.contains(entry.replaceAll("\\$.*|\\.class$", "")));
            }
        }
        try (ZipFile zip = new ZipFile(hpi.toFile())) {
            List<String> libs = zip.stream().map(ZipEntry::getName).filter(n -> n.startsWith("WEB-INF/lib/") && n.endsWith(".jar")).toList();
            assertEquals(List.of(INNER_JAR, "WEB-INF/lib/minimal-json-0.9.5.jar", "WEB-INF/lib/snakeyaml-engine-2.10.jar"),
                    libs.stream().sorted().toList());
            assertFalse(zip.stream().anyMatch(e -> e.getName().startsWith("WEB-INF/classes/")));
        }
    }

    @Test
    public void extensionIndexListsEveryDescriptor() throws Exception {
        Set<String> indexed = new TreeSet<>();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(innerResource("META-INF/annotations/hudson.Extension")))) {
            for (Object o; (o = in.readObject()) != null; ) {
                indexed.add((String) o.getClass().getField("className").get(o));
            }
        }
        assertEquals(annotatedClasses(Extension.class), indexed);
    }

    @Test
    public void symbolIndexListsEverySymbolWhereAnnotationIndexerWritesIt() throws Exception {
        String index = new String(innerResource("META-INF/services/annotations/org.jenkinsci.Symbol"), StandardCharsets.UTF_8);
        assertEquals(annotatedClasses(Symbol.class), new TreeSet<>(List.of(index.strip().split("\n"))));
        assertFalse("one index, at the current path only", innerEntries.contains("META-INF/annotations/org.jenkinsci.Symbol"));
    }

    @Test
    public void credentialsAreFoundThroughTheCurrentOverload() throws IOException {
        String current = "findCredentialById:(Ljava/lang/String;Ljava/lang/Class;Lhudson/model/Run;Ljava/util/List;)";
        String deprecated = "findCredentialById:(Ljava/lang/String;Ljava/lang/Class;Lhudson/model/Run;"
                + "[Lcom/cloudbees/plugins/credentials/domains/DomainRequirement;)";
        List<String> callers = new ArrayList<>();
        for (String entry : innerEntries) {
            if (entry.endsWith(".class")) {
                String constants = new String(innerResource(entry), StandardCharsets.ISO_8859_1);
                assertFalse(entry + " calls the deprecated DomainRequirement... overload", references(constants, deprecated));
                if (references(constants, current)) {
                    callers.add(entry);
                }
            }
        }
        assertFalse("some class looks credentials up", callers.isEmpty());
    }

    @Test
    public void constructorParameterNamesAreCompiledIn() throws Exception {
        int constructors = 0;
        for (String name : classNames()) {
            for (Constructor<?> c : Class.forName(name).getConstructors()) {
                if (c.isAnnotationPresent(DataBoundConstructor.class)) {
                    constructors++;
                    for (var p : c.getParameters()) {
                        assertTrue(name + " compiled without -parameters", p.isNamePresent());
                    }
                }
            }
        }
        assertTrue("the steps have @DataBoundConstructor", constructors >= 2);
    }

    /** Whether a class file's constant pool names a method with a descriptor starting so ({@code name:descriptor}). */
    private static boolean references(String classFile, String method) {
        int colon = method.indexOf(':');
        return classFile.contains(method.substring(0, colon)) && classFile.contains(method.substring(colon + 1));
    }

    /** The commit of this source tree, asked of git itself; {@code null} when it is not a git checkout. */
    private static String checkedOutCommit() throws IOException {
        if (!Files.exists(Path.of(".git"))) {
            return null;
        }
        // An explicit --git-dir, so that git does not refuse a checkout owned by another user (CI containers).
        Process git = new ProcessBuilder("git", "--git-dir=" + Path.of(".git").toAbsolutePath(), "rev-parse", "HEAD")
                .redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            assertEquals("git rev-parse HEAD: " + out, 0, git.waitFor());
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
        return out;
    }

    private static List<String> mainAttributeNames(String manifest) {
        List<String> names = new ArrayList<>();
        for (String line : manifest.split("\r?\n")) {
            if (line.isEmpty()) {
                break; // end of the main section
            }
            if (!line.startsWith(" ")) { // a continuation line starts with a space
                names.add(line.substring(0, line.indexOf(':')));
            }
        }
        return names;
    }

    private static String rawHpiManifest() throws IOException {
        try (ZipFile zip = new ZipFile(hpi.toFile()); InputStream in = zip.getInputStream(zip.getEntry("META-INF/MANIFEST.MF"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String rawInnerManifest() throws IOException {
        return new String(innerResource("META-INF/MANIFEST.MF"), StandardCharsets.UTF_8);
    }

    private static Manifest hpiManifest() throws IOException {
        try (ZipFile zip = new ZipFile(hpi.toFile()); InputStream in = zip.getInputStream(zip.getEntry("META-INF/MANIFEST.MF"))) {
            return new Manifest(in);
        }
    }

    private static byte[] innerResource(String name) throws IOException {
        try (ZipInputStream jar = new ZipInputStream(new ByteArrayInputStream(innerJar))) {
            for (ZipEntry e; (e = jar.getNextEntry()) != null; ) {
                if (e.getName().equals(name)) {
                    return jar.readAllBytes();
                }
            }
        }
        throw new AssertionError(name + " is missing from " + INNER_JAR);
    }

    private static List<String> classNames() {
        return innerEntries.stream().filter(n -> n.endsWith(".class") && !n.contains("module-info"))
                .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.')).toList();
    }

    private static Set<String> annotatedClasses(Class<? extends java.lang.annotation.Annotation> annotation) throws ClassNotFoundException {
        Set<String> found = new TreeSet<>();
        for (String name : classNames()) {
            if (Class.forName(name, false, HpiPackagingIT.class.getClassLoader()).isAnnotationPresent(annotation)) {
                found.add(name);
            }
        }
        return found;
    }
}
