// Mirrors org.jenkins-ci.plugins:credentials:1453.v9b_a_29777a_b_fd (compile-only, never packaged).
package com.cloudbees.plugins.credentials;

import java.io.Serializable;

/** Only the scope the suite uses (the real enum also has SYSTEM and USER, each with a body). */
public enum CredentialsScope implements Serializable {
    GLOBAL
}
