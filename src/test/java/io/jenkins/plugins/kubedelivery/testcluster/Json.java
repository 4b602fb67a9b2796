package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The one JSON toolbox of the test cluster: parse, print and build Jackson trees. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private Json() {}

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(byte[] bytes) {
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses YAML, of which JSON is a subset: server-side apply bodies come as either. */
    public static JsonNode parseYaml(byte[] bytes) {
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException notJson) {
            try {
                return YAML.readTree(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The documents of a multi-document YAML text (anchors resolved), empty documents left out. */
    public static List<JsonNode> parseYamlDocuments(String text) {
        List<JsonNode> documents = new ArrayList<>();
        for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(text)) {
            if (document != null) {
                documents.add(MAPPER.valueToTree(document));
            }
        }
        return documents;
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The object at {@code field}, created when missing or not an object. */
    public static ObjectNode child(ObjectNode parent, String field) {
        JsonNode existing = parent.get(field);
        if (existing instanceof ObjectNode) {
            return (ObjectNode) existing;
        }
        return parent.putObject(field);
    }

    /**
     * Removes explicit nulls from every object in the tree, in place: the API server decodes a body
     * into typed structs, where a null field is simply absent, and never stores or returns it.
     */
    public static void dropNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().removeIf(field -> field.getValue().isNull());
        }
        node.forEach(Json::dropNulls);
    }

    /** Text at a dotted path such as {@code metadata.name}, or null. */
    public static String text(JsonNode node, String dottedPath) {
        JsonNode current = node;
        for (String part : dottedPath.split("\\.")) {
            if (current == null) {
                return null;
            }
            current = current.get(part);
        }
        return current == null || current.isNull() ? null : current.asText();
    }
}
