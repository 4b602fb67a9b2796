package io.jenkins.plugins.kubedelivery.jenkins;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;

/**
 * The certificate authority of an API server, as PEM text (the {@code caCertificate} parameter, a
 * Kubernetes cloud's server certificate). Public, yet it never goes on a command line: its
 * newlines and characters would pass through the container's shell. It travels inside the 0600
 * generated kubeconfig as {@code certificate-authority-data}.
 */
final class CaCertificate {
    private static final String PEM_BEGIN = "-----BEGIN CERTIFICATE-----";

    private CaCertificate() {}

    /** @throws ValidationException naming the parameter when the text is not one or more PEM certificates */
    static void check(String parameter, String pem) {
        if (!pem.contains(PEM_BEGIN)) {
            throw new ValidationException(parameter, "must be the PEM text of the API server's certificate authority,"
                    + " starting with " + PEM_BEGIN);
        }
        try {
            if (CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).isEmpty()) {
                throw new CertificateException("no certificate");
            }
        } catch (CertificateException e) {
            throw new ValidationException(parameter, "is not a readable PEM certificate (" + e.getMessage()
                    + "); paste the whole certificate, BEGIN and END lines included");
        }
    }
}
