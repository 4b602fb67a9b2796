package io.jenkins.plugins.kubedelivery.testcluster;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import com.google.protobuf.ByteString;
import io.kubernetes.client.proto.IntStr;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.Resource;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Apps;
import java.nio.charset.StandardCharsets;
import org.junit.Test;

public class ProtobufDecoderTest {
    @Test
    public void decodesASecretAsHelmSendsIt() {
        V1.Secret secret = V1.Secret.newBuilder()
                .setMetadata(Meta.ObjectMeta.newBuilder().setName("sh.helm.release.v1.web.v1").setNamespace("")
                        .putLabels("owner", "helm").putLabels("version", "1"))
                .putData("release", ByteString.copyFrom("H4sI", StandardCharsets.UTF_8))
                .setType("helm.sh/release.v1")
                .setImmutable(false)
                .build();
        String expected = "{\"apiVersion\":\"v1\",\"kind\":\"Secret\","
                + "\"metadata\":{\"name\":\"sh.helm.release.v1.web.v1\",\"labels\":{\"owner\":\"helm\",\"version\":\"1\"}},"
                + "\"immutable\":false,\"data\":{\"release\":\"SDRzSQ==\"},\"type\":\"helm.sh/release.v1\"}";
        assertEquals(Json.parse(expected), ProtobufDecoder.decode(ProtobufDecoder.encode("v1", "Secret", secret)));
    }

    @Test
    public void decodesWrapperTypesOfADeployment() {
        V1Apps.Deployment deployment = V1Apps.Deployment.newBuilder()
                .setMetadata(Meta.ObjectMeta.newBuilder().setName("api")
                        .setCreationTimestamp(Meta.Time.newBuilder().setSeconds(0)))
                .setSpec(V1Apps.DeploymentSpec.newBuilder().setReplicas(2)
                        .setStrategy(V1Apps.DeploymentStrategy.newBuilder().setType("RollingUpdate")
                                .setRollingUpdate(V1Apps.RollingUpdateDeployment.newBuilder()
                                        .setMaxUnavailable(IntStr.IntOrString.newBuilder().setType(1).setStrVal("25%"))
                                        .setMaxSurge(IntStr.IntOrString.newBuilder().setType(0).setIntVal(1))))
                        .setTemplate(V1.PodTemplateSpec.newBuilder().setSpec(V1.PodSpec.newBuilder()
                                .addContainers(V1.Container.newBuilder().setName("api").setImage("api:1")
                                        .setResources(V1.ResourceRequirements.newBuilder().putLimits("cpu",
                                                Resource.Quantity.newBuilder().setString("500m").build()))))))
                .build();
        String expected = "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"api\"},"
                + "\"spec\":{\"replicas\":2,\"template\":{\"spec\":{\"containers\":[{\"name\":\"api\",\"image\":\"api:1\","
                + "\"resources\":{\"limits\":{\"cpu\":\"500m\"}}}]}},"
                + "\"strategy\":{\"type\":\"RollingUpdate\",\"rollingUpdate\":{\"maxUnavailable\":\"25%\",\"maxSurge\":1}}}}";
        assertEquals(Json.parse(expected), ProtobufDecoder.decode(ProtobufDecoder.encode("apps/v1", "Deployment", deployment)));
    }

    @Test
    public void decodesTimesAndDeleteOptions() {
        V1.Namespace namespace = V1.Namespace.newBuilder().setMetadata(Meta.ObjectMeta.newBuilder().setName("team")
                .setCreationTimestamp(Meta.Time.newBuilder().setSeconds(1_700_000_000L))).build();
        assertEquals("2023-11-14T22:13:20Z", ProtobufDecoder.decode(ProtobufDecoder.encode("v1", "Namespace", namespace))
                .at("/metadata/creationTimestamp").asText());
        Meta.DeleteOptions options = Meta.DeleteOptions.newBuilder().setPropagationPolicy("Background").build();
        assertEquals("Background", ProtobufDecoder.decode(ProtobufDecoder.encode("v1", "DeleteOptions", options))
                .path("propagationPolicy").asText());
    }

    @Test
    public void rejectsBodiesWithoutTheMagicAndUnknownGroups() {
        assertThrows(ApiException.class, () -> ProtobufDecoder.decode("{}".getBytes(StandardCharsets.UTF_8)));
        V1.ConfigMap map = V1.ConfigMap.newBuilder().build();
        ApiException unknown = assertThrows(ApiException.class,
                () -> ProtobufDecoder.decode(ProtobufDecoder.encode("networking.istio.io/v1", "VirtualService", map)));
        assertEquals(415, unknown.code());
    }
}
