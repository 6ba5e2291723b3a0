package io.scimsync.schemas.model;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Reads and writes schema definitions in the JSON form of RFC 7643 §7. */
final class SchemaJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SchemaJson() {
    }

    static ObjectNode write(SchemaDefinition schema) {
        ObjectNode json = NODES.objectNode();
        json.put("id", schema.id());
        json.put("name", schema.name());
        json.put("description", schema.description());
        ArrayNode attributes = json.putArray("attributes");
        schema.attributes().forEach(attribute -> attributes.add(write(attribute)));
        return json;
    }

    static ObjectNode write(AttributeDefinition attribute) {
        ObjectNode json = NODES.objectNode();
        json.put("name", attribute.name());
        json.put("type", attribute.type().wireName());
        json.put("multiValued", attribute.multiValued());
        json.put("description", attribute.description());
        json.put("required", attribute.required());
        writeStrings(json, "canonicalValues", attribute.canonicalValues());
        json.put("caseExact", attribute.caseExact());
        json.put("mutability", attribute.mutability().wireName());
        json.put("returned", attribute.returned().wireName());
        json.put("uniqueness", attribute.uniqueness().wireName());
        writeStrings(json, "referenceTypes", attribute.referenceTypes());
        writeSubAttributes(json, attribute.subAttributes());
        return json;
    }

    private static void writeStrings(ObjectNode json, String field, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = json.putArray(field);
            values.forEach(array::add);
        }
    }

    private static void writeSubAttributes(ObjectNode json, List<AttributeDefinition> subs) {
        if (!subs.isEmpty()) {
            ArrayNode array = json.putArray("subAttributes");
            subs.forEach(sub -> array.add(write(sub)));
        }
    }

    static SchemaDefinition readSchema(JsonNode json) {
        String id = requiredText(json, "id", "schema");
        List<AttributeDefinition> attributes = new ArrayList<>();
        json.path("attributes").forEach(attribute -> attributes.add(readAttribute(attribute)));
        String name = json.path("name").asString("");
        return new SchemaDefinition(id, name, json.path("description").asString(""), attributes);
    }

    static AttributeDefinition readAttribute(JsonNode json) {
        String name = requiredText(json, "name", "attribute");
        List<AttributeDefinition> subs = new ArrayList<>();
        json.path("subAttributes").forEach(sub -> subs.add(readAttribute(sub)));
        return new AttributeDefinition(
                name,
                AttributeType.fromWireName(json.path("type").asString("string")),
                json.path("multiValued").asBoolean(false),
                json.path("description").asString(""),
                json.path("required").asBoolean(false),
                json.path("caseExact").asBoolean(false),
                Mutability.fromWireName(json.path("mutability").asString("readWrite")),
                Returned.fromWireName(json.path("returned").asString("default")),
                Uniqueness.fromWireName(json.path("uniqueness").asString("none")),
                readStrings(json.path("canonicalValues")),
                readStrings(json.path("referenceTypes")),
                subs);
    }

    private static List<String> readStrings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static String requiredText(JsonNode json, String field, String definitionKind) {
        JsonNode value = json.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            throw new IllegalArgumentException(
                    definitionKind + " definition has no '" + field + "'");
        }
        return value.asString();
    }
}
