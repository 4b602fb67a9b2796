// Mirrors org.jenkins-ci.plugins:plain-credentials:199.v9f8e1f741799 (compile-only, never packaged).
package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.util.Secret;

public interface StringCredentials extends StandardCredentials {
    Secret getSecret();
}
