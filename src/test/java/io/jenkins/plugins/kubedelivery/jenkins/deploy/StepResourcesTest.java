package io.jenkins.plugins.kubedelivery.jenkins.deploy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.nio.file.Files;
import java.nio.file.Path;
import io.jenkins.plugins.kubedelivery.jenkins.AbstractClusterStep;
import io.jenkins.plugins.kubedelivery.jenkins.ClusterStepDescriptor;
import io.jenkins.plugins.kubedelivery.jenkins.monorepo.ChangedServicesStep;
import io.jenkins.plugins.kubedelivery.jenkins.canary.CanaryAbortStep;
import io.jenkins.plugins.kubedelivery.jenkins.canary.CanaryShiftStep;
import io.jenkins.plugins.kubedelivery.jenkins.canary.CanaryStatusStep;
import io.jenkins.plugins.kubedelivery.jenkins.preview.CreatePreviewNamespaceStep;
import io.jenkins.plugins.kubedelivery.jenkins.preview.DeletePreviewNamespaceStep;
import io.jenkins.plugins.kubedelivery.jenkins.preview.ReapPreviewNamespacesStep;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.junit.Test;

/**
 * Every step parameter, found by reflection the way structs binds them, has a public getter, a
 * config.jelly field (in the step's form or a fragment it includes) and a help file, found as
 * Jenkins finds it: {@code Descriptor.getHelpFile(Klass, String)} in jenkins-core 2.479.3 walks
 * {@code clazz.getAncestors()} and takes the first {@code help-<field>} view, so a parameter a base
 * class declares has its help once, in that base class's folder. Optional ones state their default,
 * the form's defaults come from the step, and no two help files are the same.
 */
public class StepResourcesTest {
    private static final List<Class<? extends Step>> STEPS = List.of(DeployServiceStep.class, RollbackServiceStep.class,
            DeployServicesStep.class, CreatePreviewNamespaceStep.class, DeletePreviewNamespaceStep.class,
            ReapPreviewNamespacesStep.class, ChangedServicesStep.class, CanaryShiftStep.class, CanaryStatusStep.class,
            CanaryAbortStep.class);
    /** Steps without an optional parameter that has a default, so without a form default to check. */
    private static final Set<Class<? extends Step>> NO_FORM_DEFAULTS = Set.of(ChangedServicesStep.class, CanaryStatusStep.class,
            DeletePreviewNamespaceStep.class);
    /** Types no form control binds to (lists and maps); written in the script, and named in help.html instead. */
    private static final Set<String> SCRIPT_ONLY = Set.of("valuesFiles", "values", "secretValues", "quota", "limitDefaults",
            "limitDefaultRequests", "copySecrets", "labels", "annotations", "openPullRequests", "steps");
    private static final List<String> CLUSTER = List.of("kubeconfigCredentialsId", "kubeContext", "server", "caCertificate", "cloud");

    @Test
    public void everyParameterHasAGetterAFormFieldAndHelp() throws Exception {
        for (Class<? extends Step> step : STEPS) {
            Map<String, Class<?>> parameters = parameters(step);
            String config = form(step, "config.jelly");
            String help = resource(step, "help.html");
            for (Map.Entry<String, Class<?>> parameter : parameters.entrySet()) {
                String name = parameter.getKey();
                assertGetter(step, name, parameter.getValue());
                if (SCRIPT_ONLY.contains(name)) {
                    assertTrue(step.getSimpleName() + " help.html shows " + name, help.contains(name + ":"));
                } else {
                    assertTrue(step.getSimpleName() + " config.jelly has " + name, config.contains("field=\"" + name + "\""));
                }
                String parameterHelp = help(step, name);
                assertTrue(step.getSimpleName() + " help-" + name, parameterHelp.strip().length() > 40);
                if (!isRequired(step, name)) {
                    assertTrue(step.getSimpleName() + " help-" + name + " states its default", parameterHelp.contains("Default"));
                }
            }
            assertEquals(step.getSimpleName() + ": no form field for an unknown property",
                    List.of(), unknownFields(config, parameters.keySet()));
        }
    }

    /** A help file copied into a second folder drifts from the first; a shared parameter's help lives once, in the base class. */
    @Test
    public void noTwoHelpFilesAreTheSame() throws IOException {
        Map<String, Path> seen = new LinkedHashMap<>();
        List<String> copies = new ArrayList<>();
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("help")).sorted().toList()) {
                Path first = seen.putIfAbsent(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip(), file);
                if (first != null) {
                    copies.add(RESOURCES.relativize(file) + " repeats " + RESOURCES.relativize(first));
                }
            }
        }
        assertTrue("help files found", seen.size() > 40);
        assertEquals(List.of(), copies);
    }

    /** Each form default is the step's own (its field initializer), never a second literal in the view. */
    @Test
    public void formDefaultsComeFromTheStep() throws Exception {
        Pattern formDefault = Pattern.compile("field=\"([^\"]+)\"[^>]*>\\s*<f:\\w+ default=\"([^\"]*)\"");
        for (Class<? extends Step> step : STEPS) {
            Matcher m = formDefault.matcher(form(step, "config.jelly"));
            int found = 0;
            while (m.find()) {
                found++;
                assertEquals(step.getSimpleName() + " " + m.group(1), "${descriptor.defaults." + m.group(1) + "}", m.group(2));
            }
            assertTrue(step.getSimpleName(), found > 0 || NO_FORM_DEFAULTS.contains(step));
        }
        ClusterStepDescriptor deploy = new DeployServiceStep.DescriptorImpl();
        DeployServiceStep defaults = (DeployServiceStep) deploy.getDefaults();
        assertEquals("5m", defaults.getTimeout());
        assertEquals(10, defaults.getHistoryMax());
        assertTrue(defaults.isWait());
        assertNull("unset in the form: delivery.yaml's, else the engine's default",
                ((CreatePreviewNamespaceStep) new CreatePreviewNamespaceStep.DescriptorImpl().getDefaults()).getTtl());
    }

    @Test
    public void thePluginDescriptionNamesEveryStep() throws IOException {
        String index = Files.readString(RESOURCES.resolve("index.jelly"));
        for (Class<? extends Step> step : STEPS) {
            String name = step.getSimpleName().substring(0, 1).toLowerCase(java.util.Locale.ROOT)
                    + step.getSimpleName().substring(1, step.getSimpleName().length() - "Step".length());
            assertTrue(name, index.contains(name));
        }
    }

    /** The Snippet Generator's textarea for services: one per line, blank lines and spaces dropped. */
    @Test
    public void theServicesTextareaBecomesTheList() {
        assertEquals(List.of("payments", "search"), DeployServicesStep.servicesOfText(" payments\n\n search \n"));
        assertEquals(List.of(), DeployServicesStep.servicesOfText(""));
    }

    @Test
    public void everyStepHasTheParametersOfItsManual() {
        assertParameters(CanaryStatusStep.class, "service", "environment", "namespace", "release", "router");
        assertParameters(CanaryAbortStep.class, "service", "environment", "namespace", "release", "router", "timeout");
        assertParameters(CanaryShiftStep.class, "service", "environment", "imageTag", "namespace", "release", "chart", "version",
                "valuesFiles", "values", "imageRepository", "router", "steps", "pause", "interval", "analysis", "prometheusUrl",
                "prometheusCredentialsId", "failureLimit", "inconclusiveLimit", "minRequests", "canaryReplicas", "replicaCountKey",
                "timeout", "wait", "vaultSecrets", "vaultUrl", "vaultCredentialId");
        assertParameters(DeployServiceStep.class, "service", "environment", "namespace", "release", "chart", "version",
                "valuesFiles", "values", "secretValues", "imageTag", "imageRepository", "imageTagKey", "imageRepositoryKey", "timeout",
                "wait", "atomic", "historyMax", "createNamespace", "dryRun", "recoverStuckRelease", "description", "vaultSecrets",
                "vaultUrl", "vaultCredentialId");
        assertParameters(RollbackServiceStep.class, "service", "environment", "namespace", "release", "toRevision", "timeout",
                "wait");
        assertParameters(DeployServicesStep.class, "services", "environment", "namespace", "parallelism",
                "fallbackValuesEnvironment", "valuesFiles", "values", "secretValues", "imageTag", "imageRepository", "imageTagKey",
                "imageRepositoryKey", "timeout", "wait", "atomic", "historyMax", "createNamespace", "dryRun", "recoverStuckRelease",
                "description", "vaultSecrets", "vaultUrl", "vaultCredentialId");
        assertParameters(CreatePreviewNamespaceStep.class, "pr", "repository", "branch", "commit", "buildUrl", "namePattern",
                "hostPattern", "ttl", "quota", "limitDefaults", "limitDefaultRequests", "networkPolicy", "ingressNamespace",
                "copySecrets", "secretsNamespace", "labels", "annotations");
        assertParameters(DeletePreviewNamespaceStep.class, "pr", "repository", "namespace", "namePattern", "wait");
        assertParameters(ReapPreviewNamespacesStep.class, "openPullRequests", "repository", "dryRun", "parallelism", "failOnError");
        assertParameters(ChangedServicesStep.class, "base", "lastSuccessfulCommit");
    }

    /** The given parameters plus the cluster ones every step that reaches a cluster has. */
    private static void assertParameters(Class<? extends Step> step, String... names) {
        List<String> expected = new ArrayList<>(List.of(names));
        if (AbstractClusterStep.class.isAssignableFrom(step)) {
            expected.addAll(CLUSTER);
        }
        assertEquals(step.getSimpleName(), expected.stream().sorted().toList(), parameters(step).keySet().stream().sorted().toList());
    }

    @Test
    public void theManualShowsUseInsideAContainer() throws Exception {
        for (Class<? extends Step> step : STEPS) {
            String help = resource(step, "help.html");
            assertTrue(step.getSimpleName(), help.contains("container('helm')") || help.contains("container('kubectl')"));
        }
        // git runs where the checkout is: on a pod agent, the jnlp container, outside container('helm')
        assertTrue(resource(ChangedServicesStep.class, "help.html").contains("<code>jnlp</code> container, outside"));
    }

    private static Map<String, Class<?>> parameters(Class<?> step) {
        Map<String, Class<?>> parameters = new LinkedHashMap<>();
        for (Constructor<?> constructor : step.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                for (Parameter parameter : constructor.getParameters()) {
                    assertTrue("compiled with -parameters", parameter.isNamePresent());
                    parameters.put(parameter.getName(), parameter.getType());
                }
            }
        }
        for (Method method : step.getMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class)) {
                assertTrue(method.getName(), method.getName().startsWith("set") && method.getParameterCount() == 1);
                String name = Character.toLowerCase(method.getName().charAt(3)) + method.getName().substring(4);
                parameters.put(name, method.getParameterTypes()[0]);
            }
        }
        return parameters;
    }

    private static boolean isRequired(Class<?> step, String name) {
        for (Constructor<?> constructor : step.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                for (Parameter parameter : constructor.getParameters()) {
                    if (parameter.getName().equals(name)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static void assertGetter(Class<?> step, String name, Class<?> type) throws Exception {
        String suffix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        Method getter = null;
        for (String prefix : type == boolean.class ? new String[] {"is", "get"} : new String[] {"get"}) {
            try {
                getter = step.getMethod(prefix + suffix);
                break;
            } catch (NoSuchMethodException ignored) {
                // try the next form
            }
        }
        assertNotNull(step.getSimpleName() + " has a public getter for " + name, getter);
        assertEquals(step.getSimpleName() + "." + getter.getName(), type, getter.getReturnType());
    }

    private static List<String> unknownFields(String config, Set<String> known) {
        List<String> unknown = new ArrayList<>();
        Matcher m = Pattern.compile("field=\"([^\"]+)\"").matcher(config);
        while (m.find()) {
            if (!known.contains(m.group(1))) {
                unknown.add(m.group(1));
            }
        }
        return unknown;
    }

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern INCLUDE = Pattern.compile("<st:include page=\"([^\"]+)\" class=\"([^\"]+)\"/>");

    /** The first {@code help-<name>.html} up the class's ancestors, as Jenkins looks it up. */
    private static String help(Class<?> step, String name) throws IOException {
        for (Class<?> c = step; c != null && c != Object.class; c = c.getSuperclass()) {
            try (InputStream in = c.getResourceAsStream(c.getSimpleName() + "/help-" + name + ".html")) {
                if (in != null) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(step.getSimpleName() + " has no help-" + name + ".html in its folder or an ancestor's");
    }

    /** A view with every fragment it includes ({@code st:include page class}) put in its place. */
    private static String form(Class<?> owner, String page) throws Exception {
        String view = resource(owner, page);
        Matcher m = INCLUDE.matcher(view);
        StringBuilder expanded = new StringBuilder();
        while (m.find()) {
            Class<?> fragmentOwner = Class.forName(m.group(2));
            assertTrue(m.group(2) + " is an ancestor of " + owner.getSimpleName(), fragmentOwner.isAssignableFrom(owner));
            m.appendReplacement(expanded, Matcher.quoteReplacement(form(fragmentOwner, m.group(1))));
        }
        m.appendTail(expanded);
        return expanded.toString();
    }

    private static String resource(Class<?> step, String name) throws IOException {
        try (InputStream in = step.getResourceAsStream(step.getSimpleName() + "/" + name)) {
            assertNotNull(step.getSimpleName() + "/" + name + " exists", in);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertFalse(name + " is not empty", text.isBlank());
            return text;
        }
    }
}
