package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Walks a Kubernetes protobuf message into its JSON form. The generated field names already are
 * the JSON names; a few wrapper types (Time, IntOrString, Quantity, RawExtension, FieldsV1) have
 * their own JSON shape. gogo-protobuf writes empty strings and zero times for non-pointer fields
 * that JSON would omit, so those are dropped; false and 0 are kept, as a pointer may mean them.
 */
public final class ProtoJson {
    private ProtoJson() {}

    public static ObjectNode toJson(Message message) {
        ObjectNode result = Json.object();
        for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
            JsonNode value = fieldValue(field.getKey(), field.getValue());
            if (value != null) {
                result.set(field.getKey().getName(), value);
            }
        }
        return result;
    }

    private static JsonNode fieldValue(FieldDescriptor field, Object value) {
        if (field.isMapField()) {
            ObjectNode map = Json.object();
            for (Object entry : (List<?>) value) {
                Message pair = (Message) entry;
                FieldDescriptor key = pair.getDescriptorForType().findFieldByName("key");
                FieldDescriptor mapValue = pair.getDescriptorForType().findFieldByName("value");
                JsonNode converted = single(mapValue, pair.getField(mapValue));
                map.set(String.valueOf(pair.getField(key)), converted == null ? Json.object() : converted);
            }
            return map;
        }
        if (field.isRepeated()) {
            ArrayNode array = Json.array();
            for (Object element : (List<?>) value) {
                JsonNode converted = single(field, element);
                array.add(converted == null ? JsonNodeFactory.instance.textNode("") : converted);
            }
            return array;
        }
        return single(field, value);
    }

    private static JsonNode single(FieldDescriptor field, Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (field.getJavaType()) {
            case MESSAGE:
                return message((Message) value);
            case STRING:
                return ((String) value).isEmpty() && !field.isRepeated() ? null : nodes.textNode((String) value);
            case BYTE_STRING:
                return nodes.textNode(Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
            case BOOLEAN:
                return nodes.booleanNode((Boolean) value);
            case INT:
                return nodes.numberNode((Integer) value);
            case LONG:
                return nodes.numberNode((Long) value);
            case FLOAT:
            case DOUBLE:
                return nodes.numberNode(((Number) value).doubleValue());
            case ENUM:
                return nodes.textNode(value.toString());
            default:
                return null;
        }
    }

    private static JsonNode message(Message value) {
        String name = value.getDescriptorForType().getFullName();
        if (name.endsWith("apis.meta.v1.Time") || name.endsWith("apis.meta.v1.MicroTime")) {
            return time(value);
        }
        if (name.endsWith("util.intstr.IntOrString")) {
            return intOrString(value);
        }
        if (name.endsWith("api.resource.Quantity")) {
            return JsonNodeFactory.instance.textNode((String) value.getField(field(value, "string")));
        }
        if (name.endsWith("runtime.RawExtension") || name.endsWith("apis.meta.v1.FieldsV1")) {
            String rawField = name.endsWith("RawExtension") ? "raw" : "Raw";
            ByteString raw = (ByteString) value.getField(field(value, rawField));
            return raw.isEmpty() ? null : Json.parse(raw.toByteArray());
        }
        return toJson(value);
    }

    private static JsonNode time(Message value) {
        long seconds = (Long) value.getField(field(value, "seconds"));
        if (seconds == 0) {
            return null;
        }
        return JsonNodeFactory.instance.textNode(Instant.ofEpochSecond(seconds).toString());
    }

    private static JsonNode intOrString(Message value) {
        long type = ((Number) value.getField(field(value, "type"))).longValue();
        if (type == 0) {
            return JsonNodeFactory.instance.numberNode((Integer) value.getField(field(value, "intVal")));
        }
        return JsonNodeFactory.instance.textNode((String) value.getField(field(value, "strVal")));
    }

    private static FieldDescriptor field(Message value, String name) {
        return value.getDescriptorForType().findFieldByName(name);
    }
}
