package io.jenkins.plugins.kubedelivery.jenkins;

import hudson.AbortException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Collections;

/**
 * A client certificate and its private key, in the PEM form kubectl and helm read, taken from the
 * PKCS#12 keystore of a Certificate credential: the first entry holding a private key with a
 * certificate chain. The key is a secret; its PEM text is returned for the 0600 kubeconfig and the
 * masking filter only, and no message here quotes it.
 *
 * @param certificateChain PEM certificates, the client's own first
 * @param privateKey the PEM (PKCS#8) private key
 */
record ClientCertificate(String certificateChain, String privateKey) {
    private static final Base64.Encoder PEM_LINES = Base64.getMimeEncoder(64, new byte[] {'\n'});

    /**
     * @param parameter the step parameter that led to the credential, for the message
     * @param where names the credential in a message, e.g. "the Certificate credential 'prod-client'"
     */
    static ClientCertificate from(KeyStore keyStore, char[] password, String parameter, String where) throws AbortException {
        try {
            for (String alias : Collections.list(keyStore.aliases())) {
                Certificate[] chain = keyStore.isKeyEntry(alias) ? keyStore.getCertificateChain(alias) : null;
                if (chain == null || chain.length == 0) {
                    continue;
                }
                Key key = keyStore.getKey(alias, password);
                if (key instanceof PrivateKey privateKey && "PKCS#8".equals(privateKey.getFormat())) {
                    StringBuilder certificates = new StringBuilder();
                    for (Certificate certificate : chain) {
                        certificates.append(pem("CERTIFICATE", certificate.getEncoded()));
                    }
                    return new ClientCertificate(certificates.toString(), pem("PRIVATE KEY", privateKey.getEncoded()));
                }
            }
        } catch (GeneralSecurityException e) {
            // The class name only: a keystore's messages may quote its content.
            throw new AbortException(parameter + ": " + where + " cannot be read with its password ("
                    + e.getClass().getSimpleName() + "); upload the PKCS#12 keystore again with the right password");
        }
        throw new AbortException(parameter + ": " + where + " holds no private key with its certificate;"
                + " a client certificate needs both in one PKCS#12 entry");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + PEM_LINES.encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
