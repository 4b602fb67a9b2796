package io.jenkins.plugins.kubedelivery.engine.preview;

import static io.jenkins.plugins.kubedelivery.engine.preview.PreviewFixtures.namespace;
import static io.jenkins.plugins.kubedelivery.engine.preview.PreviewFixtures.owned;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandLine;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandResult;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.testsupport.EngineFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.Rule;
import org.junit.Test;

public class ReapPreviewNamespacesTest {
    private static final Map<String, String> EXPIRED = Map.of(Ownership.EXPIRES_AT, "2026-11-21T00:00:00Z");
    private static final Map<String, String> FRESH = Map.of(Ownership.EXPIRES_AT, "2026-11-25T00:00:00Z");

    @Rule
    public final EngineFixture fixture = new EngineFixture();

    private final List<CommandLine> commands = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> deleteOptions = new ConcurrentHashMap<>();

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lists the cluster; deletes succeed, except pr-5 (the API server fails), pr-6 (already gone) and pr-3 (changed since listed). */
    private CommandResult cluster(CommandLine command, Duration timeout) {
        commands.add(command);
        List<String> args = command.arguments();
        if (args.get(1).equals("get")) {
            return new CommandResult(0, PreviewFixtures.list(List.of(
                    namespace("pr-1-shop", owned("1", "shop"), EXPIRED, "Active"),
                    namespace("pr-2-shop", owned("2", "shop"), FRESH, "Active"),
                    namespace("pr-3-shop", owned("3", "shop"), FRESH, "Active"),
                    namespace("pr-5-shop", owned("5", "shop"), EXPIRED, "Active"),
                    namespace("pr-6-shop", owned("6", "shop"), EXPIRED, "Active"),
                    namespace("team-db", Map.of("team", "db"), EXPIRED, "Active"))), 5);
        }
        String name = args.get(args.indexOf("--raw") + 1).substring("/api/v1/namespaces/".length());
        deleteOptions.put(name, read(args.get(args.indexOf("--filename") + 1)));
        return switch (name) {
            case "pr-5-shop" -> new CommandResult(1, "Error from server (InternalError): etcdserver: request timed out\n", 5);
            case "pr-6-shop" -> new CommandResult(1, "Error from server (NotFound): namespaces \"pr-6-shop\" not found\n", 5);
            case "pr-3-shop" -> new CommandResult(1, "Error from server (Conflict): Operation cannot be fulfilled on namespaces"
                    + " \"pr-3-shop\": Precondition failed: ResourceVersion in precondition: 17, ResourceVersion in object meta: 18\n", 5);
            default -> new CommandResult(0, "{\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + name + "\"}}\n", 5);
        };
    }

    private ReapResult reap(List<String> open, boolean dryRun) throws InterruptedException {
        return new ReapPreviewNamespaces(fixture.ports(this::cluster), ClusterTarget.inCluster())
                .run(new ReapRequest(open, "shop", dryRun, 4));
    }

    @Test
    public void deletesExpiredAndClosedOnesWithOneListAndOneDeleteEach() throws Exception {
        ReapResult result = reap(List.of("2"), false);
        assertEquals(List.of("pr-1-shop"), result.deleted().stream().sorted().toList());
        assertEquals(List.of("pr-2-shop", "pr-3-shop", "pr-6-shop", "team-db"), result.kept().keySet().stream().sorted().toList());
        assertEquals("not owned by kube-delivery", result.kept().get("team-db"));
        assertEquals("changed since it was listed: left alone", result.kept().get("pr-3-shop"));
        assertEquals("gone before its deletion", result.kept().get("pr-6-shop"));
        assertEquals("each delete requires the namespace as it was listed",
                "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"preconditions\":{\"uid\":\"uid-of-pr-1-shop\",\"resourceVersion\":\"17\"}}",
                deleteOptions.get("pr-1-shop"));
        assertTrue(result.failed().get("pr-5-shop"), result.failed().get("pr-5-shop").contains("etcdserver: request timed out"));
        long lists = commands.stream().filter(c -> c.arguments().get(1).equals("get")).count();
        long deletes = commands.stream().filter(c -> c.arguments().get(1).equals("delete")).count();
        assertEquals(1, lists);
        assertEquals(4, deletes);
        assertTrue(commands.get(0).toString(), commands.get(0).arguments().contains(
                "app.kubernetes.io/managed-by=kube-delivery,kube-delivery.io/preview=true,kube-delivery.io/repository=shop"));
    }

    @Test
    public void dryRunListsAndDeletesNothing() throws Exception {
        ReapResult result = reap(null, true);
        assertEquals(List.of("pr-1-shop", "pr-5-shop", "pr-6-shop"), result.deleted());
        assertEquals(1, commands.size());
        assertTrue(fixture.logText(), fixture.logText().contains("Would delete pr-1-shop: expired at 2026-11-21T00:00:00Z"));
        assertEquals(Boolean.TRUE, result.toMap().get("dryRun"));
    }

    @Test
    public void openPullRequestsNeedTheirRepository() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> new ReapPreviewNamespaces(fixture.ports(this::cluster), ClusterTarget.inCluster())
                        .run(new ReapRequest(List.of("1"), null, false, 4)));
        assertEquals("repository", e.parameter());
        assertEquals(List.of(), commands);
    }
}
