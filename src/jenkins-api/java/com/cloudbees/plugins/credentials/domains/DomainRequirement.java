// Mirrors org.jenkins-ci.plugins:credentials:1453.v9b_a_29777a_b_fd (compile-only, never packaged).
package com.cloudbees.plugins.credentials.domains;

import hudson.ExtensionPoint;
import java.io.Serializable;

public class DomainRequirement implements ExtensionPoint, Serializable {
    private static final long serialVersionUID = 1L;
}
