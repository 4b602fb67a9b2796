package io.jenkins.plugins.kubedelivery.engine.preview;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.Test;

public class PreviewNamingTest {
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private static String name(String pattern, String pr, String repository, String branch) {
        String label = PreviewNaming.label("namePattern", pattern, Map.of("pr", pr, "repository", repository, "branch", branch));
        assertTrue(label, DNS_LABEL.matcher(label).matches());
        return label;
    }

    @Test
    public void defaultPatternFromPrAndRepository() {
        assertEquals("pr-123-shop-frontend", name("pr-{pr}-{repository}", "123", "Shop.Frontend", "main"));
    }

    @Test
    public void uppercaseSlashesAndDotsBecomeDashes() {
        assertEquals("feature-pay-2-0-fix", name("{branch}", "1", "r", "Feature/PAY_2.0//fix"));
    }

    @Test
    public void unicodeIsFoldedToAscii() {
        assertEquals("feature-unicode-strasse", name("{branch}", "1", "r", "fëature/ünïcöde—straße"));
        assertEquals("pr-7-e", name("pr-{pr}-{repository}", "7", "日本語é", "x"));
    }

    @Test
    public void threeHundredCharacterBranchesAreCutWithAStableHash() {
        String branch = "feature/" + "very-long-branch-name-".repeat(14);
        String once = name("pr-{pr}-{branch}", "42", "r", branch);
        assertEquals(63, once.length());
        assertEquals(once, name("pr-{pr}-{branch}", "42", "r", branch));
    }

    @Test
    public void namesThatDifferOnlyAfterCharacter63NeverCollide() {
        String common = "x".repeat(70);
        String a = name("{branch}", "1", "r", common + "-alpha");
        String b = name("{branch}", "1", "r", common + "-beta");
        assertNotEquals(a, b);
        assertEquals(a.substring(0, 54), b.substring(0, 54));
    }

    @Test
    public void hostPartsAreLabelsEachAndTheDomainStays() {
        assertEquals("pr-12.shop-frontend.preview.example.com", PreviewNaming.host("hostPattern",
                "pr-{pr}.{repository}.preview.example.com", Map.of("pr", "12", "repository", "Shop_Frontend", "branch", "")));
    }

    @Test
    public void aPatternThatGivesNothingIsRefused() {
        ValidationException e = assertThrows(ValidationException.class, () -> PreviewNaming.label("namePattern", "{branch}",
                Map.of("pr", "1", "repository", "r", "branch", "///")));
        assertEquals("namePattern", e.parameter());
    }

    @Test
    public void anUnknownPlaceholderIsNamed() {
        ValidationException e = assertThrows(ValidationException.class, () -> PreviewNaming.label("namePattern", "pr-{number}",
                Map.of("pr", "1", "repository", "r", "branch", "b")));
        assertTrue(e.getMessage(), e.getMessage().contains("{number}") && e.getMessage().contains("{pr}"));
    }

    @Test
    public void labelValuesKeepCaseAndAreCutLikeNames() {
        assertEquals("Shop.Frontend", PreviewNaming.toLabelValue("Shop.Frontend"));
        String cut = PreviewNaming.toLabelValue("org/" + "r".repeat(100));
        assertEquals(63, cut.length());
        assertTrue(cut.startsWith("org-rrr"));
    }
}
