// Mirrors com.datapipe.jenkins.plugins:hashicorp-vault-plugin:379.v080d932e61e4, src/main/java/com/datapipe/jenkins/vault/exception/VaultPluginException.java (compile-only, never packaged).
package com.datapipe.jenkins.vault.exception;

public class VaultPluginException extends RuntimeException {
    public VaultPluginException(String message) {
        super(message);
    }

    public VaultPluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
