package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.kubedelivery.testsupport.Resources;
import java.util.ArrayList;
import java.util.List;

/**
 * The CustomResourceDefinitions the tests ship under {@code src/test/resources/testcluster/crds}:
 * Gateway API (GatewayClass, Gateway, HTTPRoute at gateway.networking.k8s.io/v1) and Istio
 * (VirtualService, DestinationRule at networking.istio.io/v1), with hand-written trimmed schemas.
 * Install them with {@link TestCluster#withFixtureCrds()}, or give the files to helm or kubectl.
 */
public final class FixtureCrds {
    /** The files, in the order they install; each is a multi-document YAML of CRDs. */
    public static final List<String> FILES = List.of("gateway-api.yaml", "istio.yaml");

    private FixtureCrds() {}

    /** The text of one fixture file, e.g. for a chart's {@code crds/} folder. */
    public static String text(String file) {
        return Resources.text("testcluster/crds/" + file);
    }

    /** Every fixture CRD as an object, in install order; parsed once, as clusters start often. */
    static List<ObjectNode> definitions() {
        return Parsed.DEFINITIONS.stream().map(ObjectNode::deepCopy).toList();
    }

    /** Holds the parsed files, loaded when first used. */
    private static final class Parsed {
        static final List<ObjectNode> DEFINITIONS = parse();

        private static List<ObjectNode> parse() {
            List<ObjectNode> definitions = new ArrayList<>();
            FILES.forEach(file -> Json.parseYamlDocuments(text(file)).forEach(d -> definitions.add((ObjectNode) d)));
            return List.copyOf(definitions);
        }
    }
}
