package io.jenkins.plugins.kubedelivery.testcluster;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A resource URL taken apart: {@code /api/v1/namespaces/ns/pods/name/status} and the like. */
record RequestPath(ResourceType type, String namespace, String name, String subresource) {

    static Optional<RequestPath> parse(String path, ResourceCatalog catalog) {
        List<String> segments = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        int start;
        String group;
        if (segments.size() >= 3 && segments.get(0).equals("api")) {
            group = "";
            start = 1;
        } else if (segments.size() >= 4 && segments.get(0).equals("apis")) {
            group = segments.get(1);
            start = 2;
        } else {
            return Optional.empty();
        }
        String version = segments.get(start);
        List<String> rest = segments.subList(start + 1, segments.size());
        if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
            Optional<ResourceType> namespacedType = catalog.find(group, version, rest.get(2));
            if (namespacedType.isPresent() && namespacedType.get().namespaced()) {
                return Optional.of(new RequestPath(namespacedType.get(), rest.get(1), at(rest, 3), at(rest, 4)));
            }
        }
        return catalog.find(group, version, rest.get(0))
                .map(type -> new RequestPath(type, null, at(rest, 1), at(rest, 2)));
    }

    private static String at(List<String> list, int index) {
        return index < list.size() ? list.get(index) : null;
    }

    boolean isCollection() {
        return name == null;
    }
}
