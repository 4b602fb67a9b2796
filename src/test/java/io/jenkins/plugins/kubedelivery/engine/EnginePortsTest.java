package io.jenkins.plugins.kubedelivery.engine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.engine.cli.CommandResult;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandRunner;
import io.jenkins.plugins.kubedelivery.engine.cli.Tools;
import io.jenkins.plugins.kubedelivery.engine.http.HttpAnswer;
import io.jenkins.plugins.kubedelivery.engine.http.HttpTransport;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.Test;

public class EnginePortsTest {
    private static final CommandRunner RUNNER = (command, timeout) -> new CommandResult(0, "", 1);

    @Test
    public void theToolsAreFoundOnThePathUnlessNamed() {
        EnginePorts ports = EnginePorts.builder().tools(Tools.onPath(RUNNER).withHelm("/opt/helm-4")).log(line -> {}).build();
        assertEquals("/opt/helm-4", ports.helm());
        assertEquals("kubectl", ports.kubectl());
        assertEquals("git", ports.git());
        assertEquals(ports.tools().runner(), ports.runner());
    }

    @Test
    public void httpIsAPortOfItsOwnThatOnlyTheStepsThatQueryOpen() {
        EnginePorts without = EnginePorts.builder().tools(Tools.onPath(RUNNER)).log(line -> {}).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, without::http);
        assertTrue(e.getMessage(), e.getMessage().contains("without an HTTP transport"));

        HttpTransport http = call -> new HttpAnswer(200, "{}");
        assertSame(http, EnginePorts.builder().tools(Tools.onPath(RUNNER)).log(line -> {}).http(http).build().http());
    }

    @Test
    public void theDefaultsAreTheSystemClockAndAFilterOfTheirOwn() {
        EnginePorts ports = EnginePorts.builder().tools(Tools.onPath(RUNNER)).log(line -> {}).build();
        assertEquals(ZoneOffset.UTC, ports.clock().getZone());
        assertTrue(ports.secrets().isEmpty());
        Clock fixed = Clock.fixed(java.time.Instant.EPOCH, ZoneOffset.UTC);
        assertSame(fixed, EnginePorts.builder().tools(Tools.onPath(RUNNER)).log(line -> {}).clock(fixed).build().clock());
    }

    @Test
    public void toolsAndLogAreRequired() {
        assertThrows(IllegalStateException.class, () -> EnginePorts.builder().log(line -> {}).build());
        assertThrows(IllegalStateException.class, () -> EnginePorts.builder().tools(Tools.onPath(RUNNER)).build());
    }
}
