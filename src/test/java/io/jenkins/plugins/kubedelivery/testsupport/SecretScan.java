package io.jenkins.plugins.kubedelivery.testsupport;

import io.jenkins.plugins.kubedelivery.testsupport.OutputRecorder.Output;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.rules.TestRule;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;

/**
 * The whole-suite secret check, as a rule of every deploy, dry-run and failure test: the test
 * registers the secrets it hands to the steps ({@link #secret}), and after it passes, every output
 * {@link OutputRecorder} captured is scanned for each secret in every form the masking filter
 * promises to hide: the whole value, each line (of six characters or more, the filter's documented
 * rule) and the standard base64 of the whole value. A leak fails the test naming the output's kind
 * and the form, never the secret. A test that registered a secret but let nothing be captured fails
 * too: a scan of nothing proves nothing.
 */
public final class SecretScan implements TestRule {
    private static final int MIN_LINE_LENGTH = 6;

    private final Set<String> secrets = new LinkedHashSet<>();

    /** Registers a secret the test passes to a step; returns it, for use in place. */
    public String secret(String value) {
        secrets.add(value);
        return value;
    }

    @Override
    public Statement apply(Statement base, Description description) {
        return new Statement() {
            @Override
            public void evaluate() throws Throwable {
                OutputRecorder.restart(true);
                secrets.clear();
                try {
                    base.evaluate();
                    verify();
                } finally {
                    OutputRecorder.restart(false);
                }
            }
        };
    }

    private void verify() {
        if (secrets.isEmpty()) {
            return; // a test of the class that hands no secret (a refusal, a lint): nothing to look for
        }
        List<Output> outputs = OutputRecorder.outputs();
        if (outputs.isEmpty()) {
            throw new AssertionError("nothing was captured to scan");
        }
        List<String> leaks = new ArrayList<>();
        int secretNumber = 0;
        for (String secret : secrets) {
            secretNumber++;
            for (Form form : forms(secret)) {
                for (Output output : outputs) {
                    if (output.text().contains(form.text())) {
                        leaks.add("secret #" + secretNumber + " (" + form.name() + ") in " + output.kind());
                    }
                }
            }
        }
        if (!leaks.isEmpty()) {
            throw new AssertionError("secrets leaked (" + outputs.size() + " outputs scanned): " + leaks);
        }
    }

    static List<Form> forms(String secret) {
        List<Form> forms = new ArrayList<>();
        forms.add(new Form("whole value", secret));
        forms.add(new Form("base64", Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8))));
        String[] lines = secret.split("\\R");
        for (int i = 0; lines.length > 1 && i < lines.length; i++) {
            if (lines[i].strip().length() >= MIN_LINE_LENGTH) {
                forms.add(new Form("line " + (i + 1), lines[i].strip()));
            }
        }
        return forms;
    }

    record Form(String name, String text) {}
}
