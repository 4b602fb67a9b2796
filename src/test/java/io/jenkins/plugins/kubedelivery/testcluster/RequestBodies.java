package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.JsonNode;

/** Turns a request body into JSON by its content type: protobuf, YAML (server-side apply) or JSON. */
final class RequestBodies {
    private RequestBodies() {}

    static JsonNode decode(String contentType, byte[] body) {
        if (body.length == 0) {
            throw ApiException.badRequest("the request needs a body");
        }
        String type = contentType == null ? "application/json" : contentType;
        if (type.contains("protobuf")) {
            return ProtobufDecoder.decode(body);
        }
        if (type.contains("yaml")) {
            return Json.parseYaml(body);
        }
        try {
            return Json.parse(body);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("the body is not valid JSON: " + e.getMessage());
        }
    }
}
