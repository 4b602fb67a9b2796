package io.jenkins.plugins.kubedelivery.jenkins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import java.time.Duration;
import java.util.List;
import org.junit.Test;

public class DurationTextTest {
    @Test
    public void parsesDaysHoursMinutesAndSeconds() {
        assertEquals(Duration.ofSeconds(90), DurationText.parse("timeout", "90s"));
        assertEquals(Duration.ofMinutes(5), DurationText.parse("timeout", "5m"));
        assertEquals(Duration.ofMinutes(90), DurationText.parse("timeout", "1h30m"));
        assertEquals(Duration.ofSeconds(3723), DurationText.parse("timeout", " 1H2m3S "));
        assertEquals(Duration.ofHours(72), DurationText.parse("ttl", "72h"));
        assertEquals(Duration.ofDays(7), DurationText.parse("ttl", "7d"));
        assertEquals(Duration.ofHours(36), DurationText.parse("ttl", "1d12h"));
    }

    @Test
    public void refusesAnythingElseNamingTheParameterAndTheForms() {
        for (String bad : new String[] {"", "5", "5x", "m5", "30s5m", "1.5h", "-5m", "2h1d", "7 d", "1w", "0d", "0s", "0h0m", "5 m", null}) {
            try {
                DurationText.parse("timeout", bad);
                fail("accepted " + bad);
            } catch (ValidationException e) {
                assertEquals("timeout", e.parameter());
                assertTrue(e.getMessage(), e.getMessage().contains("5m") && e.getMessage().startsWith("timeout: "));
            }
        }
    }

    @Test
    public void writesADefaultAsTheParserReadsItBack() {
        assertEquals("5m", DurationText.of(Duration.ofMinutes(5)));
        assertEquals("72h", DurationText.of(Duration.ofHours(72)));
        assertEquals("1h2m3s", DurationText.of(Duration.ofSeconds(3723)));
        for (Duration d : List.of(Duration.ofMinutes(5), Duration.ofHours(72), Duration.ofSeconds(3723), Duration.ofSeconds(90))) {
            assertEquals(d, DurationText.parse("timeout", DurationText.of(d)));
        }
    }
}
