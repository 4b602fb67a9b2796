package io.jenkins.plugins.kubedelivery.testcluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * An https front for the simulated API server, which speaks plain http: it terminates TLS with a
 * server certificate the client must verify (so a wrong or missing CA fails the client), may
 * require a client certificate it trusts (so client-certificate auth is checked in the handshake),
 * and forwards the bytes both ways. It records the start of each connection's requests and each
 * client certificate, so a test can see the bearer token and the certificate the client sent.
 * HTTP/1.1 only (no ALPN), which the Go clients fall back to.
 */
public final class TlsFront implements AutoCloseable {
    private static final int RECORDED_BYTES = 8192;

    private final SSLServerSocket server;
    private final int backendPort;
    private final List<String> requestStarts = new CopyOnWriteArrayList<>();
    private final List<Certificate> clientCertificates = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    /**
     * @param backend the simulated cluster's http URL
     * @param serverKeys the server's key and certificate (for 127.0.0.1)
     * @param trustedClients the client certificates to require, or {@code null} to ask for none
     */
    public TlsFront(String backend, KeyStore serverKeys, char[] password, KeyStore trustedClients)
            throws IOException, GeneralSecurityException {
        backendPort = URI.create(backend).getPort();
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(serverKeys, password);
        TrustManagerFactory trust = null;
        if (trustedClients != null) {
            trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustedClients);
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
        server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.setNeedClientAuth(trustedClients != null);
        acceptor = new Thread(this::accept, "tls-front");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String url() {
        return "https://127.0.0.1:" + server.getLocalPort();
    }

    /** The first bytes of each connection's requests, as text (headers included). */
    public List<String> requestStarts() {
        return List.copyOf(requestStarts);
    }

    /** The first certificate of each client that presented one. */
    public List<Certificate> clientCertificates() {
        return List.copyOf(clientCertificates);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                SSLSocket client = (SSLSocket) server.accept();
                Thread connection = new Thread(() -> serve(client), "tls-front-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(SSLSocket client) {
        try (client; Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort)) {
            client.startHandshake();
            if (server.getNeedClientAuth()) {
                clientCertificates.add(client.getSession().getPeerCertificates()[0]);
            }
            Thread back = new Thread(() -> pump(backend, client, false), "tls-front-back");
            back.setDaemon(true);
            back.start();
            pump(client, backend, true);
            back.join();
        } catch (IOException | InterruptedException e) {
            // the client went away, or refused our certificate: nothing to forward
        }
    }

    private void pump(Socket from, Socket to, boolean record) {
        byte[] buffer = new byte[16384];
        StringBuilder recorded = new StringBuilder();
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (record && recorded.length() < RECORDED_BYTES) {
                    recorded.append(new String(buffer, 0, Math.min(n, RECORDED_BYTES - recorded.length()), StandardCharsets.ISO_8859_1));
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            if (record && recorded.length() > 0) {
                requestStarts.add(recorded.toString());
            }
            try {
                to.shutdownOutput();
            } catch (IOException | UnsupportedOperationException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
