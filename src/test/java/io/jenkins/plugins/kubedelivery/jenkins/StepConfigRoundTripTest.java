package io.jenkins.plugins.kubedelivery.jenkins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.jenkins.canary.CanaryCheck;
import io.jenkins.plugins.kubedelivery.jenkins.canary.CanaryRouter;
import io.jenkins.plugins.kubedelivery.jenkins.canary.CanaryAbortStep;
import io.jenkins.plugins.kubedelivery.jenkins.canary.CanaryPromoteStep;
import io.jenkins.plugins.kubedelivery.jenkins.canary.CanaryShiftStep;
import io.jenkins.plugins.kubedelivery.jenkins.canary.CanaryStatusStep;
import io.jenkins.plugins.kubedelivery.jenkins.canary.IstioCanaryRouter;
import io.jenkins.plugins.kubedelivery.jenkins.canary.ErrorRateCheck;
import io.jenkins.plugins.kubedelivery.jenkins.canary.LatencyCheck;
import io.jenkins.plugins.kubedelivery.jenkins.canary.NginxCanaryRouter;
import io.jenkins.plugins.kubedelivery.jenkins.deploy.DeployServiceStep;
import io.jenkins.plugins.kubedelivery.jenkins.monorepo.ChangedServicesStep;
import io.jenkins.plugins.kubedelivery.jenkins.deploy.DeployServicesStep;
import io.jenkins.plugins.kubedelivery.jenkins.deploy.RollbackServiceStep;
import io.jenkins.plugins.kubedelivery.jenkins.preview.CreatePreviewNamespaceStep;
import io.jenkins.plugins.kubedelivery.jenkins.preview.DeletePreviewNamespaceStep;
import io.jenkins.plugins.kubedelivery.jenkins.preview.ReapPreviewNamespacesStep;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestCertificates;
import io.jenkins.plugins.kubedelivery.jenkins.vault.VaultSecretKey;
import io.jenkins.plugins.kubedelivery.jenkins.vault.VaultSecretPath;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.junit.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Each step built from a map of arguments as structs builds it from a Pipeline call (the
 * {@code @DataBoundConstructor} by parameter name, then a {@code @DataBoundSetter} per other key),
 * read back through the getters the Snippet Generator uses: every value given comes back, and every
 * value not given comes back as its documented default.
 */
public class StepConfigRoundTripTest {
    /** The Vault parameters: the nested describables read back as the same list. */
    private static final Map<String, Object> VAULT = Map.of("vaultSecrets", List.of(vaultSecret()),
            "vaultUrl", "https://vault.example.com:8200", "vaultCredentialId", "payments-approle");
    /** Every cluster parameter, though no step takes cloud beside the others: the round trip sets, it does not validate. */
    private static final Map<String, Object> CLUSTER = Map.of("kubeconfigCredentialsId", "stage-kubeconfig",
            "kubeContext", "stage", "server", "https://k8s.example.com", "caCertificate", TestCertificates.SAMPLE_CA_BUNDLE.strip(),
            "cloud", "kubernetes");

    @Test
    public void deployService() throws Exception {
        roundTrip(DeployServiceStep.class, with(deployArguments(), Map.of("service", "payments", "environment", "stage",
                "release", "payments-eu", "chart", "charts/payments", "version", "1.4.0")));
        defaults(DeployServiceStep.class, Map.of("service", "payments", "environment", "stage"), deployDefaults());
    }

    @Test
    public void deployServices() throws Exception {
        roundTrip(DeployServicesStep.class, with(deployArguments(), Map.of("services", List.of("payments", "search"),
                "environment", "preview", "parallelism", 2, "fallbackValuesEnvironment", "dev")));
        defaults(DeployServicesStep.class, Map.of("services", List.of("payments"), "environment", "preview"),
                with(deployDefaults(), Map.of("parallelism", 4)));
    }

    @Test
    public void rollbackService() throws Exception {
        roundTrip(RollbackServiceStep.class, with(CLUSTER, Map.of("service", "payments", "environment", "prod",
                "namespace", "payments-prod", "release", "payments-eu", "toRevision", 3, "timeout", "90s", "wait", false)));
        defaults(RollbackServiceStep.class, Map.of("service", "payments", "environment", "prod"),
                Map.of("toRevision", 0, "timeout", "5m", "wait", true));
    }

    @Test
    public void createPreviewNamespace() throws Exception {
        Map<String, Object> arguments = new HashMap<>(CLUSTER);
        arguments.putAll(Map.of("pr", "42", "repository", "shop", "branch", "feature/pay", "commit", "0123abc",
                "buildUrl", "https://ci.example.com/job/shop/42/", "namePattern", "preview-{pr}", "hostPattern",
                "pr-{pr}.example.com", "ttl", "7d", "quota", Map.of("pods", "20"), "limitDefaults", Map.of("memory", "512Mi")));
        arguments.putAll(Map.of("limitDefaultRequests", Map.of("memory", "256Mi"), "networkPolicy", false,
                "ingressNamespace", "traefik", "copySecrets", List.of("registry-pull"), "secretsNamespace", "shared",
                "labels", Map.of("team", "pay"), "annotations", Map.of("owner", "pay")));
        roundTrip(CreatePreviewNamespaceStep.class, arguments);
        defaults(CreatePreviewNamespaceStep.class, Map.of(), Map.of("networkPolicy", true));
    }

    @Test
    public void deletePreviewNamespace() throws Exception {
        roundTrip(DeletePreviewNamespaceStep.class, with(CLUSTER, Map.of("pr", "42", "repository", "shop",
                "namespace", "pr-42-shop", "namePattern", "preview-{pr}", "wait", true)));
        defaults(DeletePreviewNamespaceStep.class, Map.of(), Map.of("wait", false));
    }

    @Test
    public void reapPreviewNamespaces() throws Exception {
        roundTrip(ReapPreviewNamespacesStep.class, with(CLUSTER, Map.of("openPullRequests", List.of(41, "42"),
                "repository", "shop", "dryRun", true, "parallelism", 8, "failOnError", false)));
        defaults(ReapPreviewNamespacesStep.class, Map.of(), Map.of("dryRun", false, "parallelism", 4, "failOnError", true));
    }

    @Test
    public void changedServices() throws Exception {
        roundTrip(ChangedServicesStep.class, Map.of("base", "v1.4.0", "lastSuccessfulCommit", "0123abc"));
        defaults(ChangedServicesStep.class, Map.of(), Map.of());
    }

    @Test
    public void canaryShift() throws Exception {
        CanaryRouter router = new NginxCanaryRouter("payments");
        List<CanaryCheck> analysis = List.of(new ErrorRateCheck(0.01), new LatencyCheck(500));
        Map<String, Object> arguments = new HashMap<>(CLUSTER);
        arguments.putAll(Map.of("service", "payments", "environment", "prod", "imageTag", "1.4.0-abc123", "release", "payments-eu",
                "chart", "charts/payments", "version", "1.4.0", "valuesFiles", List.of("helm/payments/values.eu.yaml"),
                "values", Map.of("replicaCount", 3), "imageRepository", "registry.example.com/payments", "router", router));
        arguments.putAll(Map.of("steps", List.of(5, Map.of("weight", 50, "pause", "manual"), 100), "pause", "10m",
                "interval", "30s", "analysis", analysis, "prometheusUrl", "http://prometheus.monitoring:9090",
                "prometheusCredentialsId", "prometheus-token", "failureLimit", 1, "inconclusiveLimit", 2, "minRequests", 100,
                "namespace", "payments-prod"));
        arguments.putAll(Map.of("timeout", "10m", "wait", false, "canaryReplicas", 2, "replicaCountKey", "app.replicas"));
        arguments.putAll(VAULT);
        roundTrip(CanaryShiftStep.class, arguments);
        defaults(CanaryShiftStep.class, Map.of("service", "payments", "environment", "prod", "imageTag", "abc123"),
                // steps, pause, interval and the limits unset: delivery.yaml's canary section, else the built-in defaults, decide
                Map.of("timeout", "5m", "wait", true, "canaryReplicas", 1, "replicaCountKey", "replicaCount"));
    }

    @Test
    public void canaryStatusAndCanaryAbort() throws Exception {
        Map<String, Object> arguments = with(CLUSTER, Map.of("service", "payments", "environment", "prod", "namespace",
                "payments-prod", "release", "payments-eu", "router", new IstioCanaryRouter("payments")));
        roundTrip(CanaryStatusStep.class, arguments);
        roundTrip(CanaryAbortStep.class, with(arguments, Map.of("timeout", "2m")));
        defaults(CanaryStatusStep.class, Map.of("service", "payments", "environment", "prod"), Map.of());
        defaults(CanaryAbortStep.class, Map.of("service", "payments", "environment", "prod"), Map.of("timeout", "5m"));
    }

    @Test
    public void canaryPromote() throws Exception {
        Map<String, Object> arguments = with(CLUSTER, Map.of("service", "payments", "environment", "prod", "imageTag", "1.4.0",
                "namespace", "payments-prod", "release", "payments-eu", "router", new IstioCanaryRouter("payments"),
                "timeout", "2m", "full", true));
        roundTrip(CanaryPromoteStep.class, arguments);
        defaults(CanaryPromoteStep.class, Map.of("service", "payments", "environment", "prod"),
                Map.of("timeout", "5m", "full", false));
    }

    /** An empty text, as the Snippet Generator sends for an empty field, reads back as the default. */
    @Test
    public void anEmptyTextReadsBackAsTheDefault() throws Exception {
        Step step = build(DeployServiceStep.class, Map.of("service", "payments", "environment", "stage", "timeout", "",
                "imageTagKey", " ", "namespace", ""));
        assertEquals("5m", read(step, "timeout"));
        assertEquals("image.tag", read(step, "imageTagKey"));
        assertEquals(null, read(step, "namespace"));
    }

    private static VaultSecretPath vaultSecret() {
        VaultSecretPath path = new VaultSecretPath("secret/payments/prod", List.of(new VaultSecretKey("db_password", "db.password")));
        path.setEngineVersion(2);
        return path;
    }

    /** A nested entry reads back through its own getters, as the Snippet Generator renders it. */
    @Test
    public void aVaultSecretReadsBackThroughItsGetters() {
        VaultSecretPath path = vaultSecret();
        assertEquals("secret/payments/prod", path.getPath());
        assertEquals(Integer.valueOf(2), path.getEngineVersion());
        assertEquals("db_password", path.getValues().get(0).getVaultKey());
        assertEquals("db.password", path.getValues().get(0).getValuesKey());
        assertEquals(null, new VaultSecretPath(" ", List.of()).getPath());
    }

    private static Map<String, Object> deployArguments() {
        Map<String, Object> arguments = new HashMap<>(CLUSTER);
        arguments.putAll(Map.of("namespace", "payments-prod", "valuesFiles", List.of("helm/payments/values.eu.yaml"),
                "values", Map.of("replicaCount", 3), "imageTag", "1.4.0-abc123", "imageRepository", "registry.example.com/payments",
                "imageTagKey", "app.image.tag", "imageRepositoryKey", "app.image.repository", "timeout", "1h30m", "wait", false,
                "atomic", false));
        arguments.putAll(Map.of("historyMax", 3, "createNamespace", true, "dryRun", true, "recoverStuckRelease", true,
                "secretValues", Map.of("db.password", "hunter2-but-longer"), "description", "Release 1.4.0 by the payments team"));
        arguments.putAll(VAULT);
        return arguments;
    }

    private static Map<String, Object> deployDefaults() {
        Map<String, Object> defaults = new HashMap<>(Map.of("imageTagKey", "image.tag", "imageRepositoryKey", "image.repository",
                "timeout", "5m", "wait", true, "atomic", true, "historyMax", 10, "createNamespace", false, "dryRun", false,
                "recoverStuckRelease", false));
        return defaults;
    }

    private static Map<String, Object> with(Map<String, Object> base, Map<String, Object> more) {
        Map<String, Object> all = new HashMap<>(base);
        all.putAll(more);
        return all;
    }

    /** Every parameter is given, and every one reads back as given (secret values as their keys only, on purpose). */
    private static void roundTrip(Class<? extends Step> type, Map<String, Object> arguments) throws Exception {
        assertEquals(type.getSimpleName() + ": the test gives every parameter", parameters(type), new TreeSet<>(arguments.keySet()));
        Step step = build(type, arguments);
        for (Map.Entry<String, Object> argument : arguments.entrySet()) {
            Object expected = argument.getKey().equals("secretValues") ? PlainValues.maskedValues((Map<?, ?>) argument.getValue())
                    : argument.getValue();
            assertEquals(type.getSimpleName() + "." + argument.getKey(), expected, read(step, argument.getKey()));
        }
    }

    /** Only the required parameters are given; the listed optional ones read back as their defaults, every other one as null. */
    private static void defaults(Class<? extends Step> type, Map<String, Object> required, Map<String, Object> defaults)
            throws Exception {
        Step step = build(type, required);
        for (String name : parameters(type)) {
            Object expected = required.containsKey(name) ? required.get(name) : defaults.get(name);
            assertEquals(type.getSimpleName() + "." + name + " unset", expected, read(step, name));
        }
    }

    /** As structs' DescribableModel instantiates a step: constructor arguments by name, then setters. */
    static Step build(Class<? extends Step> type, Map<String, Object> arguments) throws Exception {
        Map<String, Object> rest = new LinkedHashMap<>(arguments);
        Constructor<?> constructor = dataBoundConstructor(type);
        Object[] values = new Object[constructor.getParameterCount()];
        Parameter[] parameters = constructor.getParameters();
        for (int i = 0; i < values.length; i++) {
            values[i] = rest.remove(parameters[i].getName());
        }
        Step step = type.cast(constructor.newInstance(values));
        for (Map.Entry<String, Object> argument : rest.entrySet()) {
            Method setter = setter(type, argument.getKey());
            assertNotNull(type.getSimpleName() + " has a @DataBoundSetter for " + argument.getKey(), setter);
            setter.invoke(step, argument.getValue());
        }
        return step;
    }

    private static Object read(Step step, String name) throws Exception {
        String suffix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (Method method : step.getClass().getMethods()) {
            if (method.getParameterCount() == 0 && (method.getName().equals("get" + suffix) || method.getName().equals("is" + suffix))) {
                return method.invoke(step);
            }
        }
        throw new AssertionError(step.getClass().getSimpleName() + " has no getter for " + name);
    }

    private static Set<String> parameters(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : dataBoundConstructor(type).getParameters()) {
            names.add(parameter.getName());
        }
        for (Method method : type.getMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class)) {
                names.add(Character.toLowerCase(method.getName().charAt(3)) + method.getName().substring(4));
            }
        }
        return names;
    }

    private static Constructor<?> dataBoundConstructor(Class<?> type) {
        for (Constructor<?> constructor : type.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                return constructor;
            }
        }
        throw new AssertionError(type.getSimpleName() + " has no @DataBoundConstructor");
    }

    private static Method setter(Class<?> type, String name) {
        String setterName = "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (Method method : type.getMethods()) {
            if (method.getName().equals(setterName) && method.isAnnotationPresent(DataBoundSetter.class)) {
                return method;
            }
        }
        return null;
    }

    @Test
    public void secretValuesReadBackAsTheirKeysOnly() throws Exception {
        Step step = build(DeployServiceStep.class, Map.of("service", "payments", "environment", "stage",
                "secretValues", Map.of("db.password", "hunter2-but-longer")));
        assertEquals(Map.of("db.password", "<masked>"), read(step, "secretValues"));
        assertTrue(String.valueOf(read(step, "secretValues")), !String.valueOf(read(step, "secretValues")).contains("hunter2"));
    }
}
