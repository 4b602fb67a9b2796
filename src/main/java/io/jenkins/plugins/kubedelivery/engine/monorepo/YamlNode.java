package io.jenkins.plugins.kubedelivery.engine.monorepo;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * A YAML node that knows where it stands, in the file and in the document, so that every error can
 * say {@code delivery.yaml:12:7: services.payments.chart: ...}. Built on snakeyaml-engine's composed
 * node tree (YAML 1.2 core schema), read with typed accessors that refuse wrong types, unknown and
 * duplicate keys, instead of mapping into objects that would accept anything.
 */
final class YamlNode {
    /** Anchors and aliases are for humans; a catalogue that expands into thousands of nodes is a mistake. */
    private static final int MAX_ALIASES = 50;

    private final String file;
    private final String path;
    private final Node node;
    /** The key this node is the value of, for errors about the entry itself; {@code null} for the root and list items. */
    private final Node key;

    private YamlNode(String file, String path, Node node, Node key) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.key = key;
    }

    /** The document's root; an empty document is an empty mapping. */
    static YamlNode parse(String file, String text) {
        LoadSettings settings = LoadSettings.builder().setLabel(file).setSchema(new CoreSchema())
                .setMaxAliasesForCollections(MAX_ALIASES).setAllowRecursiveKeys(false).build();
        try {
            Optional<Node> root = new Compose(settings).composeReader(new StringReader(text));
            return new YamlNode(file, "", root.orElse(null), null);
        } catch (MarkedYamlEngineException e) {
            String where = e.getProblemMark().map(m -> file + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1)).orElse(file);
            throw new CatalogException(where + ": not valid YAML: " + e.getProblem());
        } catch (YamlEngineException e) {
            throw new CatalogException(file + ": not valid YAML: " + e.getMessage());
        }
    }

    boolean isAbsent() {
        return node == null || node.getTag().equals(Tag.NULL);
    }

    String path() {
        return path;
    }

    /** A mapping's entries in file order; duplicate keys are refused, as they hide a typo. */
    Map<String, YamlNode> mapping() {
        if (isAbsent()) {
            return Map.of();
        }
        if (!(node instanceof MappingNode mappingNode)) {
            throw error("must be a mapping (key: value lines), not " + describe());
        }
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mappingNode.getValue()) {
            YamlNode keyNode = new YamlNode(file, path, tuple.getKeyNode(), null);
            String name = keyNode.scalarText("a key");
            if (entries.containsKey(name)) {
                throw keyNode.error("key '" + name + "' appears twice");
            }
            entries.put(name, new YamlNode(file, path.isEmpty() ? name : path + "." + name, tuple.getValueNode(), tuple.getKeyNode()));
        }
        return entries;
    }

    /** The mapping, refusing any key not in {@code allowed} with the closest allowed one suggested. */
    Map<String, YamlNode> mapping(Set<String> allowed) {
        Map<String, YamlNode> entries = mapping();
        for (Map.Entry<String, YamlNode> entry : entries.entrySet()) {
            if (!allowed.contains(entry.getKey())) {
                throw entry.getValue().entryError("unknown key" + DidYouMean.suggest(entry.getKey(), allowed) + "; the keys here are "
                        + new TreeSet<>(allowed));
            }
        }
        return entries;
    }

    List<YamlNode> sequence() {
        if (isAbsent()) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequenceNode)) {
            throw error("must be a list ([a, b] or '- a' lines), not " + describe());
        }
        List<YamlNode> items = new ArrayList<>();
        List<Node> values = sequenceNode.getValue();
        for (int i = 0; i < values.size(); i++) {
            items.add(new YamlNode(file, path + "[" + i + "]", values.get(i), null));
        }
        return items;
    }

    /** A string; numbers and booleans are refused, since {@code 1.10} silently becoming {@code 1.1} breaks things. */
    String string() {
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.STR)) {
            return scalar.getValue();
        }
        throw error("must be text, not " + describe() + (node instanceof ScalarNode ? " (quote it)" : ""));
    }

    String string(String fallback) {
        return isAbsent() ? fallback : string();
    }

    int integer(int fallback) {
        if (isAbsent()) {
            return fallback;
        }
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.INT)) {
            try {
                return Integer.parseInt(scalar.getValue());
            } catch (NumberFormatException e) {
                throw error("'" + scalar.getValue() + "' is not a whole number in range");
            }
        }
        throw error("must be a whole number, not " + describe());
    }

    /** A number, whole or not ({@code 0.01}, {@code 500}). */
    double decimal() {
        if (node instanceof ScalarNode scalar && (scalar.getTag().equals(Tag.INT) || scalar.getTag().equals(Tag.FLOAT))) {
            try {
                return Double.parseDouble(scalar.getValue());
            } catch (NumberFormatException e) {
                throw error("'" + scalar.getValue() + "' is not a number this reader can use; write it as 0.01 or 500");
            }
        }
        throw error("must be a number, not " + describe());
    }

    boolean bool(boolean fallback) {
        if (isAbsent()) {
            return fallback;
        }
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)) {
            return Boolean.parseBoolean(scalar.getValue().toLowerCase(java.util.Locale.ROOT));
        }
        throw error("must be true or false, not " + describe());
    }

    List<String> strings() {
        return sequence().stream().map(YamlNode::string).toList();
    }

    /** A mapping of text to text, e.g. a quota; numbers are accepted as their text. */
    Map<String, String> textMap() {
        Map<String, String> map = new LinkedHashMap<>();
        mapping().forEach((key, value) -> map.put(key, value.scalarText("a value")));
        return map;
    }

    /** Runs a check that names a parameter (the engine's shared rules), reporting its refusal here. */
    <T> T checked(java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (io.jenkins.plugins.kubedelivery.engine.ValidationException e) {
            throw new CatalogException(location() + ": " + e.getMessage());
        }
    }

    /**
     * Runs a check the steps share (the canary's router and checks), reporting its refusal at this value
     * under its path in the file, in place of the step parameter the check names.
     */
    <T> T checkedHere(java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (io.jenkins.plugins.kubedelivery.engine.ValidationException e) {
            throw error(e.problem());
        }
    }

    /** The same for a check of the entry's key (a service's or environment's name). */
    <T> T checkedKey(java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (io.jenkins.plugins.kubedelivery.engine.ValidationException e) {
            throw new CatalogException(location(key != null ? key : node) + ": " + e.getMessage());
        }
    }

    /** An error about this value, placed at the value. */
    CatalogException error(String problem) {
        return new CatalogException(location(node) + ": " + (path.isEmpty() ? "" : path + ": ") + problem);
    }

    /** An error about the entry as a whole (an unknown key, a bad name), placed at its key. */
    CatalogException entryError(String problem) {
        return new CatalogException(location(key != null ? key : node) + ": " + (path.isEmpty() ? "" : path + ": ") + problem);
    }

    /** {@code delivery.yaml:12:7}, 1-based as editors count. */
    String location() {
        return location(node);
    }

    private String location(Node at) {
        Optional<Mark> mark = at == null ? Optional.empty() : at.getStartMark();
        return mark.map(m -> file + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1)).orElse(file);
    }

    private String scalarText(String what) {
        if (node instanceof ScalarNode scalar && !scalar.getTag().equals(Tag.NULL)) {
            return scalar.getValue();
        }
        throw error(what + " must be plain text, not " + describe());
    }

    private String describe() {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        Tag tag = node.getTag();
        String value = "'" + ((ScalarNode) node).getValue() + "'";
        if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
            return "the number " + value;
        }
        if (tag.equals(Tag.BOOL)) {
            return "the boolean " + value;
        }
        return tag.equals(Tag.NULL) ? "nothing" : "the text " + value;
    }
}
