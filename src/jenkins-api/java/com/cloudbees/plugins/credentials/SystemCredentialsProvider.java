// Mirrors org.jenkins-ci.plugins:credentials:1453.v9b_a_29777a_b_fd (compile-only, never packaged).
package com.cloudbees.plugins.credentials;

import java.io.IOException;
import java.util.List;

/** Only what the suite uses; the real provider is a Describable with domains and stores. */
public class SystemCredentialsProvider {
    private SystemCredentialsProvider() {}

    public static SystemCredentialsProvider getInstance() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    /** The global domain's credentials, live: add to it, then save. */
    public List<Credentials> getCredentials() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public void save() throws IOException {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
