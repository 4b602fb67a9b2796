package io.jenkins.plugins.kubedelivery.testcluster;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.Test;

/** What a CRD's own fields do: served and storage versions, status, and the checks a real server makes. */
public class CustomResourceDefinitionsTest {
    private static final String GADGETS = String.join("\n",
            "apiVersion: apiextensions.k8s.io/v1",
            "kind: CustomResourceDefinition",
            "metadata: {name: gadgets.example.org}",
            "spec:",
            "  group: example.org",
            "  scope: Cluster",
            "  names: {kind: Gadget, plural: gadgets}",
            "  versions:",
            "    - {name: v2, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}",
            "    - {name: v1, served: false, storage: false, schema: {openAPIV3Schema: {type: object}}}",
            "");

    @Test
    public void onlyServedVersionsAreServedAndTheStorageVersionIsRecorded() {
        try (TestCluster cluster = TestCluster.started()) {
            ObjectNode crd = cluster.create(crd(GADGETS));
            assertEquals("[\"v2\"]", crd.at("/status/storedVersions").toString());
            assertEquals("gadget", crd.at("/status/acceptedNames/singular").asText());
            assertEquals("GadgetList", crd.at("/status/acceptedNames/listKind").asText());
            assertEquals("Established", crd.at("/status/conditions/1/type").asText());
            RawApi api = new RawApi(cluster);
            assertEquals(200, api.get("/apis/example.org/v2/gadgets").statusCode());
            assertEquals("a version that is not served is not there", 404, api.get("/apis/example.org/v1/gadgets").statusCode());
            assertFalse(RawApi.json(api.get("/apis")).toString().contains("example.org/v1\""));
        }
    }

    @Test
    public void refusesWhatARealServerRefuses() {
        try (TestCluster cluster = TestCluster.started()) {
            ApiException misnamed = assertThrows(ApiException.class,
                    () -> cluster.create(crd(GADGETS.replace("name: gadgets.example.org", "name: gizmos.example.org"))));
            assertEquals(422, misnamed.code());
            assertEquals("CustomResourceDefinition.apiextensions.k8s.io \"gizmos.example.org\" is invalid: metadata.name: "
                    + "Invalid value: \"gizmos.example.org\": must be spec.names.plural+\".\"+spec.group", misnamed.getMessage());
            ApiException twoStorages = assertThrows(ApiException.class,
                    () -> cluster.create(crd(GADGETS.replace("storage: false", "storage: true"))));
            assertTrue(twoStorages.getMessage(), twoStorages.getMessage().endsWith(
                    "spec.versions: Invalid value: 2 storage versions: must have exactly one version marked as storage version"));
            ApiException noSchema = assertThrows(ApiException.class,
                    () -> cluster.create(crd(GADGETS.replace(", schema: {openAPIV3Schema: {type: object}}}", "}"))));
            assertTrue(noSchema.getMessage(), noSchema.getMessage().contains(
                    "spec.versions[0].schema.openAPIV3Schema: Required value: schemas are required"));
            assertFalse("nothing refused is served", new RawApi(cluster).get("/apis").body().contains("example.org"));
        }
    }

    private static ObjectNode crd(String yaml) {
        return (ObjectNode) Json.parseYamlDocuments(yaml).get(0);
    }
}
