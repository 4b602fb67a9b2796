package io.jenkins.plugins.kubedelivery.engine.routing;

/**
 * A kind the routers read and write, named the ways kubectl and the API need: with its group for
 * {@code kubectl get} (so that no other group's kind of the same name is meant), and its API path for
 * a delete with preconditions.
 */
public record KubeResource(String kind, String group, String version, String plural) {
    public static final KubeResource INGRESS = new KubeResource("Ingress", "networking.k8s.io", "v1", "ingresses");
    public static final KubeResource HTTP_ROUTE = new KubeResource("HTTPRoute", "gateway.networking.k8s.io", "v1", "httproutes");
    public static final KubeResource VIRTUAL_SERVICE = new KubeResource("VirtualService", "networking.istio.io", "v1",
            "virtualservices");
    public static final KubeResource DEPLOYMENT = new KubeResource("Deployment", "apps", "v1", "deployments");

    /** {@code ingresses.networking.k8s.io}, for kubectl. */
    public String qualified() {
        return plural + "." + group;
    }

    public String apiPath(String namespace, String name) {
        return "/apis/" + group + "/" + version + "/namespaces/" + namespace + "/" + plural + "/" + name;
    }

    /** {@code ingress prod/payments}: how messages name an object, as {@link KubeObjects#describe} does. */
    public String describe(String namespace, String name) {
        return kind.toLowerCase(java.util.Locale.ROOT) + " " + namespace + "/" + name;
    }
}
