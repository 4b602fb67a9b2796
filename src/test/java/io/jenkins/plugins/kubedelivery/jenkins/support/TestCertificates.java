package io.jenkins.plugins.kubedelivery.jenkins.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Real certificates for tests, made by the JDK's own keytool (no crypto library needed): a
 * PKCS#12 keystore holding a client key and its self-signed certificate, as a Certificate
 * credential holds it, and a CA certificate in PEM.
 */
public final class TestCertificates {
    /**
     * A fixed self-signed CA certificate (CN=kube-delivery test CA, valid a century), preceded by a
     * comment line such as CA bundles carry, holding every character the agent's shell would
     * interpret: for rows that must be built before any test runs.
     */
    public static final String SAMPLE_CA_BUNDLE = "# Issuer: \"Ops $HOME `id` \\ it's\"\n" + """
            -----BEGIN CERTIFICATE-----
            MIIBajCCARGgAwIBAgIJAKp1q/5jOrkzMAoGCCqGSM49BAMCMCAxHjAcBgNVBAMT
            FWt1YmUtZGVsaXZlcnkgdGVzdCBDQTAgFw0yNjEyMDIxNjQ5MDVaGA8yMTI2MTEw
            ODE2NDkwNVowIDEeMBwGA1UEAxMVa3ViZS1kZWxpdmVyeSB0ZXN0IENBMFkwEwYH
            KoZIzj0CAQYIKoZIzj0DAQcDQgAECv9phWeA7QgEDESIr35ElVKAPBOJlSZjLcY4
            kaZDZ3RfIfIKZ7tXRc2V0JWvFZwSV34k/+FRq+ca2XJ8txNWtqMyMDAwHQYDVR0O
            BBYEFANSmX3W2Rr9OXQn0It3MP9+84TDMA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZI
            zj0EAwIDRwAwRAIgLZPECf+vewrnJ1OClwO2cte9QeWh3szEMPS54IDkXhwCIAM2
            8ZSdoIK4PuDw+XiuwELIuY4wOFxTLSpEhpk74zlz
            -----END CERTIFICATE-----
            """;

    private TestCertificates() {}

    /** A PKCS#12 keystore with one EC key entry for {@code CN=<commonName>}, protected by {@code password}. */
    public static KeyStore clientKeyStore(Path dir, String commonName, String password) throws IOException, InterruptedException {
        Path file = dir.resolve(commonName + ".p12");
        keytool("-genkeypair", "-keyalg", "EC", "-groupname", "secp256r1", "-alias", commonName, "-dname", "CN=" + commonName,
                "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", password, "-keypass", password);
        return load(file, password);
    }

    /**
     * A PKCS#12 keystore with a self-signed key entry {@code server} for 127.0.0.1 (subject
     * alternative name; a CA too, so a client can trust it as its own authority).
     */
    public static KeyStore serverKeyStore(Path dir, String password) throws IOException, InterruptedException {
        Path file = dir.resolve("server.p12");
        keytool("-genkeypair", "-keyalg", "EC", "-groupname", "secp256r1", "-alias", "server", "-dname", "CN=127.0.0.1",
                "-ext", "san=ip:127.0.0.1", "-ext", "bc:c", "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", password, "-keypass", password);
        return load(file, password);
    }

    /** A keystore that trusts exactly the certificate of {@code alias} in {@code keyStore}. */
    public static KeyStore trusting(KeyStore keyStore, String alias) throws GeneralSecurityException, IOException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry(alias, keyStore.getCertificate(alias));
        return trust;
    }

    /** The PEM text of the certificate of {@code alias}. */
    public static String pem(KeyStore keyStore, String alias) throws GeneralSecurityException {
        return "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(keyStore.getCertificate(alias).getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    private static KeyStore load(Path file, String password) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, password.toCharArray());
            return keyStore;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /** The PEM text of a self-signed CA certificate for {@code CN=<commonName>}. */
    public static String caCertificatePem(Path dir, String commonName) throws IOException, InterruptedException {
        Path store = dir.resolve(commonName + "-ca.p12");
        keytool("-genkeypair", "-keyalg", "EC", "-groupname", "secp256r1", "-alias", "ca", "-dname", "CN=" + commonName,
                "-ext", "bc:c", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit");
        Path pem = dir.resolve(commonName + "-ca.pem");
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", store.toString(), "-storepass", "changeit",
                "-file", pem.toString());
        return Files.readString(pem, StandardCharsets.US_ASCII);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("keytool failed: " + output);
        }
    }
}
