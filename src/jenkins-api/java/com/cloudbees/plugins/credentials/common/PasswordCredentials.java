// Mirrors org.jenkins-ci.plugins:credentials:1453.v9b_a_29777a_b_fd (compile-only, never packaged).
package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import hudson.util.Secret;

public interface PasswordCredentials extends Credentials {
    Secret getPassword();
}
