package io.jenkins.plugins.kubedelivery.engine.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.model.ChangedPath;
import java.util.List;
import org.junit.Test;

public class GitClientTest {
    @Test
    public void nameStatusLinesBecomeChangesAndWarningsAreSkipped() {
        String output = "warning: inexact rename detection was skipped due to too many files.\n"
                + "M\tpayments/src/Api.java\n"
                + "R087\tpayments/Old.java\tweb/New.java\n"
                + "C100\tlibs/a.txt\tlibs/b.txt\n"
                + "D\tweb/old.css\n"
                + "A\t\"docs/tab\\there.md\"\n"
                + "warning: you may want to set your diff.renameLimit variable to at least 1200\n";
        assertEquals(List.of(ChangedPath.modified("payments/src/Api.java"), new ChangedPath('R', "web/New.java", "payments/Old.java"),
                new ChangedPath('C', "libs/b.txt", "libs/a.txt"), new ChangedPath('D', "web/old.css", null),
                new ChangedPath('A', "docs/tab\there.md", null)), GitClient.parseNameStatus(output));
    }

    @Test
    public void quotedPathsAreUnquotedIncludingOctalUtf8() {
        assertEquals("caf\u00e9/men\u00fc.txt", GitClient.unquote("\"caf\\303\\251/men\\303\\274.txt\""));
        assertEquals("a\"b\\c\nd", GitClient.unquote("\"a\\\"b\\\\c\\nd\""));
        assertEquals("plain/\u00e9t\u00e9 \uD83D\uDE80.txt", GitClient.unquote("plain/\u00e9t\u00e9 \uD83D\uDE80.txt"));
        assertEquals("\uD83D\uDE80 \"x\".txt", GitClient.unquote("\"\uD83D\uDE80 \\\"x\\\".txt\""));
    }

    @Test
    public void revisionsAreOnePlainRevisionNeverAnOption() {
        assertEquals("main", GitClient.requireRevision("base", "main"));
        assertEquals("release/1.4", GitClient.requireRevision("base", "release/1.4"));
        assertEquals("3f9a2c1", GitClient.requireRevision("base", "3f9a2c1"));
        for (String bad : List.of("--upload-pack=touch /tmp/x", "-x", "main..feature", "a b", "x;id", "$(id)", "refs/heads/x.lock",
                "")) {
            ValidationException e = assertThrows(bad, ValidationException.class, () -> GitClient.requireRevision("base", bad));
            assertEquals(bad, "base", e.parameter());
        }
    }
}
