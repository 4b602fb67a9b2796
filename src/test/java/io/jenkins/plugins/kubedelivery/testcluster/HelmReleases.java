package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Comparator;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Reads and rewrites helm's release records (Secrets driver). A record is the Secret
 * {@code sh.helm.release.v1.<name>.v<version>} labelled owner=helm, name, status, version, whose
 * {@code data.release} holds base64(gzip(release JSON)), base64-encoded once more as Secret data.
 */
final class HelmReleases {
    private HelmReleases() {}

    /** The latest release Secret of a release, or a NotFound. */
    static ObjectNode latest(ObjectStore store, String namespace, String release) {
        return store.list(ResourceCatalog.SECRET, namespace).stream()
                .filter(Selectors.labels("owner=helm,name=" + release))
                .max(Comparator.comparingLong(s -> s.path("metadata").path("labels").path("version").asLong()))
                .orElseThrow(() -> ApiException.notFound(ResourceCatalog.SECRET, "sh.helm.release.v1." + release));
    }

    /** Leaves the latest revision in a status such as {@code pending-upgrade}, as a killed helm does. */
    static void setLatestStatus(ObjectStore store, String namespace, String release, String status) {
        ObjectNode secret = latest(store, namespace, release);
        ObjectNode record = (ObjectNode) decode(secret.path("data").path("release").asText());
        Json.child(record, "info").put("status", status);
        Json.child(secret, "data").put("release", encode(record));
        Json.child(Json.child(secret, "metadata"), "labels").put("status", status);
        store.replace(ResourceCatalog.SECRET, secret);
    }

    static JsonNode decode(String secretData) {
        byte[] helmEncoded = Base64.getDecoder().decode(secretData);
        byte[] gzipped = Base64.getDecoder().decode(helmEncoded);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return Json.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String encode(JsonNode record) {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
            out.write(Json.bytes(record));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] helmEncoded = Base64.getEncoder().encode(gzipped.toByteArray());
        return Base64.getEncoder().encodeToString(helmEncoded);
    }
}
