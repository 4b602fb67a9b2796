// Mirrors org.jenkins-ci.plugins:credentials:1453.v9b_a_29777a_b_fd (compile-only, never packaged).
package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.model.Run;
import java.util.List;

/** Declared as a plain class: the plugin uses only these statics (the real one is a Descriptor). */
public abstract class CredentialsProvider {
    /** The current overload: the one taking {@code DomainRequirement...} is deprecated in this version. */
    public static <C extends IdCredentials> C findCredentialById(String id, Class<C> type, Run<?, ?> run,
            List<DomainRequirement> domainRequirements) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public static <C extends Credentials> C track(Run build, C credentials) {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
