package io.scimsync.standalone.pipeline;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates malformed SCIM input from one {@link Random}: mutated request bodies, PATCH
 * operations, filters, list parameters and resource ids. The same seed gives the same input.
 * Every generated value comes with a short description for a failure message.
 */
final class MalformedInputs {

    static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    static final String SEARCH_REQUEST = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

    /** A URN that no schema defines, so the service keeps an object under it unchecked. */
    private static final String UNKNOWN_EXTENSION = "urn:example:fuzz:1.0:User";

    /** Jackson's default maximum nesting depth (jackson-core 3.1 {@code StreamReadConstraints}). */
    private static final int PARSER_MAX_DEPTH = 500;
    private static final int MAX_NESTING = 2_000;
    private static final int MAX_STRING_BYTES = 100_000;
    private static final int MAX_FILTER_CHARS = 4_096;
    private static final int MAX_ID_CHARS = 2_000;

    private static final String MARKER = "fuzz-marker-5e1f";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Kinds of body mutation. {@link #RANDOM_OPERATIONS} applies only to PATCH bodies. */
    enum Mutation {
        TRUNCATION, BYTE_FLIP, WRONG_TYPE, DEEP_NESTING, LONG_STRING, INVALID_UTF8,
        CONTROL_CHARACTER, UNKNOWN_ATTRIBUTE, RANDOM_OPERATIONS
    }

    /** A request body as sent, with the mutation that made it and a description of the change. */
    record Body(Mutation mutation, String description, byte[] bytes) {
    }

    /** A generated filter or id, with the way it was generated. */
    record Text(String variant, String value) {
    }

    /** A list parameter. A null value sends the name without a value. */
    record Parameter(String name, String value) {
    }

    /** One place in a JSON tree: a property of an object or an element of an array. */
    private record Slot(JsonNode container, String property, int index, String pointer) {

        JsonNode value() {
            return property != null ? container.get(property) : container.get(index);
        }

        void set(JsonNode value) {
            if (property != null) {
                ((ObjectNode) container).set(property, value);
            } else {
                ((ArrayNode) container).set(index, value);
            }
        }
    }

    private static final List<String> PATCH_OPERATIONS = List.of("add", "Add", "replace",
            "Replace", "REPLACE", "remove", "Remove", "move", "copy", "test", "", " add");

    private static final List<String> PATCH_PATHS = List.of("displayName", "name.givenName",
            "name.familyName", "active", "userName", "title", "externalId", "emails",
            "emails[type eq \"work\"].value", "emails[type eq \"work\"]",
            "emails[type eq \"work\"].value.extra", "addresses[type eq \"work\"].locality",
            "phoneNumbers[type eq \"work\" and primary eq true].value", "emails[value co \"x\"]",
            ENTERPRISE + ":manager", ENTERPRISE + ":department", CORE_USER + ":name.familyName",
            "members", "members[value eq", "members[value eq \"unknown\"]", "name..x", "[", "]",
            "emails[", "urn:x", "urn:", "id", "meta.created", "meta", "schemas", "groups",
            "x.y.z.w", "", " ", ".", "displayName[", "\u00e9", "members[value eq \"a\" or");

    private static final List<String> FILTER_ATTRIBUTES = List.of("userName", "displayName",
            "externalId", "id", "active", "title", "emails", "emails.value", "emails.type",
            "name.givenName", "name.familyName", "meta.created", "meta.lastModified",
            "meta.version", "members", "members.value", "groups.value", "urn:x",
            ENTERPRISE + ":department", ENTERPRISE + ":manager.value", CORE_USER + ":userName",
            "shoeSize", "a.b.c", "$ref", "emails[type eq \"work\"]", "123", "USERNAME", "x-y");

    private static final List<String> FILTER_OPERATORS = List.of("eq", "ne", "co", "sw", "ew",
            "gt", "ge", "lt", "le", "pr", "EQ", "Sw", "eq eq", "===", "like");

    private static final List<String> FILTER_LOGIC = List.of("and", "or", "not", "AND", "Or",
            "not not", "and or");

    private static final List<String> FILTER_VALUES = List.of("\"x\"", "\"\"", "\"a\\\"b\"",
            "\"unterminated", "true", "false", "null", "42", "-1.5e10", "1e999",
            "2011-05-13T04:42:34Z", "\"2011-05-13T04:42:34Z\"", "\"\\u0000\"", "\"\\ud800\"",
            "'single'", "\"\u00fc\"", "\"%\"", "\"\\\"", "\"\\\\\"", "\"*\"", "\"\\x\"", "W/\"1\"");

    private static final List<String> FILTER_PUNCTUATION = List.of("(", ")", "[", "]", "\"", ".",
            ",", "\\", "  ", "\t", "{", "}", ":", "/");

    private static final List<String> ID_PIECES = List.of("..", ".", "%2e", "%2E%2e", "%2e%2e",
            "%00", "%20", "+", "%2F", "%5C", "%25", "%3F", "%23", ";", ";jsessionid=x", "%3B",
            ":", "@", "~", "!", "$", "&", "'", "(", ")", "*", ",", "=", "%ff", "%c0%ae",
            "%e2%80%ae", "%ef%bb%bf", "%0a", "%0d%0a", "%09", "%7B%7D", "a", "Users", "null",
            "-1", "0", "/", "%C3%A9", "%F0%9F%98%80", "%EF%BF%BF", "%E4%B8%AD");

    private static final List<String> LIST_PARAMETER_NAMES = List.of("startIndex", "count",
            "sortBy", "sortOrder", "attributes", "excludedAttributes", "unknown", "COUNT", "");

    private static final List<String> INTEGERS = List.of("-1", "0", "1", "2", "200", "201",
            "2147483647", "2147483648", "-2147483649", "99999999999999999999", "1.5", "1e3", " 1",
            "+1", "0x10", "", "abc", "\uff11", "\u0663", "1 ", "--1", "NaN", "null");

    private static final List<String> SORT_BY = List.of("userName", "displayName",
            "name.givenName", "emails", "emails.value", "meta.created", "meta.lastModified", "id",
            "externalId", "members", "members.value", "shoeSize", "", CORE_USER + ":userName",
            ENTERPRISE + ":manager", "emails[type eq \"work\"].value", "name..x", "[",
            "userName desc", "groups", "urn:x", "meta", "active");

    private static final List<String> SORT_ORDERS = List.of("ascending", "descending",
            "ASCENDING", "Descending", "", "up", "desc", "asc", "ascending,descending",
            " ascending");

    private static final List<String> ATTRIBUTES = List.of("userName", "name.givenName",
            "emails.value", ENTERPRISE, ENTERPRISE + ":manager", "members", "members.value", ",",
            ",,", "userName,,id", "", " ", "[", "meta.version", "emails[type eq \"work\"]",
            "shoeSize", "id,meta", "schemas", "groups", "urn:x", "USERNAME",
            String.join(",", Collections.nCopies(200, "userName")));

    private final Random random;
    private int nameCounter;

    MalformedInputs(Random random) {
        this.random = random;
    }

    /** Returns a name not generated before by this instance, for userName or displayName. */
    String freshName() {
        nameCounter++;
        return "fuzz." + nameCounter + "." + Integer.toHexString(random.nextInt());
    }

    ObjectNode user(String managerId) {
        String userName = freshName() + "@contoso.example";
        ObjectNode user = NODES.objectNode();
        user.putArray("schemas").add(CORE_USER).add(ENTERPRISE);
        user.put("externalId", freshName());
        user.put("userName", userName);
        user.put("active", true);
        user.put("displayName", "Fuzz User");
        user.put("title", "Engineer");
        user.put("preferredLanguage", "en-US");
        user.putArray("emails").addObject()
                .put("primary", true).put("type", "work").put("value", userName);
        user.putObject("name")
                .put("formatted", "Fuzz User").put("familyName", "User").put("givenName", "Fuzz");
        user.putArray("addresses").addObject().put("type", "work").put("primary", false)
                .put("streetAddress", "1 Main St").put("locality", "Springfield")
                .put("region", "WA").put("postalCode", "98000").put("country", "US");
        user.putArray("phoneNumbers").addObject()
                .put("type", "work").put("primary", true).put("value", "555-0100");
        ObjectNode enterprise = user.putObject(ENTERPRISE);
        enterprise.put("employeeNumber", "E1001").put("department", "R&D");
        enterprise.putObject("manager").put("value", managerId);
        user.putObject("meta").put("resourceType", "User");
        user.putArray("roles");
        return user;
    }

    ObjectNode group(String memberId) {
        ObjectNode group = NODES.objectNode();
        group.putArray("schemas").add(CORE_GROUP);
        group.put("externalId", freshName());
        group.put("displayName", freshName());
        group.putArray("members").addObject().put("value", memberId);
        return group;
    }

    ObjectNode userPatch() {
        return patch(List.of(
                operation("Replace", "emails[type eq \"work\"].value",
                        NODES.stringNode(freshName() + "@contoso.example")),
                operation("Replace", "name.givenName", NODES.stringNode("Fuzzed")),
                operation("Add", ENTERPRISE + ":costCenter", NODES.stringNode("CC-7"))));
    }

    ObjectNode groupPatch(String memberId) {
        ArrayNode members = NODES.arrayNode();
        members.addObject().put("value", memberId);
        return patch(List.of(
                operation("Replace", "displayName", NODES.stringNode(freshName())),
                operation("Add", "members", members)));
    }

    /** Returns {@code valid} changed by one random mutation; PATCH bodies also get operations. */
    Body mutate(ObjectNode valid, boolean isPatch, String memberId) {
        Mutation[] mutations = Mutation.values();
        int choices = isPatch ? mutations.length : mutations.length - 1;
        Mutation mutation = mutations[random.nextInt(choices)];
        ObjectNode tree = valid.deepCopy();
        return switch (mutation) {
            case TRUNCATION -> truncate(bytes(tree));
            case BYTE_FLIP -> flipBytes(bytes(tree));
            case WRONG_TYPE -> wrongType(tree);
            case DEEP_NESTING -> deepNesting(tree);
            case LONG_STRING -> longString(tree);
            case INVALID_UTF8 -> invalidUtf8(tree);
            case CONTROL_CHARACTER -> controlCharacter(tree);
            case UNKNOWN_ATTRIBUTE -> unknownAttribute(tree);
            case RANDOM_OPERATIONS -> randomOperations(memberId);
        };
    }

    private Body truncate(byte[] body) {
        int length = random.nextInt(body.length);
        byte[] cut = Arrays.copyOf(body, length);
        return new Body(Mutation.TRUNCATION,
                "cut to " + length + " of " + body.length + " bytes", cut);
    }

    private Body flipBytes(byte[] body) {
        byte[] flipped = body.clone();
        List<String> changes = new ArrayList<>();
        int flips = 1 + random.nextInt(3);
        for (int i = 0; i < flips; i++) {
            int position = random.nextInt(flipped.length);
            byte replacement = (byte) (flipped[position] ^ (1 + random.nextInt(255)));
            changes.add("byte " + position + " 0x" + hex(flipped[position]) + "->0x"
                    + hex(replacement));
            flipped[position] = replacement;
        }
        return new Body(Mutation.BYTE_FLIP, String.join(", ", changes), flipped);
    }

    private Body wrongType(ObjectNode tree) {
        if (random.nextInt(12) == 0) {
            JsonNode root = pick(wrongValues(tree));
            return new Body(Mutation.WRONG_TYPE, "body replaced by " + root, bytes(root));
        }
        Slot slot = pick(slots(tree));
        JsonNode replacement = pick(wrongValues(slot.value()));
        slot.set(replacement);
        return new Body(Mutation.WRONG_TYPE, slot.pointer() + " = " + replacement, bytes(tree));
    }

    private Body deepNesting(ObjectNode tree) {
        String style = pick(List.of("arrays", "objects", "mixed", "unclosed arrays"));
        String where;
        if (random.nextBoolean()) {
            tree.putObject(UNKNOWN_EXTENSION).put("data", MARKER);
            where = "/" + UNKNOWN_EXTENSION + "/data";
        } else {
            Slot slot = pick(slots(tree));
            slot.set(NODES.stringNode(MARKER));
            where = slot.pointer();
        }
        int depth = nestingDepth(where.split("/").length - 1);
        byte[] nested = nested(style, depth).getBytes(StandardCharsets.US_ASCII);
        return new Body(Mutation.DEEP_NESTING, depth + " levels of " + style + " at " + where,
                splice(bytes(tree), nested));
    }

    /**
     * Returns a nesting depth: shallow, up to {@link #MAX_NESTING}, or one that makes the whole
     * document one level less than, exactly or one level more than {@link #PARSER_MAX_DEPTH}
     * deep when placed inside {@code containers} objects and arrays.
     */
    private int nestingDepth(int containers) {
        return switch (random.nextInt(4)) {
            case 0 -> 1 + random.nextInt(64);
            case 1 -> 1 + random.nextInt(MAX_NESTING);
            default -> Math.max(1, PARSER_MAX_DEPTH - containers - 1 + random.nextInt(3));
        };
    }

    private static String nested(String style, int depth) {
        return switch (style) {
            case "arrays" -> "[".repeat(depth) + "]".repeat(depth);
            case "objects" -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            case "mixed" -> "[{\"a\":".repeat(depth / 2) + (depth % 2 == 1 ? "[]" : "1")
                    + "}]".repeat(depth / 2);
            default -> "[".repeat(depth);
        };
    }

    private Body longString(ObjectNode tree) {
        String unit = pick(List.of("a", "\u00e9", "\u4e2d", "\ud83d\ude00", "\\\"", "\\u0041"));
        int bytes = 1_000 + random.nextInt(MAX_STRING_BYTES - 1_000);
        int unitBytes = unit.getBytes(StandardCharsets.UTF_8).length;
        String text = unit.repeat(Math.max(1, bytes / unitBytes));
        String what = text.length() + " x '" + unit + "'";
        int choice = random.nextInt(4);
        if (choice == 0) {
            tree.put(MARKER, "x");
            return new Body(Mutation.LONG_STRING, "attribute name of " + what,
                    splice(bytes(tree), quoted(text)));
        }
        if (choice == 1) {
            String digits = "9".repeat(1 + random.nextInt(2_000));
            Slot slot = pick(slots(tree));
            slot.set(NODES.stringNode(MARKER));
            byte[] number = digits.getBytes(StandardCharsets.US_ASCII);
            return new Body(Mutation.LONG_STRING, "number of " + digits.length() + " digits at "
                    + slot.pointer(), splice(bytes(tree), number));
        }
        Slot slot = pick(stringSlots(tree));
        slot.set(NODES.stringNode(MARKER));
        return new Body(Mutation.LONG_STRING, "string of " + what + " at " + slot.pointer(),
                splice(bytes(tree), quoted(text)));
    }

    private Body invalidUtf8(ObjectNode tree) {
        byte[] invalid = pick(List.of(
                new byte[] {(byte) 0xC3, 0x28},
                new byte[] {(byte) 0xA0, (byte) 0xA1},
                new byte[] {(byte) 0xE2, 0x28, (byte) 0xA1},
                new byte[] {(byte) 0xF0, 0x28, (byte) 0x8C, (byte) 0xBC},
                new byte[] {(byte) 0xFF},
                new byte[] {(byte) 0xFE, (byte) 0xFF},
                new byte[] {(byte) 0xC0, (byte) 0x80},
                new byte[] {(byte) 0xC0, (byte) 0xAE},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0xE2, (byte) 0x82}));
        return insertInString(tree, Mutation.INVALID_UTF8, invalid,
                "bytes " + HexFormat.ofDelimiter(" ").formatHex(invalid));
    }

    private Body controlCharacter(ObjectNode tree) {
        if (random.nextBoolean()) {
            int code = random.nextInt(3) == 0 ? 0x7F : random.nextInt(0x20);
            return insertInString(tree, Mutation.CONTROL_CHARACTER, new byte[] {(byte) code},
                    "raw byte 0x" + hex((byte) code));
        }
        String escape = pick(List.of("\\u0000", "\\u0001", "\\u001f", "\\u007f", "\\u0085",
                "\\u2028", "\\ufeff", "\\ud800", "\\udfff", "\\ud83d\\ude00", "\\n", "\\t", "\\b"));
        return insertInString(tree, Mutation.CONTROL_CHARACTER,
                escape.getBytes(StandardCharsets.US_ASCII), "escape " + escape);
    }

    /** Puts {@code raw} in the middle of a string value or of a new attribute name. */
    private Body insertInString(ObjectNode tree, Mutation mutation, byte[] raw, String what) {
        if (random.nextInt(4) == 0) {
            tree.put(MARKER, "x");
            return new Body(mutation, what + " in an attribute name",
                    splice(bytes(tree), quoted("na", raw, "me")));
        }
        Slot slot = pick(stringSlots(tree));
        String text = slot.value().asString();
        int cut = random.nextInt(text.length() + 1);
        slot.set(NODES.stringNode(MARKER));
        byte[] value = quoted(escaped(text.substring(0, cut)), raw, escaped(text.substring(cut)));
        return new Body(mutation, what + " in " + slot.pointer(), splice(bytes(tree), value));
    }

    private Body unknownAttribute(ObjectNode tree) {
        String name = pick(List.of("shoeSize", "userName2", "name.givenName", "emails.value",
                "urn:x", "urn:x:y", UNKNOWN_EXTENSION, CORE_USER + ":nickName",
                CORE_USER + ":shoeSize", ENTERPRISE + ":shoeSize", ENTERPRISE + ":department",
                "urn:ietf:params:scim:api:messages:2.0:Error", CORE_GROUP, CORE_USER,
                "$ref", "", " ", "ID", "Meta", "USERNAME", "DisplayName", "\u00e9", "a".repeat(300),
                "members", "groups", "operations"));
        JsonNode value = pick(anyValues());
        String schemas = "";
        if (random.nextInt(5) == 0) {
            String urn = pick(List.of("urn:x", UNKNOWN_EXTENSION, CORE_GROUP, PATCH_OP, "",
                    "urn:ietf:params:scim:schemas:extension:unknown:2.0:User"));
            tree.withArray("schemas").add(urn);
            schemas = "schemas + \"" + urn + "\", ";
        }
        ObjectNode parent = tree;
        String where = "/";
        List<Slot> objects = objectSlots(tree);
        if (!objects.isEmpty() && random.nextBoolean()) {
            Slot slot = pick(objects);
            parent = (ObjectNode) slot.value();
            where = slot.pointer() + "/";
        }
        parent.set(name, value);
        return new Body(Mutation.UNKNOWN_ATTRIBUTE,
                schemas + where + excerpt(name) + " = " + value, bytes(tree));
    }

    private Body randomOperations(String memberId) {
        ArrayNode operations = NODES.arrayNode();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            operations.add(randomOperation(memberId));
        }
        ObjectNode patch = NODES.objectNode();
        if (random.nextInt(10) != 0) {
            patch.putArray("schemas").add(PATCH_OP);
        } else {
            patch.set("schemas", pick(List.of(NODES.arrayNode(), NODES.stringNode(PATCH_OP),
                    NODES.arrayNode().add(CORE_USER), NODES.nullNode())));
        }
        String key = random.nextInt(10) != 0 ? "Operations" : pick(List.of("operations", "Ops"));
        JsonNode value = random.nextInt(15) != 0 ? operations
                : pick(List.of(NODES.arrayNode(), NODES.objectNode(), NODES.nullNode(),
                        operations.get(0)));
        patch.set(key, value);
        return new Body(Mutation.RANDOM_OPERATIONS, excerpt(patch.toString()), bytes(patch));
    }

    private ObjectNode randomOperation(String memberId) {
        if (random.nextInt(6) == 0) {
            return operation(pick(List.of("add", "replace")), nestedValueFilterPath(),
                    NODES.stringNode(freshName() + "@contoso.example"));
        }
        ObjectNode operation = NODES.objectNode();
        if (random.nextInt(10) != 0) {
            operation.put("op", pick(PATCH_OPERATIONS));
        } else if (random.nextBoolean()) {
            operation.set("op", pick(List.of(NODES.numberNode(1), NODES.booleanNode(true),
                    NODES.nullNode(), NODES.arrayNode().add("add"))));
        }
        if (random.nextInt(4) != 0) {
            String path = pick(PATCH_PATHS);
            if (path.startsWith("members[value eq \"unknown")) {
                path = "members[value eq \"" + memberId + "\"]";
            }
            operation.put("path", path);
        } else if (random.nextInt(3) == 0) {
            operation.set("path", pick(List.of(NODES.numberNode(5), NODES.nullNode(),
                    NODES.arrayNode().add("displayName"))));
        }
        if (random.nextInt(4) != 0) {
            operation.set("value", pick(patchValues(memberId)));
        }
        return operation;
    }

    /**
     * Returns a path whose value filter nests parentheses a few levels deep or 1,500 to
     * {@link #MAX_NESTING} levels deep, closed or not.
     */
    private String nestedValueFilterPath() {
        int depth = random.nextBoolean() ? 1 + random.nextInt(64)
                : MAX_NESTING * 3 / 4 + random.nextInt(MAX_NESTING / 4);
        String closing = random.nextInt(3) == 0 ? "" : ")".repeat(depth) + "].value";
        return "emails[" + "(".repeat(depth) + "type eq \"work\"" + closing;
    }

    private List<JsonNode> patchValues(String memberId) {
        List<JsonNode> values = new ArrayList<>(anyValues());
        values.add(NODES.stringNode(freshName()));
        values.add(NODES.stringNode("False"));
        values.add(NODES.stringNode("True"));
        values.add(NODES.arrayNode().add(NODES.objectNode().put("value", memberId)));
        values.add(NODES.arrayNode().add(NODES.objectNode().put("value", "not-a-member")));
        values.add(NODES.objectNode().put("displayName", freshName()));
        values.add(NODES.objectNode().put("active", "False"));
        values.add(NODES.objectNode().put("name.givenName", "x"));
        values.add(NODES.objectNode().put(ENTERPRISE + ":department", "x"));
        values.add(NODES.objectNode().set(ENTERPRISE, NODES.objectNode().put("manager", "x")));
        values.add(NODES.objectNode().put("emails[type eq \"work\"].value", "x"));
        values.add(NODES.objectNode().put("userName", freshName()));
        values.add(NODES.objectNode().put("id", "x"));
        values.add(NODES.objectNode().set("members",
                NODES.arrayNode().add(NODES.objectNode().put("value", memberId))));
        values.add(NODES.objectNode().put("primary", true).put("value", "x"));
        return values;
    }

    /** Returns a random filter: a token sequence, a broken valid filter or a long one. */
    Text filter() {
        int style = random.nextInt(20);
        Text filter;
        if (style < 11) {
            filter = new Text("token sequence", tokenSequence());
        } else if (style < 17) {
            filter = new Text("broken valid filter", breakFilter(validFilter(3)));
        } else {
            filter = new Text("long filter", longFilter());
        }
        if (random.nextInt(4) != 0 || filter.value().isEmpty()) {
            return filter;
        }
        int length = random.nextInt(filter.value().length());
        return new Text(filter.variant() + ", truncated", filter.value().substring(0, length));
    }

    private String tokenSequence() {
        StringBuilder filter = new StringBuilder();
        int tokens = 1 + random.nextInt(24);
        for (int i = 0; i < tokens; i++) {
            List<String> pool = switch (random.nextInt(5)) {
                case 0 -> FILTER_ATTRIBUTES;
                case 1 -> FILTER_OPERATORS;
                case 2 -> FILTER_LOGIC;
                case 3 -> FILTER_VALUES;
                default -> FILTER_PUNCTUATION;
            };
            filter.append(pick(pool)).append(random.nextInt(5) == 0 ? "" : " ");
        }
        return filter.toString().strip();
    }

    private String validFilter(int depth) {
        int choice = depth == 0 ? 0 : random.nextInt(5);
        return switch (choice) {
            case 0 -> comparison();
            case 1 -> validFilter(depth - 1) + " " + pick(List.of("and", "or")) + " "
                    + validFilter(depth - 1);
            case 2 -> "not (" + validFilter(depth - 1) + ")";
            case 3 -> "(" + validFilter(depth - 1) + ")";
            default -> "emails[type eq \"work\" and " + comparison() + "]";
        };
    }

    private String comparison() {
        String attribute = pick(FILTER_ATTRIBUTES.subList(0, 17));
        String operator = pick(FILTER_OPERATORS.subList(0, 10));
        return operator.equals("pr") ? attribute + " pr"
                : attribute + " " + operator + " " + pick(FILTER_VALUES.subList(0, 3));
    }

    /** Deletes, duplicates or inserts one character of {@code filter}. */
    private String breakFilter(String filter) {
        int position = random.nextInt(filter.length());
        return switch (random.nextInt(3)) {
            case 0 -> filter.substring(0, position) + filter.substring(position + 1);
            case 1 -> filter.substring(0, position) + filter.charAt(position)
                    + filter.substring(position);
            default -> filter.substring(0, position) + pick(FILTER_PUNCTUATION)
                    + filter.substring(position);
        };
    }

    private String longFilter() {
        int length = 256 + random.nextInt(MAX_FILTER_CHARS - 256);
        int parentheses = length / 2 - 16;
        String filter = switch (random.nextInt(7)) {
            case 0 -> repeatUntil(length, "userName eq \"x\" or ", "userName eq \"y\"");
            case 1 -> "(".repeat(parentheses) + "active pr" + ")".repeat(parentheses);
            case 2 -> repeatUntil(length, "not (", "active pr");
            case 3 -> "userName eq \"" + "a".repeat(length - 15) + "\"";
            case 4 -> "a".repeat(length - 7) + " eq \"x\"";
            case 5 -> repeatUntil(length, "emails[type eq \"work\" and value sw \"a\"] and ",
                    "active pr");
            default -> "userName eq \"\\\\\" or " + "(".repeat(parentheses) + "active pr"
                    + ")".repeat(parentheses);
        };
        return filter.length() > MAX_FILTER_CHARS ? filter.substring(0, MAX_FILTER_CHARS) : filter;
    }

    private static String repeatUntil(int length, String piece, String end) {
        return piece.repeat(Math.max(1, (length - end.length()) / piece.length())) + end;
    }

    /** Returns one to five random list parameters. */
    List<Parameter> listParameters() {
        List<Parameter> parameters = new ArrayList<>();
        int count = 1 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            parameters.add(listParameter());
        }
        return parameters;
    }

    private Parameter listParameter() {
        String name = pick(LIST_PARAMETER_NAMES);
        String value = switch (name) {
            case "startIndex", "count", "COUNT" -> pick(INTEGERS);
            case "sortBy" -> random.nextInt(10) == 0 ? nestedValueFilterPath() : pick(SORT_BY);
            case "sortOrder" -> pick(SORT_ORDERS);
            default -> random.nextInt(10) == 0 ? nestedValueFilterPath() : pick(ATTRIBUTES);
        };
        return new Parameter(name, random.nextInt(15) == 0 ? null : value);
    }

    /** Returns {@code parameters} as a query string, percent-encoded. */
    static String queryString(List<Parameter> parameters) {
        List<String> pairs = new ArrayList<>();
        for (Parameter parameter : parameters) {
            pairs.add(parameter.value() == null ? parameter.name()
                    : parameter.name() + "=" + percentEncoded(parameter.value()));
        }
        return String.join("&", pairs);
    }

    /**
     * Returns a search request (RFC 7644 §3.4.3) of {@code parameters}: integers as JSON numbers
     * where they parse, attribute lists as arrays or as one string, a name alone as null.
     */
    ObjectNode searchRequest(List<Parameter> parameters) {
        ObjectNode search = NODES.objectNode();
        search.putArray("schemas").add(SEARCH_REQUEST);
        for (Parameter parameter : parameters) {
            search.set(parameter.name(), searchValue(parameter));
        }
        return search;
    }

    private JsonNode searchValue(Parameter parameter) {
        String value = parameter.value();
        if (value == null) {
            return NODES.nullNode();
        }
        if (INTEGERS.contains(value) && value.matches("-?[0-9]+")) {
            return NODES.numberNode(new BigInteger(value));
        }
        if (parameter.name().endsWith("ttributes") && random.nextBoolean()) {
            ArrayNode names = NODES.arrayNode();
            for (String name : value.split(",", -1)) {
                names.add(name);
            }
            return names;
        }
        return NODES.stringNode(value);
    }

    static String percentEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Returns a percent-encoded path segment of random pieces: dot segments, encoded dots, NUL,
     * slashes and spaces, UTF-8 and invalid UTF-8 escapes, or a very long id.
     */
    Text idSegment() {
        if (random.nextInt(8) == 0) {
            String piece = pick(List.of("a", "%2e", "%C3%A9", "."));
            String id = piece.repeat(1 + random.nextInt(MAX_ID_CHARS / piece.length()));
            return new Text("long id", id);
        }
        StringBuilder id = new StringBuilder();
        int pieces = 1 + random.nextInt(8);
        for (int i = 0; i < pieces; i++) {
            id.append(random.nextInt(4) == 0 ? randomUnicode() : pick(ID_PIECES));
        }
        return new Text("id of pieces", id.toString());
    }

    private String randomUnicode() {
        int codePoint;
        do {
            codePoint = random.nextInt(0x110000);
        } while (codePoint >= 0xD800 && codePoint <= 0xDFFF);
        return percentEncoded(Character.toString(codePoint));
    }

    private static ObjectNode patch(List<ObjectNode> operations) {
        ObjectNode patch = NODES.objectNode();
        patch.putArray("schemas").add(PATCH_OP);
        ArrayNode list = patch.putArray("Operations");
        operations.forEach(list::add);
        return patch;
    }

    private static ObjectNode operation(String op, String path, JsonNode value) {
        ObjectNode operation = NODES.objectNode().put("op", op).put("path", path);
        operation.set("value", value);
        return operation;
    }

    /** Values of every JSON type other than the type of {@code current}. */
    private List<JsonNode> wrongValues(JsonNode current) {
        List<JsonNode> values = new ArrayList<>();
        for (JsonNode candidate : anyValues()) {
            if (candidate.getNodeType() != current.getNodeType()) {
                values.add(candidate);
            }
        }
        return values;
    }

    private static List<JsonNode> anyValues() {
        return List.of(NODES.numberNode(0), NODES.numberNode(42), NODES.numberNode(-1),
                NODES.numberNode(3.5), NODES.numberNode(1e308),
                NODES.numberNode(new BigInteger("123456789012345678901234567890")),
                NODES.arrayNode(), NODES.arrayNode().add("x"), NODES.arrayNode().add(1).add(2),
                NODES.arrayNode().addNull(), NODES.arrayNode().add(NODES.objectNode()),
                NODES.objectNode(), NODES.objectNode().put("value", "x"),
                NODES.objectNode().put("value", 1), NODES.nullNode(), NODES.booleanNode(true),
                NODES.booleanNode(false), NODES.stringNode("true"), NODES.stringNode("False"),
                NODES.stringNode(""), NODES.stringNode("42"), NODES.stringNode("null"),
                NODES.stringNode("x"));
    }

    private static List<Slot> slots(JsonNode root) {
        List<Slot> slots = new ArrayList<>();
        collectSlots(root, "", slots);
        return slots;
    }

    private static void collectSlots(JsonNode node, String pointer, List<Slot> slots) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                String child = pointer + "/" + property.getKey();
                slots.add(new Slot(node, property.getKey(), -1, child));
                collectSlots(property.getValue(), child, slots);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                slots.add(new Slot(node, null, i, pointer + "/" + i));
                collectSlots(node.get(i), pointer + "/" + i, slots);
            }
        }
    }

    private static List<Slot> stringSlots(JsonNode root) {
        return slots(root).stream().filter(slot -> slot.value().isString()).toList();
    }

    private static List<Slot> objectSlots(JsonNode root) {
        return slots(root).stream().filter(slot -> slot.value().isObject()).toList();
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static byte[] bytes(JsonNode node) {
        return JSON.writeValueAsBytes(node);
    }

    /** Replaces the quoted {@link #MARKER} in {@code body} with {@code replacement}. */
    private static byte[] splice(byte[] body, byte[] replacement) {
        String text = new String(body, StandardCharsets.UTF_8);
        int at = text.indexOf("\"" + MARKER + "\"");
        int start = text.substring(0, at).getBytes(StandardCharsets.UTF_8).length;
        int end = start + MARKER.length() + 2;
        ByteArrayOutputStream spliced = new ByteArrayOutputStream();
        spliced.write(body, 0, start);
        spliced.writeBytes(replacement);
        spliced.write(body, end, body.length - end);
        return spliced.toByteArray();
    }

    private static byte[] quoted(String text) {
        return ("\"" + text + "\"").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] quoted(String before, byte[] raw, String after) {
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        value.writeBytes(("\"" + before).getBytes(StandardCharsets.UTF_8));
        value.writeBytes(raw);
        value.writeBytes((after + "\"").getBytes(StandardCharsets.UTF_8));
        return value.toByteArray();
    }

    /** Returns {@code text} as it appears between the quotes of a JSON string. */
    private static String escaped(String text) {
        String json = JSON.writeValueAsString(NODES.stringNode(text));
        return json.substring(1, json.length() - 1);
    }

    private static String hex(byte value) {
        return HexFormat.of().toHexDigits(value);
    }

    private static String excerpt(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "... (" + text.length()
                + " chars)";
    }
}
