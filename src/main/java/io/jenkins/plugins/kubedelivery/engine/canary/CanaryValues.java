package io.jenkins.plugins.kubedelivery.engine.canary;

import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.SecretMask;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmClient;
import io.jenkins.plugins.kubedelivery.engine.cli.JsonOutput;
import io.jenkins.plugins.kubedelivery.engine.deploy.GeneratedValues;
import io.jenkins.plugins.kubedelivery.engine.model.ReleaseRevision;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values the canary release was installed with ({@code helm get values} of its latest revision: every values file
 * and generated value, merged), which the promotion upgrades stable with: stable gets what was measured, not what the
 * promoting step would compute again. They never reach a log or an argument: the caller hands them to the deploy, which
 * writes them into a 0600 values file.
 */
final class CanaryValues {
    private CanaryValues() {}

    /**
     * Tool output passes the execution's masking filter before it is parsed, so a value this execution already hides
     * reads back as its placeholder: the secret values the caller still holds are put back at their keys, and any other
     * hidden value refuses the promotion rather than install a placeholder.
     *
     * @param knownSecrets dotted keys to the secret values the caller holds (canaryShift's own, in a run resumed after a
     *     restart: a run that started the canary promotes it from its request without this read); empty for
     *     canaryPromote, whose fresh mask does not hide them yet
     * @param secrets the execution's mask: the values at the recorded secret keys are added to it before anything else
     * @throws EngineException when the release is gone, or its values cannot be passed on as they are
     */
    static Map<String, Object> read(HelmClient helm, String canaryRelease, String namespace, CanaryRecord.Promotion promotion,
            Map<String, String> knownSecrets, SecretMask secrets) throws InterruptedException {
        List<ReleaseRevision> history = helm.history(canaryRelease, namespace, 1);
        if (history.isEmpty()) {
            throw new EngineException("the canary release " + canaryRelease + " is gone, so its values cannot be promoted;"
                    + " end the canary with canaryAbort");
        }
        int revision = history.get(history.size() - 1).revision();
        JsonValue values = JsonOutput.parse(helm.userValues(canaryRelease, namespace, revision), "helm get values");
        if (!values.isObject()) {
            return Map.of(); // helm prints null when the release was given no values at all
        }
        JsonObject root = values.asObject();
        knownSecrets.forEach((key, secret) -> put(root, key, secret));
        List<String> hidden = new ArrayList<>();
        findHidden(root, "", secrets, hidden);
        if (!hidden.isEmpty()) {
            throw new EngineException("the values of the canary release " + canaryRelease + " hold at " + String.join(", ", hidden)
                    + " a secret this build masks, which cannot be read back to upgrade the stable release; pass it as a"
                    + " secret value of canaryShift (then its own promotion puts it back), or promote by hand with"
                    + " deployService and end the canary with canaryAbort");
        }
        for (String key : promotion.secretKeys()) {
            JsonValue secret = at(root, key);
            if (secret != null && secret.isString()) {
                secrets.add(secret.asString());
            }
        }
        return withoutCanaryOnlyKeys(root, promotion.canaryOnlyKeys(), canaryRelease);
    }

    /** The values as plain Java maps, lists and scalars, the canary's own keys left out. */
    static Map<String, Object> withoutCanaryOnlyKeys(JsonObject values, List<String> canaryOnlyKeys, String canaryRelease) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (JsonObject.Member member : values) {
            if (member.getName().contains(".")) {
                // the deploy reads a top-level dotted key as a path, which would move the value
                throw new EngineException("the canary release " + canaryRelease + " has the top-level values key '"
                        + member.getName() + "', which the promotion cannot pass on unchanged: promote it by hand with"
                        + " deployService and end the canary with canaryAbort");
            }
            map.put(member.getName(), plain(member.getValue()));
        }
        canaryOnlyKeys.forEach(key -> GeneratedValues.removeAt(map, key));
        return map;
    }

    private static void put(JsonObject root, String dottedKey, String value) {
        String[] path = dottedKey.split("\\.");
        JsonObject node = root;
        for (int i = 0; i < path.length - 1; i++) {
            JsonValue child = node.get(path[i]);
            if (child == null || !child.isObject()) {
                child = new JsonObject();
                node.set(path[i], child);
            }
            node = child.asObject();
        }
        node.set(path[path.length - 1], value);
    }

    /** The dotted keys of the strings the mask hid something in, keys included. */
    private static void findHidden(JsonValue value, String key, SecretMask secrets, List<String> hidden) {
        if (value.isString() && secrets.hidesPartOf(value.asString())) {
            hidden.add(key);
        } else if (value.isArray()) {
            value.asArray().forEach(item -> findHidden(item, key + "[]", secrets, hidden));
        } else if (value.isObject()) {
            for (JsonObject.Member member : value.asObject()) {
                String child = key.isEmpty() ? member.getName() : key + "." + member.getName();
                if (secrets.hidesPartOf(member.getName())) {
                    hidden.add(child);
                }
                findHidden(member.getValue(), child, secrets, hidden);
            }
        }
    }

    private static JsonValue at(JsonObject root, String dottedKey) {
        JsonValue node = root;
        for (String name : dottedKey.split("\\.")) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.asObject().get(name);
        }
        return node;
    }

    private static Object plain(JsonValue value) {
        if (value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isString()) {
            return value.asString();
        }
        if (value.isNumber()) {
            BigDecimal number = new BigDecimal(value.toString());
            // helm prints integers without a fraction: keep them integers (a replica count must not become 3.0)
            return number.scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
                    ? (Object) number.longValueExact() : (Object) number.doubleValue();
        }
        if (value.isArray()) {
            List<Object> list = new ArrayList<>();
            value.asArray().forEach(item -> list.add(plain(item)));
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (JsonObject.Member member : value.asObject()) {
            map.put(member.getName(), plain(member.getValue()));
        }
        return map;
    }
}
