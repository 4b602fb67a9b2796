package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.kubernetes.client.proto.Runtime;
import java.util.Arrays;
import java.util.Map;

/**
 * Decodes the protobuf request bodies typed client-go clients send (helm's release Secrets,
 * {@code kubectl create} from 1.33 on, DeleteOptions): the {@code k8s\0} magic, a
 * {@code runtime.Unknown} envelope naming apiVersion and kind, and the object's own message, which
 * is then turned into the JSON the rest of the server works on.
 */
public final class ProtobufDecoder {
    static final byte[] MAGIC = {'k', '8', 's', 0};
    private static final Map<String, String> OUTER_CLASS_BY_GROUP = Map.of(
            "", "V1", "apps", "V1Apps", "batch", "V1Batch", "networking.k8s.io", "V1Networking",
            "policy", "V1Policy", "autoscaling", "V1Autoscaling", "meta.k8s.io", "Meta");

    private ProtobufDecoder() {}

    public static ObjectNode decode(byte[] body) {
        if (body.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(body, MAGIC.length), MAGIC)) {
            throw ApiException.badRequest("protobuf body without the k8s magic prefix");
        }
        try {
            Runtime.Unknown envelope = Runtime.Unknown.parseFrom(Arrays.copyOfRange(body, MAGIC.length, body.length));
            String apiVersion = envelope.getTypeMeta().getApiVersion();
            String kind = envelope.getTypeMeta().getKind();
            Message message = parse(apiVersion, kind, envelope.getRaw().toByteArray());
            ObjectNode json = ProtoJson.toJson(message);
            ObjectNode result = Json.object();
            result.put("apiVersion", apiVersion);
            result.put("kind", kind);
            result.setAll(json);
            return result;
        } catch (InvalidProtocolBufferException e) {
            throw ApiException.badRequest("undecodable protobuf body: " + e.getMessage());
        }
    }

    private static Message parse(String apiVersion, String kind, byte[] raw) {
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String outer = kind.equals("DeleteOptions") ? "Meta" : OUTER_CLASS_BY_GROUP.get(group);
        if (outer == null) {
            throw new ApiException(415, "UnsupportedMediaType", "no protobuf schema for " + apiVersion + " " + kind);
        }
        try {
            Class<?> type = Class.forName("io.kubernetes.client.proto." + outer + "$" + kind);
            return (Message) type.getMethod("parseFrom", byte[].class).invoke(null, (Object) raw);
        } catch (ReflectiveOperationException e) {
            throw new ApiException(415, "UnsupportedMediaType", "cannot decode " + apiVersion + " " + kind + ": " + e);
        }
    }

    /** Wraps a message the way client-go does; the counterpart of {@link #decode}, used by tests. */
    public static byte[] encode(String apiVersion, String kind, Message message) {
        Runtime.Unknown envelope = Runtime.Unknown.newBuilder()
                .setTypeMeta(Runtime.TypeMeta.newBuilder().setApiVersion(apiVersion).setKind(kind))
                .setRaw(message.toByteString())
                .setContentType("application/vnd.kubernetes.protobuf")
                .build();
        byte[] payload = envelope.toByteArray();
        byte[] body = Arrays.copyOf(MAGIC, MAGIC.length + payload.length);
        System.arraycopy(payload, 0, body, MAGIC.length, payload.length);
        return body;
    }
}
