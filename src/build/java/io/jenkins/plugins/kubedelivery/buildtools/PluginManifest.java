package io.jenkins.plugins.kubedelivery.buildtools;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * Writes the plugin's own manifest attributes as maven-hpi-plugin's {@code AbstractJenkinsManifestMojo}
 * does: in its order, with a snapshot's {@code Plugin-Version} marked {@code (private-<sha>-<user>)} and
 * {@code Implementation-Build} set to the commit. maven-jar-plugin appends them after its standard
 * entries (Manifest-Version, Created-By, Build-Jdk-Spec, Specification-*, Implementation-*), which is
 * where maven-hpi-plugin's archiver puts them too. Build-time only; never packaged.
 *
 * <p>Usage: {@code PluginManifest <output file> <project directory> Name=value...}, one argument per
 * attribute the POM knows; an attribute not given is left out, as maven-hpi-plugin leaves out what the
 * POM does not set.
 */
public final class PluginManifest {
    /** The order in which maven-hpi-plugin adds them. */
    static final List<String> ORDER = List.of("Plugin-Class", "Group-Id", "Artifact-Id", "Short-Name", "Long-Name",
            "Url", "Compatible-Since-Version", "Sandbox-Status", "Plugin-Version", "Hudson-Version", "Jenkins-Version",
            "Mask-Classes", "PluginFirstClassLoader", "Plugin-Dependencies", "Plugin-Developers",
            "Support-Dynamic-Loading", "Plugin-License-Name", "Plugin-License-Url", "Plugin-ChangelogUrl",
            "Plugin-LogoUrl", "Plugin-ScmConnection", "Plugin-ScmTag", "Plugin-ScmUrl", "Implementation-Build");
    private static final String SNAPSHOT = "-SNAPSHOT";

    private PluginManifest() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: PluginManifest <output file> <project directory> Name=value...");
        }
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : List.of(args).subList(2, args.length)) {
            int eq = arg.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("expected Name=value, got '" + arg + "'");
            }
            given.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        Manifest manifest = build(given, GitHead.of(Path.of(args[1])), System.getProperty("user.name"), new Date());
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream stream = Files.newOutputStream(out)) {
            manifest.write(stream); // wraps lines at 72 bytes and ends with a newline, as the JDK reader needs
        }
    }

    static Manifest build(Map<String, String> given, Optional<String> commit, String user, Date now) {
        Map<String, String> values = new LinkedHashMap<>(given);
        if (values.containsKey("Implementation-Build")) {
            throw new IllegalArgumentException("Implementation-Build is read from the git checkout; do not pass it");
        }
        String version = values.get("Plugin-Version");
        if (version == null) {
            throw new IllegalArgumentException("Plugin-Version (the project version) is required");
        }
        if (version.endsWith(SNAPSHOT)) {
            // A timestamp only when there is no commit to name, e.g. a build from a source archive.
            String build = commit.map(sha -> sha.substring(0, 8))
                    .orElseGet(() -> new SimpleDateFormat("MM/dd/yyyy HH:mm").format(now));
            values.put("Plugin-Version", version + " (private-" + build + "-" + user + ")");
        }
        commit.ifPresent(sha -> values.put("Implementation-Build", sha));

        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        for (String name : ORDER) {
            String value = values.remove(name);
            if (value != null) {
                main.putValue(name, value);
            }
        }
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("not a plugin manifest attribute maven-hpi-plugin writes: " + values.keySet());
        }
        return manifest;
    }
}
