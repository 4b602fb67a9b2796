// Mirrors org.jenkins-ci.plugins:credentials:1453.v9b_a_29777a_b_fd (compile-only, never packaged).
package com.cloudbees.plugins.credentials.common;

/** The real interface also nests a NameProvider, which the plugin does not use. */
public interface StandardCertificateCredentials extends StandardCredentials, CertificateCredentials {
}
