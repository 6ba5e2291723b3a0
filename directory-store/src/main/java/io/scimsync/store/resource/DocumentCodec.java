package io.scimsync.store.resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts SCIM attributes to BSON and back. MongoDB field names cannot hold the dots of an
 * extension URN ({@code ...:enterprise:2.0:User}) nor start with {@code $} (as {@code $ref}
 * does), so names are escaped: {@code %} as {@code %25}, {@code .} as {@code %2E} and a leading
 * {@code $} as {@code %24}.
 */
public final class DocumentCodec {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DocumentCodec() {
    }

    public static Document toDocument(ObjectNode attributes) {
        return (Document) toBson(attributes, false);
    }

    /** The attributes with every string in lower case, for comparisons with {@code caseExact=false}. */
    public static Document toSearchDocument(ObjectNode attributes) {
        return (Document) toBson(attributes, true);
    }

    public static ObjectNode toAttributes(Document document) {
        return (ObjectNode) toJson(document);
    }

    public static String escapeName(String name) {
        String escaped = name.replace("%", "%25").replace(".", "%2E");
        return escaped.startsWith("$") ? "%24" + escaped.substring(1) : escaped;
    }

    public static String unescapeName(String name) {
        String unescaped = name.startsWith("%24") ? "$" + name.substring(3) : name;
        return unescaped.replace("%2E", ".").replace("%25", "%");
    }

    /** Lower-cases a value the way the search document does. */
    public static String fold(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    private static Object toBson(JsonNode node, boolean folded) {
        if (node.isObject()) {
            Document document = new Document();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                document.put(escapeName(field.getKey()), toBson(field.getValue(), folded));
            }
            return document;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.values().forEach(element -> list.add(toBson(element, folded)));
            return list;
        }
        return toBsonScalar(node, folded);
    }

    private static Object toBsonScalar(JsonNode node, boolean folded) {
        if (node.isString()) {
            return folded ? fold(node.stringValue()) : node.stringValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToInt() ? (Object) node.intValue() : (Object) node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return null;
    }

    private static JsonNode toJson(Object value) {
        if (value instanceof Document document) {
            ObjectNode object = NODES.objectNode();
            document.forEach((name, field) -> object.set(unescapeName(name), toJson(field)));
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(element -> array.add(toJson(element)));
            return array;
        }
        return toJsonScalar(value);
    }

    private static JsonNode toJsonScalar(Object value) {
        if (value instanceof String text) {
            return NODES.stringNode(text);
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        if (value instanceof Integer number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Long number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Number number) {
            return NODES.numberNode(number.doubleValue());
        }
        return NODES.nullNode();
    }
}
