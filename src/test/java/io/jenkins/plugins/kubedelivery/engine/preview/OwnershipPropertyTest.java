package io.jenkins.plugins.kubedelivery.engine.preview;

import static io.jenkins.plugins.kubedelivery.engine.preview.PreviewFixtures.namespace;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandLine;
import io.jenkins.plugins.kubedelivery.testsupport.EngineFixture;
import io.jenkins.plugins.kubedelivery.testsupport.ScriptedRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.Rule;
import org.junit.Test;

/**
 * No input makes delete or reap touch a namespace without the ownership label: thousands of
 * random clusters (owned, foreign, half-labelled, other PRs, other repositories, expired, broken
 * expiry) and random requests, and every delete the engine issues is checked: it names an owned
 * namespace and carries preconditions on the uid and resourceVersion that were checked.
 */
public class OwnershipPropertyTest {
    private static final String[] PRS = {"1", "2", "3", "41", "42"};
    private static final String[] REPOSITORIES = {"shop", "search", "Shop"};

    @Rule
    public final EngineFixture fixture = new EngineFixture();

    @Test
    public void reapNeverDeletesWhatItDoesNotOwn() throws Exception {
        Random random = new Random(20261122L);
        for (int round = 0; round < 400; round++) {
            Map<String, Map<String, String>> labelsByName = new HashMap<>();
            List<JsonObject> listed = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(12); i++) {
                String name = "ns-" + round + "-" + i;
                Map<String, String> labels = randomLabels(random);
                labelsByName.put(name, labels);
                listed.add(namespace(name, labels, randomAnnotations(random), random.nextInt(6) == 0 ? "Terminating" : "Active"));
            }
            ScriptedRunner runner = new ScriptedRunner().answer("kubectl get namespaces", 0, PreviewFixtures.list(listed))
                    .answer("kubectl delete", 0, "{\"kind\":\"Namespace\"}\n");
            List<String> open = random.nextBoolean() ? null : List.of(PRS[random.nextInt(PRS.length)]);
            String repository = open != null || random.nextBoolean() ? REPOSITORIES[random.nextInt(REPOSITORIES.length)] : null;
            new ReapPreviewNamespaces(fixture.ports(runner), ClusterTarget.inCluster())
                    .run(new ReapRequest(open, repository, false, 1 + random.nextInt(4)));
            for (CommandLine delete : deletes(runner)) {
                assertOwnedDelete(delete, labelsByName);
            }
        }
    }

    @Test
    public void deleteIsIssuedExactlyForOwnedNamespacesOfTheRightPullRequest() throws Exception {
        Random random = new Random(7L);
        int deletes = 0;
        for (int round = 0; round < 2000; round++) {
            Map<String, String> labels = randomLabels(random);
            boolean exists = random.nextInt(5) != 0;
            String pr = random.nextInt(4) == 0 ? null : PRS[random.nextInt(PRS.length)];
            String repository = REPOSITORIES[random.nextInt(REPOSITORIES.length)];
            String name = pr == null ? "explicit-ns" : "pr-" + pr + "-" + repository.toLowerCase();
            ScriptedRunner runner = new ScriptedRunner()
                    .answer("kubectl get namespace", 0, exists ? namespace(name, labels, Map.of(), "Active").toString() : "")
                    .answer("kubectl delete", 0, "{\"kind\":\"Namespace\"}\n");
            boolean ownedAndMatching = exists && Ownership.isOwnedPreview(labels)
                    && (pr == null || pr.equals(labels.get(Ownership.PR)))
                    && (pr == null || repository.equals(labels.get(Ownership.REPOSITORY)));
            try {
                new DeletePreviewNamespace(fixture.ports(runner), ClusterTarget.inCluster())
                        .run(new DeletePreviewRequest(pr, pr == null ? null : repository, pr == null ? name : null, null, false));
            } catch (EngineException refused) {
                assertTrue(refused.getMessage(), refused.getMessage().contains("refusing to delete it"));
            }
            List<CommandLine> issued = deletes(runner);
            assertEquals("round " + round + " labels " + labels + " pr " + pr, ownedAndMatching ? 1 : 0, issued.size());
            for (CommandLine delete : issued) {
                assertOwnedDelete(delete, Map.of(name, labels));
                deletes++;
            }
        }
        assertTrue("the generator reaches the owned case often", deletes > 100);
    }

    private static List<CommandLine> deletes(ScriptedRunner runner) {
        return runner.commands().stream().filter(c -> c.arguments().get(1).equals("delete")).toList();
    }

    /** The delete names an owned namespace and requires, by preconditions, the very namespace that was checked. */
    private static void assertOwnedDelete(CommandLine delete, Map<String, Map<String, String>> labelsByName) throws Exception {
        List<String> args = delete.arguments();
        String name = args.get(args.indexOf("--raw") + 1).substring("/api/v1/namespaces/".length());
        Map<String, String> labels = labelsByName.get(name);
        assertTrue("deleted " + name + " with labels " + labels, labels != null && Ownership.isOwnedPreview(labels));
        JsonObject preconditions = Json.parse(Files.readString(Path.of(args.get(args.indexOf("--filename") + 1)))).asObject()
                .get("preconditions").asObject();
        assertEquals(delete.toString(), PreviewFixtures.uid(name), preconditions.getString("uid", null));
        assertEquals(delete.toString(), "17", preconditions.getString("resourceVersion", null));
    }

    private static Map<String, String> randomLabels(Random random) {
        Map<String, String> labels = new HashMap<>();
        if (random.nextInt(4) != 0) {
            labels.put(Ownership.MANAGED_BY, random.nextInt(5) == 0 ? "helm" : Ownership.MANAGER);
        }
        if (random.nextInt(4) != 0) {
            labels.put(Ownership.PREVIEW, random.nextInt(5) == 0 ? "false" : "true");
        }
        if (random.nextInt(5) != 0) {
            labels.put(Ownership.PR, PRS[random.nextInt(PRS.length)]);
        }
        labels.put(Ownership.REPOSITORY, REPOSITORIES[random.nextInt(REPOSITORIES.length)]);
        if (random.nextBoolean()) {
            labels.put("team", "payments");
        }
        return labels;
    }

    private static Map<String, String> randomAnnotations(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> Map.of();
            case 1 -> Map.of(Ownership.EXPIRES_AT, "2026-11-01T00:00:00Z");
            case 2 -> Map.of(Ownership.EXPIRES_AT, "2027-01-01T00:00:00Z");
            default -> Map.of(Ownership.EXPIRES_AT, "not-a-date");
        };
    }

}
