package io.jenkins.plugins.kubedelivery.engine.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import java.util.List;
import org.junit.Test;

public class CommandLineTest {
    @Test
    public void keepsOrdinaryArgumentsAsGiven() {
        List<String> args = List.of("helm", "upgrade", "--install", "payments", "/ws/helm/payments", "--timeout", "300s",
                "--kube-context", "arn:aws:eks:eu-west-1:123:cluster/prod", "user@example");
        assertEquals(args, CommandLine.of(args).arguments());
    }

    @Test
    public void refusesEveryCharacterTheContainerShellWouldInterpret() {
        for (String hostile : List.of("$HOME", "a${X}", "`id`", "a\\b", "say \"hi\"", "line\nbreak", "tab\there", "nul\0")) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> CommandLine.of("imageTag", List.of("helm", "upgrade", hostile)));
            assertEquals("imageTag", e.parameter());
            assertTrue(e.getMessage(), e.getMessage().startsWith("imageTag: "));
            assertTrue(e.getMessage(), e.getMessage().contains("values file"));
        }
    }

    @Test
    public void showsControlCharactersEscapedInTheMessage() {
        ValidationException e = assertThrows(ValidationException.class, () -> CommandLine.checkArgument("release", "a\nb"));
        assertTrue(e.getMessage(), e.getMessage().contains("a\\u000ab"));
    }
}
