package io.jenkins.plugins.kubedelivery.engine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.engine.cli.CommandLine;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandResult;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandRunner;
import io.jenkins.plugins.kubedelivery.engine.cli.Tools;
import io.jenkins.plugins.kubedelivery.engine.cli.Text;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class SecretMaskTest {
    private static final String KEY = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkq\n  aGlkZGVuLWxpbmU=\nab\n-----END PRIVATE KEY-----";

    private final SecretMask mask = new SecretMask();

    @Test
    public void hidesTheWholeValue() {
        mask.add("tok-123");
        assertEquals("bearer <masked-1> rejected", mask.apply("bearer tok-123 rejected"));
    }

    @Test
    public void hidesEachLineOfAMultiLineValueAsToolsPrintIt() {
        mask.add(KEY);
        String joined = Text.tail("Error: execution error: refused " + KEY.replace("\n", "\n    "), 10, 1000);
        String masked = mask.apply(KEY.replace("\n", "\n    "));
        for (String line : List.of("-----BEGIN PRIVATE KEY-----", "MIIEvQIBADANBgkq", "aGlkZGVuLWxpbmU=", "-----END PRIVATE KEY-----")) {
            assertFalse(masked, masked.contains(line));
            assertFalse(mask.apply(joined), mask.apply(joined).contains(line));
        }
        assertEquals("a line shorter than six characters is left alone", 1, masked.split("ab", -1).length - 1);
    }

    @Test
    public void hidesTheBase64AKubernetesSecretShows() {
        mask.add("s3cr3t-Passw0rd");
        String data = Base64.getEncoder().encodeToString("s3cr3t-Passw0rd".getBytes(StandardCharsets.UTF_8));
        assertEquals("data:\n  password: <masked-1>\n", mask.apply("data:\n  password: " + data + "\n"));
    }

    @Test
    public void hidesTheFormJsonOutputShows() {
        mask.add("pa\"ss\\word-1");
        assertEquals("{\"password\":\"<masked-1>\"}", mask.apply("{\"password\":\"pa\\\"ss\\\\word-1\"}"));
    }

    @Test
    public void numbersEachSecretSoAChangeStillShows() {
        mask.add("old-password-1");
        mask.add("new-password-2");
        mask.add("old-password-1");
        assertEquals("- <masked-1>\n+ <masked-2>", mask.apply("- old-password-1\n+ new-password-2"));
    }

    @Test
    public void aValueReadBackFromMaskedOutputIsNotASecretOfItsOwn() {
        mask.add("db-password-1");
        mask.add(mask.apply("db-password-1"));
        assertEquals("<masked-1>", mask.apply("db-password-1"));
    }

    @Test
    public void blankValuesAreIgnored() {
        mask.add("  ");
        mask.add(null);
        assertTrue(mask.isEmpty());
        assertEquals("a  b", mask.apply("a  b"));
    }

    @Test
    public void masksResultsDeeply() {
        mask.add("tok-123");
        Object masked = mask.applyDeep(Map.of("a", List.of("x tok-123", 7), "tok-123", Map.of("b", "tok-123")));
        assertEquals(Map.of("a", List.of("x <masked-1>", 7), "<masked-1>", Map.of("b", "<masked-1>")), masked);
    }

    @Test
    public void masksARunnersOutputBeforeTheCallerSeesIt() throws Exception {
        CommandRunner runner = (command, timeout) -> new CommandResult(1, "Error: tok-123 refused\n", 5);
        mask.add("tok-123");
        CommandResult result = mask.masking(runner).run(CommandLine.of(List.of("helm", "version")), Duration.ofSeconds(1));
        assertEquals(new CommandResult(1, "Error: <masked-1> refused\n", 5), result);
    }

    @Test
    public void masksTheLogAndTheRunnerOfEveryPorts() throws Exception {
        List<String> lines = new ArrayList<>();
        SecretMask secrets = new SecretMask();
        EnginePorts ports = EnginePorts.builder().tools(Tools.onPath((command, timeout) -> new CommandResult(0, "tok-123", 1)))
                .log(lines::add).secrets(secrets).build();
        secrets.add("tok-123");
        ports.log().line("token tok-123");
        assertEquals(List.of("token <masked-1>"), lines);
        assertEquals("<masked-1>", ports.runner().run(CommandLine.of(List.of("helm", "version")), Duration.ofSeconds(1)).output());
    }

    @Test
    public void aTextKnowsWhetherTheFilterHidSomethingInIt() {
        SecretMask mask = new SecretMask();
        assertFalse("nothing registered", mask.hidesPartOf("<masked-1>"));
        mask.add("tok-123456");
        assertTrue(mask.hidesPartOf(mask.apply("password: tok-123456")));
        assertFalse(mask.hidesPartOf(mask.apply("password: other")));
        assertFalse(mask.hidesPartOf(null));
    }
}
