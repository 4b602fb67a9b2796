package io.jenkins.plugins.kubedelivery.engine.deploy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandLine;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandResult;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.testsupport.EngineFixture;
import io.jenkins.plugins.kubedelivery.testsupport.Resources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Rule;
import org.junit.Test;

public class DeployServicesTest {
    @Rule
    public final EngineFixture fixture = new EngineFixture();

    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final List<CommandLine> commands = Collections.synchronizedList(new ArrayList<>());

    /** helm as a fake cluster: every upgrade takes 150 ms; the search release fails. */
    private CommandResult helm(CommandLine command, Duration timeout) throws InterruptedException {
        commands.add(command);
        List<String> args = command.arguments();
        switch (args.get(1)) {
            case "version":
                return new CommandResult(0, "v4.1.4+g05fa379\n", 1);
            case "history":
                return new CommandResult(1, "Error: release: not found\n", 1);
            default:
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                Thread.sleep(150);
                running.decrementAndGet();
                return args.get(3).equals("search") ? new CommandResult(1, "Error: INSTALLATION FAILED: context deadline exceeded\n", 150)
                        : new CommandResult(0, Resources.text("helm-output/upgrade-first-install.json"), 150);
        }
    }

    private DeployServicesResult deploy(List<String> services, int parallelism) throws InterruptedException {
        return deploy(services, parallelism, Map.of());
    }

    private DeployServicesResult deploy(List<String> services, int parallelism, Map<String, List<String>> dependsOn)
            throws InterruptedException {
        return new DeployServices(fixture.ports(this::helm), ClusterTarget.inCluster(), "shop PR-42 #3")
                .run(new DeployServicesRequest(services,
                        DeployRequest.builder("ignored", "preview").namespace("pr-42-shop").imageTag("abc123").build(), parallelism,
                        Map.of(), dependsOn));
    }

    private List<String> upgraded() {
        return commands.stream().filter(c -> c.arguments().get(1).equals("upgrade")).map(c -> c.arguments().get(3)).toList();
    }

    @Test
    public void aServiceIsDeployedAfterTheServicesItDependsOn() throws Exception {
        // search fails, so the order is seen in the message too; payments first although listed last
        EngineException e = assertThrows(EngineException.class, () -> deploy(List.of("search", "payments"), 4,
                Map.of("search", List.of("payments"))));
        assertEquals(List.of("payments", "search"), upgraded());
        assertEquals("a wave waits for the one before", 1, mostAtOnce.get());
        assertTrue(fixture.logText(), fixture.logText().contains("Deploying 2 services (search, payments), 2 at a time, in 2 waves, each"
                + " service after those it depends on: [[payments], [search]]"));
        assertTrue(e.getMessage(), e.getMessage().startsWith("1 of 2 services failed to deploy (1 succeeded: payments): search: "));
    }

    @Test
    public void theDependentsOfAFailedServiceAreSkippedSayingWhy() {
        // payments depends on search through ledger, which is not deployed this time
        EngineException e = assertThrows(EngineException.class, () -> deploy(List.of("payments", "search"), 4,
                Map.of("payments", List.of("ledger"), "ledger", List.of("search"))));
        assertEquals("payments never starts", List.of("search"), upgraded());
        assertTrue(e.getMessage(), e.getMessage().startsWith("2 of 2 services failed to deploy (0 succeeded: ): payments: skipped: it"
                + " depends on search, which was not deployed; search: helm upgrade exited 1"));
        assertTrue(fixture.logText(), fixture.logText().contains("payments: skipped: it depends on search, which was not deployed"));
    }

    @Test
    public void deploysConcurrentlyAndListsEveryFailureAfterTryingAll() {
        EngineException e = assertThrows(EngineException.class, () -> deploy(List.of("payments", "search"), 4));
        assertEquals(2, mostAtOnce.get());
        assertTrue(e.getMessage(), e.getMessage().startsWith("1 of 2 services failed to deploy (1 succeeded: payments): search: helm upgrade exited 1"));
        long upgrades = commands.stream().filter(c -> c.arguments().get(1).equals("upgrade")).count();
        assertEquals(2, upgrades);
        assertEquals("helm is asked its version once per step", 1, commands.stream().filter(c -> c.arguments().get(1).equals("version")).count());
    }

    @Test
    public void parallelismBoundsHowManyRunAtOnce() throws Exception {
        Map<String, Object> results = deploy(List.of("payments"), 1).toMap();
        assertEquals(1, mostAtOnce.get());
        assertEquals(1, ((Map<?, ?>) results.get("payments")).get("revision"));
    }

    @Test
    public void previewsUseStageValuesWhenTheyHaveNoPreviewValues() throws Exception {
        assertThrows(EngineException.class, () -> deploy(List.of("payments", "search"), 2));
        String searchUpgrade = commands.stream().filter(c -> c.arguments().get(1).equals("upgrade") && c.arguments().get(3).equals("search"))
                .findFirst().orElseThrow().toString();
        String paymentsUpgrade = commands.stream().filter(c -> c.arguments().get(1).equals("upgrade") && c.arguments().get(3).equals("payments"))
                .findFirst().orElseThrow().toString();
        assertTrue(searchUpgrade, searchUpgrade.contains("helm/search/values.stage.yaml"));
        assertTrue(paymentsUpgrade, paymentsUpgrade.contains("helm/payments/values.preview.yaml"));
    }

    @Test
    public void everyServiceIsCheckedBeforeTheFirstCommand() {
        ValidationException e = assertThrows(ValidationException.class, () -> deploy(List.of("payments", "No_Such"), 2));
        assertEquals("services[1]", e.parameter());
        assertEquals(List.of(), commands);
    }
}
