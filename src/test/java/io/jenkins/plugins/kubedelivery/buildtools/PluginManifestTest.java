package io.jenkins.plugins.kubedelivery.buildtools;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import java.util.ArrayList;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import org.junit.Test;

public class PluginManifestTest {
    private static final String SHA = "8a671c962648e5db12c670d987d54bbe09f2f6a7";
    private static final Date NOW = new GregorianCalendar(2026, 11, 2, 9, 5).getTime();

    @Test
    public void writesTheAttributesInMavenHpiPluginsOrderWhateverOrderTheyAreGivenIn() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("Plugin-License-Name", "MIT License");
        given.put("Jenkins-Version", "2.479.3");
        given.put("Plugin-Version", "1.0");
        given.put("Short-Name", "kube-delivery");
        given.put("Group-Id", "io.jenkins.plugins");
        Attributes main = PluginManifest.build(given, Optional.of(SHA), "builder", NOW).getMainAttributes();
        List<String> names = new ArrayList<>();
        main.keySet().forEach(name -> names.add(name.toString()));
        assertEquals(List.of("Manifest-Version", "Group-Id", "Short-Name", "Plugin-Version", "Jenkins-Version",
                "Plugin-License-Name", "Implementation-Build"), names);
    }

    @Test
    public void aSnapshotIsMarkedWithTheShortCommitAndTheUser() {
        Attributes main = build("0.1.0-SNAPSHOT", Optional.of(SHA));
        assertEquals("0.1.0-SNAPSHOT (private-8a671c96-builder)", main.getValue("Plugin-Version"));
        assertEquals(SHA, main.getValue("Implementation-Build"));
    }

    @Test
    public void withoutACommitASnapshotIsMarkedWithTheTimeAndNoBuildIsNamed() {
        Attributes main = build("0.1.0-SNAPSHOT", Optional.empty());
        assertEquals("0.1.0-SNAPSHOT (private-12/02/2026 09:05-builder)", main.getValue("Plugin-Version"));
        assertNull(main.getValue("Implementation-Build"));
    }

    @Test
    public void aReleaseIsNamedByItsVersionAlone() {
        Attributes main = build("1.2.0", Optional.of(SHA));
        assertEquals("1.2.0", main.getValue("Plugin-Version"));
        assertEquals(SHA, main.getValue("Implementation-Build"));
    }

    @Test
    public void refusesAnAttributeItDoesNotKnowTheOrderOfOrOneItComputes() {
        assertThrows(IllegalArgumentException.class,
                () -> PluginManifest.build(Map.of("Plugin-Version", "1.0", "Ant-Version", "1.10"), Optional.empty(), "u", NOW));
        assertThrows(IllegalArgumentException.class,
                () -> PluginManifest.build(Map.of("Plugin-Version", "1.0", "Implementation-Build", SHA), Optional.empty(), "u", NOW));
    }

    private static Attributes build(String version, Optional<String> commit) {
        return PluginManifest.build(Map.of("Plugin-Version", version), commit, "builder", NOW).getMainAttributes();
    }
}
