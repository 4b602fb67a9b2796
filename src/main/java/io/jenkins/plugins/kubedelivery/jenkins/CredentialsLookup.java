package io.jenkins.plugins.kubedelivery.jenkins;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.model.Run;
import java.io.IOException;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Finds the credentials a step names, and records those it uses. In Jenkins: the credentials
 * plugin, as the build's authentication sees them, with usage tracked (the credential's
 * fingerprint lists the build). An enclosing block step (or a test) may put another lookup into
 * the step context.
 */
public interface CredentialsLookup {
    /** @return the credentials, or {@code null} when none with that id is visible to the build */
    StandardCredentials find(String id, Run<?, ?> run) throws IOException;

    /** Records that the build used the credentials: called for each one the step accepted, once it did. */
    void track(Run<?, ?> run, Credentials credentials);

    CredentialsLookup JENKINS = new CredentialsLookup() {
        @Override
        public StandardCredentials find(String id, Run<?, ?> run) {
            return CredentialsProvider.findCredentialById(id, StandardCredentials.class, run, List.of());
        }

        @Override
        public void track(Run<?, ?> run, Credentials credentials) {
            CredentialsProvider.track(run, credentials);
        }
    };

    static CredentialsLookup from(StepContext context) throws IOException, InterruptedException {
        CredentialsLookup provided = context.get(CredentialsLookup.class);
        return provided != null ? provided : JENKINS;
    }
}
