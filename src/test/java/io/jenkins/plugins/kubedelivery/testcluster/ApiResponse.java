package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.JsonNode;

/** A status code and the JSON body the server sends with it. */
record ApiResponse(int code, JsonNode body) {
    static ApiResponse ok(JsonNode body) {
        return new ApiResponse(200, body);
    }
}
