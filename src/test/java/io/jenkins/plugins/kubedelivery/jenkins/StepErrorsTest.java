package io.jenkins.plugins.kubedelivery.jenkins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import hudson.AbortException;
import hudson.FilePath;
import io.jenkins.plugins.kubedelivery.engine.SecretMask;
import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.steps.MissingContextVariableException;
import org.junit.Test;

public class StepErrorsTest {
    @Test
    public void anEngineFailureBecomesOneLinePrefixedWithTheStep() {
        AbortException e = StepErrors.toAbort("deployService",
                new EngineException("helm upgrade exited 1:\nError: UPGRADE FAILED: timed out\n\n  waiting for condition"), null);

        assertEquals("deployService: helm upgrade exited 1: | Error: UPGRADE FAILED: timed out | waiting for condition",
                e.getMessage());
    }

    @Test
    public void aValidationFailureNamesTheParameter() {
        AbortException e = StepErrors.toAbort("rollbackService", new ValidationException("toRevision", "must be 0 or more"), null);

        assertEquals("rollbackService: toRevision: must be 0 or more", e.getMessage());
    }

    @Test
    public void anAbortIsNotPrefixedTwice() {
        assertEquals("deployService: already said",
                StepErrors.toAbort("deployService", new AbortException("deployService: already said"), null).getMessage());
        assertEquals("deployService: kubeconfigCredentialsId: no credentials",
                StepErrors.toAbort("deployService", new AbortException("kubeconfigCredentialsId: no credentials"), null).getMessage());
    }

    @Test
    public void knownSecretsAreMasked() {
        SecretMask mask = new SecretMask();
        mask.add("tok-123");

        AbortException e = StepErrors.toAbort("deployService",
                new EngineException("helm upgrade exited 1: Unauthorized: bearer tok-123 rejected"), mask);

        assertFalse(e.getMessage().contains("tok-123"));
        assertTrue(e.getMessage().contains("bearer <masked-1> rejected"));
    }

    @Test
    public void otherFailuresSayWhatTheyAre() {
        assertEquals("deployService: I/O error: agent went away",
                StepErrors.toAbort("deployService", new IOException("agent went away"), null).getMessage());
        assertEquals("deployService: unexpected IllegalStateException: IllegalStateException (the stack trace is in"
                + " the Jenkins system log)", StepErrors.toAbort("deployService", new IllegalStateException(), null).getMessage());
        String missing = StepErrors.toAbort("deployService", new MissingContextVariableException(FilePath.class, null), null)
                .getMessage();
        assertTrue(missing, missing.startsWith("deployService: needs a FilePath: call it inside node { }"));
    }
}
