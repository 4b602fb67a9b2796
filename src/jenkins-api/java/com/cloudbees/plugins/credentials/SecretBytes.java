// Mirrors org.jenkins-ci.plugins:credentials:1453.v9b_a_29777a_b_fd (compile-only, never packaged).
package com.cloudbees.plugins.credentials;

import java.io.Serializable;

public class SecretBytes implements Serializable {
    private static final long serialVersionUID = 1L;

    private SecretBytes() {}

    public static SecretBytes fromRawBytes(byte[] data) {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
