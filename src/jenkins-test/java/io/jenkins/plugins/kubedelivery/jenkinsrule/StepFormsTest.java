package io.jenkins.plugins.kubedelivery.jenkinsrule;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.equalTo;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.CoreMatchers.startsWith;
import static org.junit.Assert.assertNotNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.cps.Snippetizer;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.ErrorCollector;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Every step through the forms a user meets: bound from named arguments by its function name, as a
 * Pipeline call binds it; shown in its config form and submitted back ({@link StepConfigTester},
 * what the Snippet Generator's form does); rendered as a snippet, where nested routers and checks
 * must appear by their {@code @Symbol}. The suite reaches the plugin only through Jenkins, as a
 * Pipeline does: its classes come from the installed .hpi.
 */
public class StepFormsTest {
    @Rule
    public final JenkinsRule r = new JenkinsRule();
    @Rule
    public final ErrorCollector errors = new ErrorCollector();

    private static final Map<String, Object> CLUSTER = Map.of("kubeconfigCredentialsId", "stage-kubeconfig", "kubeContext", "stage");

    @Test
    public void everyStepSurvivesItsConfigFormAndRendersAsASnippet() throws Exception {
        Map<String, Map<String, Object>> calls = new LinkedHashMap<>();
        calls.put("deployService", with(CLUSTER, Map.of("service", "payments", "environment", "stage", "imageTag", "1.4.0",
                "values", Map.of("replicaCount", 3), "valuesFiles", List.of("helm/payments/values.eu.yaml"), "timeout", "90s",
                "wait", false, "historyMax", 3, "description", "Release 1.4.0")));
        calls.put("deployServices", with(CLUSTER, Map.of("services", List.of("payments", "search"), "environment", "preview",
                "namespace", "pr-42-shop", "parallelism", 2, "imageTag", "pr-42")));
        calls.put("rollbackService", with(CLUSTER, Map.of("service", "payments", "environment", "prod", "toRevision", 3)));
        calls.put("createPreviewNamespace", with(CLUSTER, Map.of("pr", "42", "repository", "shop", "ttl", "7d",
                "hostPattern", "pr-{pr}.example.com", "quota", Map.of("pods", "20"), "copySecrets", List.of("registry-pull"),
                "secretsNamespace", "shared")));
        calls.put("deletePreviewNamespace", with(CLUSTER, Map.of("pr", "42", "repository", "shop", "wait", true)));
        calls.put("reapPreviewNamespaces", with(CLUSTER, Map.of("openPullRequests", List.of(41, 42), "repository", "shop",
                "dryRun", true, "parallelism", 2, "failOnError", false)));
        calls.put("changedServices", Map.of("base", "v1.4.0"));
        calls.put("canaryShift", with(CLUSTER, Map.of("service", "payments", "environment", "prod", "imageTag", "1.4.0",
                "router", describable("NginxCanaryRouter", Map.of("ingress", "payments")),
                "steps", List.of(10, Map.of("weight", 50, "pause", "manual"), 100), "pause", "10m", "interval", "30s",
                "analysis", List.of(describable("ErrorRateCheck", Map.of("max", 0.01)),
                        describable("LatencyCheck", Map.of("maxMillis", 500.0, "percentile", 95)),
                        describable("PrometheusQueryCheck", Map.of("name", "orders-failing", "query", "sum(orders_failed)",
                                "max", 5.0))),
                "prometheusUrl", "http://prometheus.monitoring:9090")));
        calls.put("canaryStatus", with(CLUSTER, Map.of("service", "payments", "environment", "prod",
                "router", describable("GatewayApiCanaryRouter", Map.of("route", "payments", "rule", "main")))));
        calls.put("canaryPromote", with(CLUSTER, Map.of("service", "payments", "environment", "prod", "imageTag", "1.4.0",
                "router", describable("ReplicasCanaryRouter", Map.of()))));
        calls.put("canaryAbort", with(CLUSTER, Map.of("service", "payments", "environment", "prod", "timeout", "2m",
                "router", describable("IstioCanaryRouter", Map.of("virtualService", "payments", "route", "primary")))));

        Map<String, List<String>> symbols = Map.of("canaryShift", List.of("router: nginx(", "errorRate(", "latency(", "prometheus("),
                "canaryStatus", List.of("router: gatewayApi("), "canaryPromote", List.of("router: replicas("),
                "canaryAbort", List.of("router: istio("));

        for (Map.Entry<String, Map<String, Object>> call : calls.entrySet()) {
            errors.checkSucceeds(() -> {
                roundTrip(call.getKey(), call.getValue(), symbols.getOrDefault(call.getKey(), List.of()));
                return null;
            });
        }
    }

    private void roundTrip(String function, Map<String, Object> arguments, List<String> symbols) throws Exception {
        StepDescriptor descriptor = StepDescriptor.byFunctionName(function);
        assertNotNull("no step " + function, descriptor);
        Step before = descriptor.newInstance(arguments);
        Step after = new StepConfigTester(r).configRoundTrip(before);

        String snippet = Snippetizer.object2Groovy(before);
        errors.checkThat(function, Snippetizer.object2Groovy(after), equalTo(snippet));
        errors.checkThat(snippet, startsWith(function));
        errors.checkThat("nested objects by their symbol: " + snippet, snippet, not(containsString("$class")));
        for (String symbol : symbols) {
            errors.checkThat(snippet, snippet, containsString(symbol));
        }
    }

    /** A nested describable as a Pipeline map names it by class, before any symbol is involved. */
    private static Map<String, Object> describable(String simpleClassName, Map<String, Object> arguments) {
        Map<String, Object> map = new LinkedHashMap<>(arguments);
        map.put("$class", simpleClassName);
        return map;
    }

    private static Map<String, Object> with(Map<String, Object> base, Map<String, Object> more) {
        Map<String, Object> all = new LinkedHashMap<>(base);
        all.putAll(more);
        return all;
    }
}
