package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One change in the store, as a watch sends it: ADDED, MODIFIED or DELETED at a resourceVersion. */
public record WatchEvent(long revision, String type, ResourceType resourceType, ObjectNode object) {

    public String namespace() {
        return Json.text(object, "metadata.namespace");
    }
}
