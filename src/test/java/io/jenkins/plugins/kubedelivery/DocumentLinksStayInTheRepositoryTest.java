package io.jenkins.plugins.kubedelivery;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * The project explains itself: every document it points to, from README, docs, sources, comments,
 * help, templates or scripts, is a file in this repository, so a reader of a checkout or a release
 * never meets a reference to something they do not have.
 */
public class DocumentLinksStayInTheRepositoryTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final List<String> SCANNED = List.of("README.md", "pom.xml", "Jenkinsfile", "docs", "src", "vars", "scripts", "examples");
    private static final Set<String> TEXT = Set.of(".md", ".java", ".groovy", ".txt", ".html", ".jelly", ".sh", ".xml", "Jenkinsfile");
    /** A Markdown document's link target: {@code [text](target)}. */
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    /** A document named in prose or a comment, e.g. {@code docs/ARCHITECTURE.md} or {@code README.md}. */
    private static final Pattern DOCUMENT = Pattern.compile("[\\w./-]*\\b[\\w-]+\\.md\\b");

    @Test
    public void everyDocumentNamedIsInTheRepository() throws IOException {
        List<Path> files = scannedFiles();
        assertTrue("found the project's files under " + ROOT, files.size() > 50);
        Set<String> documentNames = documents().stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        List<String> outside = new ArrayList<>();
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher link = MARKDOWN_LINK.matcher(file.toString().endsWith(".md") ? text : "");
            while (link.find()) {
                String target = link.group(1).replaceFirst("#.*", "");
                if (!target.isEmpty() && !target.matches("[a-z]+:.*") && !insideAndPresent(file.getParent().resolve(target))) {
                    outside.add(ROOT.relativize(file) + ": link to " + link.group(1));
                }
            }
            // In Java only comments are prose: string literals are test data (paths of fixture files), not references.
            Matcher document = DOCUMENT.matcher(file.toString().endsWith(".java") ? JavaComments.of(text) : text);
            while (document.find()) {
                String named = document.group();
                boolean present = named.contains("/")
                        ? insideAndPresent(ROOT.resolve(named)) || insideAndPresent(file.getParent().resolve(named))
                        : documentNames.contains(named);
                if (!present) {
                    outside.add(ROOT.relativize(file) + ": names " + named);
                }
            }
        }
        assertEquals("references to documents this repository does not hold", List.of(), outside);
    }

    /** The text of a Java source's comments, found with a small lexer that knows strings, chars and text blocks. */
    static final class JavaComments {
        private JavaComments() {}

        static String of(String source) {
            StringBuilder comments = new StringBuilder();
            int i = 0;
            while (i < source.length()) {
                if (source.startsWith("//", i)) {
                    int end = source.indexOf('\n', i);
                    end = end < 0 ? source.length() : end;
                    comments.append(source, i + 2, end).append('\n');
                    i = end;
                } else if (source.startsWith("/*", i)) {
                    int end = source.indexOf("*/", i + 2);
                    end = end < 0 ? source.length() : end;
                    comments.append(source, i + 2, end).append('\n');
                    i = end + 2;
                } else if (source.startsWith("\"\"\"", i)) {
                    int end = source.indexOf("\"\"\"", i + 3);
                    i = end < 0 ? source.length() : end + 3;
                } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                    i = endOfLiteral(source, i);
                } else {
                    i++;
                }
            }
            return comments.toString();
        }

        /** Just past the closing quote of the literal starting at {@code start}, escapes skipped. */
        private static int endOfLiteral(String source, int start) {
            char quote = source.charAt(start);
            int i = start + 1;
            while (i < source.length() && source.charAt(i) != quote && source.charAt(i) != '\n') {
                i += source.charAt(i) == '\\' ? 2 : 1;
            }
            return i + 1;
        }
    }

    @Test
    public void onlyCommentsOfJavaSourcesAreRead() {
        assertEquals(" see docs/ARCHITECTURE.md\n a \"quoted\" x.md \n",
                JavaComments.of("String a = \"docs/x.md\"; // see docs/ARCHITECTURE.md\nchar c = '\\''; /* a \"quoted\" x.md */"
                        + " String b = \"\"\"\n y.md\n\"\"\";"));
    }

    private static boolean insideAndPresent(Path target) {
        Path normal = target.toAbsolutePath().normalize();
        return normal.startsWith(ROOT) && Files.exists(normal);
    }

    private static List<Path> scannedFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String top : SCANNED) {
            try (Stream<Path> walk = Files.walk(ROOT.resolve(top))) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> TEXT.stream().anyMatch(ending -> p.getFileName().toString().endsWith(ending)))
                        .forEach(files::add);
            }
        }
        return files;
    }

    private static List<Path> documents() throws IOException {
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> !ROOT.relativize(p).startsWith("target") && !ROOT.relativize(p).startsWith(".tools"))
                    .toList();
        }
    }
}
