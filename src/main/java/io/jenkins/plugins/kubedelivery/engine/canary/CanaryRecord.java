package io.jenkins.plugins.kubedelivery.engine.canary;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import com.eclipsesource.json.ParseException;
import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricCheck;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricQuery;
import io.jenkins.plugins.kubedelivery.engine.analysis.MetricSource;
import io.jenkins.plugins.kubedelivery.engine.analysis.Threshold;
import io.jenkins.plugins.kubedelivery.engine.deploy.DeployRequest;
import io.jenkins.plugins.kubedelivery.engine.deploy.Durations;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A canary's whole course as it is recorded in the cluster with its {@link RouteState}: the plan
 * (steps, pauses, interval, checks with their limits), each check's query as rendered for this
 * canary, where the measurements come from, and what its promotion needs. Written once by
 * canaryShift and read back by canaryPromote (which carries the canary on from there) and
 * canaryStatus. Holds no secret: the Prometheus credential is an id, and the promotion takes the
 * canary's values from its Helm release, naming only which keys are secret.
 *
 * <p>The JSON carries {@link #VERSION}: a record of another format is refused with what to do, never
 * guessed at.
 */
public record CanaryRecord(CanaryPlan plan, Map<String, MetricQuery> queries, MetricSource metrics, Promotion promotion) {
    /** The format written and read; raise it when a field changes meaning or a required one is added. */
    public static final int VERSION = 1;
    /**
     * The most the record may take of the routing object's annotations (which Kubernetes bounds at 256 KiB for all of
     * them together), leaving room for the annotations of others.
     */
    static final int MAX_CHARS = 64 * 1024;
    private static final String MANUAL = "manual";

    /**
     * What promoting the canary needs besides the canary release's own values, which are read from the cluster when it
     * is promoted: the chart as canaryShift was given it (the promotion upgrades stable from the same chart) and the
     * upgrade's options.
     *
     * @param chart the chart as given, or {@code null} for the monorepo's convention ({@code helm/<service>})
     * @param imageTag the canary's image tag, for the log and to check a (deprecated) imageTag given to canaryPromote
     * @param secretKeys the dotted keys of the canary's values that are secret: masked when read back
     * @param canaryOnlyKeys dotted keys the canary release was given for itself only (its replica count): left out of the
     *     values stable is upgraded with, so stable keeps what its own values files say
     */
    public record Promotion(String chart, String chartVersion, String valuesSuffix, boolean waitForReady, boolean atomic,
            int historyMax, String imageTag, List<String> secretKeys, List<String> canaryOnlyKeys) {
        public Promotion {
            secretKeys = List.copyOf(secretKeys);
            canaryOnlyKeys = List.copyOf(canaryOnlyKeys);
        }

        /** The promotion of a canary installed from this deploy request. */
        public static Promotion of(DeployRequest deploy, List<String> canaryOnlyKeys) {
            // canaryShift passes the request with its Vault values read into secretValues, so Vault's keys are among
            // these: a later canaryPromote masks them as it reads the canary's values
            return new Promotion(deploy.chart(), deploy.chartVersion(), deploy.valuesSuffix(), deploy.waitForReady(),
                    deploy.atomic(), deploy.historyMax(), deploy.imageTag(), List.copyOf(deploy.secretValues().keySet()),
                    canaryOnlyKeys);
        }
    }

    public CanaryRecord {
        queries = Map.copyOf(queries);
        for (MetricCheck check : plan.checks()) {
            if (!queries.containsKey(check.name())) {
                throw new IllegalArgumentException("check " + check.name() + " has no rendered query");
            }
        }
    }

    /**
     * The record as one compact JSON object, for the annotation.
     *
     * @throws ValidationException naming {@code analysis} when the queries make it too large to keep in the cluster
     */
    public String toJson() {
        JsonObject json = new JsonObject().add("version", VERSION);
        JsonArray steps = new JsonArray();
        for (CanaryStep step : plan.steps()) {
            steps.add(new JsonObject().add("weight", step.weight()).add("pause", step.pause() instanceof Pause.Timed timed
                    ? timed.duration().toString() : MANUAL));
        }
        json.add("steps", steps).add("interval", plan.interval().toString()).add("minRequests", plan.minRequests());
        JsonArray checks = new JsonArray();
        for (MetricCheck check : plan.checks()) {
            MetricQuery query = queries.get(check.name());
            checks.add(new JsonObject().add("name", check.name()).add("min", number(check.threshold().min()))
                    .add("max", number(check.threshold().max())).add("count", number(check.count()))
                    .add("failureLimit", check.failureLimit()).add("inconclusiveLimit", check.inconclusiveLimit())
                    .add("consecutiveErrorLimit", check.consecutiveErrorLimit()).add("query", query.query())
                    .add("requestCountQuery", text(query.requestCountQuery())));
        }
        json.add("checks", checks).add("prometheusUrl", text(metrics.prometheusUrl()))
                .add("prometheusCredentialsId", text(metrics.credentialsId()));
        json.add("promotion", new JsonObject().add("chart", text(promotion.chart()))
                .add("version", text(promotion.chartVersion())).add("valuesSuffix", text(promotion.valuesSuffix()))
                .add("wait", promotion.waitForReady()).add("atomic", promotion.atomic()).add("historyMax", promotion.historyMax())
                .add("imageTag", text(promotion.imageTag())).add("secretKeys", strings(promotion.secretKeys()))
                .add("canaryOnlyKeys", strings(promotion.canaryOnlyKeys())));
        String text = json.toString();
        if (text.length() > MAX_CHARS) {
            throw new ValidationException("analysis", "the canary's plan with its rendered queries takes " + text.length()
                    + " characters, more than the " + MAX_CHARS + " the plugin keeps in the routing object's annotation;"
                    + " shorten the queries (a recording rule in Prometheus keeps them short)");
        }
        return text;
    }

    /**
     * The record a canary carries, read back.
     *
     * @param owner what carries it, for the messages ({@code 25% for payments-canary at step 1 by <build>})
     * @throws EngineException when it is of another format or not the plugin's JSON, with what to do
     */
    public static CanaryRecord parse(String json, String owner) {
        JsonObject root;
        try {
            root = Json.parse(json).asObject();
        } catch (ParseException | UnsupportedOperationException e) {
            throw unreadable(owner, "it is not a JSON object");
        }
        JsonValue version = root.get("version");
        if (version == null || !version.isNumber() || version.asInt() != VERSION) {
            throw new EngineException("the plan of the canary " + owner + " was recorded in format " + version + ", and this"
                    + " version of the plugin reads format " + VERSION + " only (the canary was started by another version of"
                    + " the plugin), so it cannot carry the canary on: end it with canaryAbort and run canaryShift again");
        }
        try {
            return read(root);
        } catch (RuntimeException e) { // a missing member, a wrong type, a plan the checks refuse: all edited by hand
            throw unreadable(owner, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static CanaryRecord read(JsonObject root) {
        List<CanaryStep> steps = new ArrayList<>();
        for (JsonValue step : root.get("steps").asArray()) {
            String pause = step.asObject().get("pause").asString();
            steps.add(new CanaryStep(step.asObject().get("weight").asInt(),
                    MANUAL.equals(pause) ? new Pause.Manual() : new Pause.Timed(Duration.parse(pause))));
        }
        List<MetricCheck> checks = new ArrayList<>();
        Map<String, MetricQuery> queries = new LinkedHashMap<>();
        for (JsonValue value : root.get("checks").asArray()) {
            JsonObject check = value.asObject();
            String name = check.get("name").asString();
            JsonValue count = check.get("count");
            checks.add(new MetricCheck(name, new Threshold(decimal(check.get("min")), decimal(check.get("max"))),
                    count.isNull() ? null : count.asInt(), check.get("failureLimit").asInt(),
                    check.get("inconclusiveLimit").asInt(), check.get("consecutiveErrorLimit").asInt()));
            queries.put(name, new MetricQuery(check.get("query").asString(), string(check.get("requestCountQuery"))));
        }
        CanaryPlan plan = new CanaryPlan(steps, Duration.parse(root.get("interval").asString()), checks,
                root.get("minRequests").asLong());
        JsonObject p = root.get("promotion").asObject();
        Promotion promotion = new Promotion(string(p.get("chart")), string(p.get("version")), string(p.get("valuesSuffix")),
                p.get("wait").asBoolean(), p.get("atomic").asBoolean(), p.get("historyMax").asInt(), string(p.get("imageTag")),
                strings(p.get("secretKeys")), strings(p.get("canaryOnlyKeys")));
        return new CanaryRecord(plan, queries, new MetricSource(string(root.get("prometheusUrl")),
                string(root.get("prometheusCredentialsId"))), promotion);
    }

    /**
     * The plan as canaryStatus returns it: each step's weight and pause ({@code 5m}, {@code manual}, {@code none}), the
     * interval, each check with its range, where measurements come from and the canary's image tag.
     */
    public Map<String, Object> summary() {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (CanaryStep step : plan.steps()) {
            steps.add(Map.of("weight", step.weight(), "pause", step.pause() instanceof Pause.Timed timed
                    ? timed.duration().isZero() ? "none" : Durations.human(timed.duration()) : MANUAL));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("version", VERSION);
        summary.put("steps", steps);
        summary.put("interval", Durations.human(plan.interval()));
        summary.put("checks", plan.checks().stream().map(check -> check.name() + " " + check.threshold().describe()).toList());
        summary.put("minRequests", plan.minRequests());
        summary.put("prometheusUrl", metrics.prometheusUrl());
        summary.put("imageTag", promotion.imageTag());
        return summary;
    }

    private static EngineException unreadable(String owner, String why) {
        return new EngineException("the plan recorded with the canary " + owner + " in annotation " + RouteState.ANNOTATION
                + " is not what the plugin writes (" + why + "): it was edited by hand; end the canary with canaryAbort and"
                + " run canaryShift again");
    }

    private static JsonValue text(String value) {
        return value == null ? Json.NULL : Json.value(value);
    }

    private static JsonValue number(Number value) {
        if (value == null) {
            return Json.NULL;
        }
        return value instanceof Integer i ? Json.value(i) : Json.value(value.doubleValue());
    }

    private static JsonArray strings(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    private static String string(JsonValue value) {
        return value == null || value.isNull() ? null : value.asString();
    }

    private static Double decimal(JsonValue value) {
        return value == null || value.isNull() ? null : value.asDouble();
    }

    private static List<String> strings(JsonValue value) {
        List<String> list = new ArrayList<>();
        value.asArray().forEach(item -> list.add(item.asString()));
        return list;
    }
}
