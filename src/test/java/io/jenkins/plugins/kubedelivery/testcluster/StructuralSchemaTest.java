package io.jenkins.plugins.kubedelivery.testcluster;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.Test;

/** Pruning, defaulting and validation of custom resources, as apiextensions-apiserver does them. */
public class StructuralSchemaTest {
    private static final StructuralSchema SCHEMA = new StructuralSchema(Json.parseYamlDocuments(String.join("\n",
            "type: object",
            "properties:",
            "  spec:",
            "    type: object",
            "    required: [mode]",
            "    properties:",
            "      mode: {type: string, enum: [Fast, Safe], default: Safe}",
            "      replicas: {type: integer, default: 1}",
            "      ratio: {type: number}",
            "      port: {x-kubernetes-int-or-string: true}",
            "      note: {type: string, nullable: true}",
            "      labels: {type: object, additionalProperties: {type: string}}",
            "      extra: {type: object, x-kubernetes-preserve-unknown-fields: true, properties: {kept: {type: boolean}}}",
            "      steps:",
            "        type: array",
            "        items: {type: object, required: [name], properties: {name: {type: string}, pause: {type: integer, default: 0}}}",
            "")).get(0));

    @Test
    public void dropsForbiddenNullsThenFillsDefaultsDownTheTree() {
        ObjectNode object = parse("{'spec':{'mode':null,'note':null,'steps':[{'name':'a'}]}}");
        SCHEMA.normalize(object);
        assertEquals(parse("{'spec':{'note':null,'steps':[{'name':'a','pause':0}],'mode':'Safe','replicas':1}}"), object);
    }

    @Test
    public void prunesUndeclaredFieldsUnlessTheSchemaPreservesThem() {
        ObjectNode object = parse("{'apiVersion':'x/v1','kind':'X','metadata':{'name':'n','labels':{'a':'b'}},'top':1,"
                + "'spec':{'mode':'Fast','typo':1,'labels':{'any':'thing'},'extra':{'kept':true,'free':{'form':1}},"
                + "'steps':[{'name':'a','later':2}]}}");
        assertEquals(List.of("top", "spec.typo", "spec.steps[0].later"), SCHEMA.unknownFields(object));
        SCHEMA.prune(object);
        assertEquals(parse("{'apiVersion':'x/v1','kind':'X','metadata':{'name':'n','labels':{'a':'b'}},"
                + "'spec':{'mode':'Fast','labels':{'any':'thing'},'extra':{'kept':true,'free':{'form':1}},"
                + "'steps':[{'name':'a'}]}}"), object);
    }

    @Test
    public void reportsTypesRequiredFieldsAndEnumsAsFieldErrors() {
        List<FieldError> errors = SCHEMA.validate(parse("{'spec':{'mode':'Slow','replicas':'two',"
                + "'ratio':2,'port':true,'labels':{'a':1},'steps':[{'pause':1.5}]}}"));
        assertEquals(List.of(
                "spec.mode: Unsupported value: \"Slow\": supported values: \"Fast\", \"Safe\"",
                "spec.replicas: Invalid value: \"string\": spec.replicas in body must be of type integer: \"string\"",
                "spec.port: Invalid value: \"boolean\": spec.port in body must be of type integer,string: \"boolean\"",
                "spec.labels.a: Invalid value: \"integer\": spec.labels.a in body must be of type string: \"integer\"",
                "spec.steps[0].name: Required value",
                "spec.steps[0].pause: Invalid value: \"number\": spec.steps[0].pause in body must be of type integer: \"number\""),
                errors.stream().map(Object::toString).toList());
        assertEquals("FieldValueRequired", SCHEMA.validate(parse("{'spec':{}}")).get(0).reason());
        assertEquals(List.of(), SCHEMA.validate(parse("{'spec':{'mode':'Fast','port':'http','ratio':0.5,'replicas':2.0}}")));
    }

    private static ObjectNode parse(String singleQuoted) {
        return (ObjectNode) Json.parse(singleQuoted.replace('\'', '"'));
    }
}
