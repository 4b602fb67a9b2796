// Mirrors org.csanchez.jenkins.plugins:kubernetes:4358.vcfd9c5a_0a_f51 (compile-only, never packaged),
// src/main/java/org/csanchez/jenkins/plugins/kubernetes/KubernetesCloud.java.
package org.csanchez.jenkins.plugins.kubernetes;

import hudson.slaves.Cloud;

/**
 * Only the members the plugin reads. Stand-in bodies that store and return as the real
 * {@code @DataBoundSetter}s and getters do (which turn an empty text into null), so tests can
 * build a cloud; the real class also implements PodTemplateGroup.
 */
public class KubernetesCloud extends Cloud {
    private String serverUrl;
    private String serverCertificate;
    private boolean skipTlsVerify;
    private String credentialsId;

    public KubernetesCloud(String name) {
        super(name);
    }

    public String getServerUrl() {
        return serverUrl;
    }

    public void setServerUrl(String serverUrl) {
        this.serverUrl = fixEmpty(serverUrl);
    }

    public String getServerCertificate() {
        return serverCertificate;
    }

    public void setServerCertificate(String serverCertificate) {
        this.serverCertificate = fixEmpty(serverCertificate);
    }

    public boolean isSkipTlsVerify() {
        return skipTlsVerify;
    }

    public void setSkipTlsVerify(boolean skipTlsVerify) {
        this.skipTlsVerify = skipTlsVerify;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    public void setCredentialsId(String credentialsId) {
        this.credentialsId = fixEmpty(credentialsId);
    }

    private static String fixEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
