package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.JsonNode;

/** A status code and the JSON body the server sends with it, and the body's media type. */
record ApiResponse(int code, JsonNode body, String contentType) {
    ApiResponse(int code, JsonNode body) {
        this(code, body, "application/json");
    }

    static ApiResponse ok(JsonNode body) {
        return new ApiResponse(200, body);
    }
}
