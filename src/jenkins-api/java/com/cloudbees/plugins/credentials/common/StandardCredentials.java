// Mirrors org.jenkins-ci.plugins:credentials:1453.v9b_a_29777a_b_fd (compile-only, never packaged).
package com.cloudbees.plugins.credentials.common;

public interface StandardCredentials extends IdCredentials {
    String getDescription();
}
