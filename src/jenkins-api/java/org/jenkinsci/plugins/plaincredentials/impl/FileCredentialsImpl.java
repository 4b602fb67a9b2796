// Mirrors org.jenkins-ci.plugins:plain-credentials:199.v9f8e1f741799 (compile-only, never packaged).
package org.jenkinsci.plugins.plaincredentials.impl;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SecretBytes;
import java.io.InputStream;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;

/** A Secret file credential (the real one extends BaseStandardCredentials). */
public final class FileCredentialsImpl implements FileCredentials {
    private static final long serialVersionUID = 1L;

    public FileCredentialsImpl(CredentialsScope scope, String id, String description, String fileName,
            SecretBytes secretBytes) {}

    @Override
    public String getId() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    @Override
    public String getDescription() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    @Override
    public String getFileName() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    @Override
    public InputStream getContent() {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
