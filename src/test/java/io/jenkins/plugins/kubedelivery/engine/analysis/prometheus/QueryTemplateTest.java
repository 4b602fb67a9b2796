package io.jenkins.plugins.kubedelivery.engine.analysis.prometheus;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import java.time.Duration;
import java.util.Map;
import org.junit.Test;

public class QueryTemplateTest {
    private static final Map<String, String> VARIABLES =
            Map.of("namespace", "prod", "service", "payments", "canary", "payments-canary", "interval", "60s");

    @Test
    public void fillsEveryPlaceholderWithOrWithoutSpaces() {
        assertEquals("sum(rate(x{ns=\"prod\",svc=\"payments-canary\"}[60s]))",
                QueryTemplate.render("analysis", "sum(rate(x{ns=\"{{namespace}}\",svc=\"{{ canary }}\"}[{{interval}}]))", VARIABLES));
    }

    @Test
    public void anUnknownPlaceholderIsRefusedNamingTheKnownOnes() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> QueryTemplate.render("analysis[2].query", "rate(x{a=\"{{nmespace}}\"}[1m])", VARIABLES));
        assertEquals("analysis[2].query: unknown placeholder {{nmespace}}; the known ones are [{{canary}}, {{interval}},"
                + " {{namespace}}, {{service}}]", e.getMessage());
    }

    @Test
    public void valuesAreInsertedLiterally() {
        assertEquals("a$1\\b", QueryTemplate.render("q", "a{{x}}", Map.of("x", "$1\\b")));
    }

    @Test
    public void rangesAreWholeSeconds() {
        assertEquals("60s", QueryTemplate.range(Duration.ofMinutes(1)));
        assertEquals("5400s", QueryTemplate.range(Duration.ofMinutes(90)));
        assertEquals("1s", QueryTemplate.range(Duration.ofMillis(200)));
    }
}
