package io.scimsync.standalone.bench;

import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Request bodies shaped like those of Microsoft Entra ID's provisioning service: the full user
 * of its initial cycle, a group without members, member additions, and attribute updates and
 * disables in both of its PATCH dialects (capitalised operations with one path each by default,
 * lower-case path-less replaces with {@code aadOptscim062020}). The made-up names use the
 * reserved {@code example} domain.
 */
final class EntraBodies {

    static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE_USER =
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private EntraBodies() {
    }

    static String userName(int tenant, int user) {
        return "user" + user + ".t" + tenant + "@bench.example";
    }

    static ObjectNode user(int tenant, int user) {
        ObjectNode body = BenchHttp.JSON.createObjectNode();
        body.putArray("schemas").add(CORE_USER).add(ENTERPRISE_USER);
        String userName = userName(tenant, user);
        body.put("externalId", "user" + user + "t" + tenant);
        body.put("userName", userName);
        body.put("active", true);
        body.put("displayName", "Bench User " + user);
        body.put("title", "Engineer");
        body.put("preferredLanguage", "en-US");
        body.putArray("emails").addObject()
                .put("primary", true).put("type", "work").put("value", userName);
        body.putObject("name").put("formatted", "Bench User" + user)
                .put("familyName", "User" + user).put("givenName", "Bench");
        body.putArray("addresses").addObject().put("type", "work").put("primary", false)
                .put("streetAddress", user + " Main St").put("locality", "Springfield")
                .put("region", "WA").put("postalCode", "98000").put("country", "US");
        body.putArray("phoneNumbers").addObject()
                .put("type", "work").put("primary", true).put("value", "555-0100");
        body.putObject(ENTERPRISE_USER).put("employeeNumber", "E" + user)
                .put("department", "R&D");
        body.putObject("meta").put("resourceType", "User");
        body.putArray("roles");
        return body;
    }

    static ObjectNode group(int tenant, int group) {
        ObjectNode body = BenchHttp.JSON.createObjectNode();
        body.putArray("schemas").add(CORE_GROUP);
        body.put("displayName", "Bench Group " + group);
        body.put("externalId", "group" + group + "t" + tenant);
        return body;
    }

    static ObjectNode addMembers(List<String> userIds) {
        return addMembers(userIds, false);
    }

    /** Adds members; the compliant dialect spells the operation {@code add}. */
    static ObjectNode addMembers(List<String> userIds, boolean compliantDialect) {
        ObjectNode body = patch();
        ArrayNode members = ((ObjectNode) body.withArray("Operations").addObject()
                .put("op", compliantDialect ? "add" : "Add").put("path", "members"))
                .putArray("value");
        for (String id : userIds) {
            members.addObject().putNull("$ref").put("value", id);
        }
        return body;
    }

    /**
     * Removes one member: the default dialect names it in the value, the compliant one in a
     * {@code members[value eq "..."]} path.
     */
    static ObjectNode removeMember(String userId, boolean compliantDialect) {
        ObjectNode body = patch();
        ObjectNode operation = body.withArray("Operations").addObject();
        if (compliantDialect) {
            operation.put("op", "remove").put("path", "members[value eq \"" + userId + "\"]");
        } else {
            operation.put("op", "Remove").put("path", "members").putArray("value").addObject()
                    .put("value", userId);
        }
        return body;
    }

    /** Replaces the title and the department, one capitalised operation per path. */
    static ObjectNode updateDefaultDialect(String title) {
        ObjectNode body = patch();
        ArrayNode operations = body.withArray("Operations");
        operations.addObject().put("op", "Replace").put("path", "title").put("value", title);
        operations.addObject().put("op", "Replace")
                .put("path", ENTERPRISE_USER + ":department").put("value", "Dept " + title);
        return body;
    }

    /** Replaces the title and the given name in one path-less, lower-case operation. */
    static ObjectNode updateCompliantDialect(String title) {
        ObjectNode body = patch();
        body.withArray("Operations").addObject().put("op", "replace").putObject("value")
                .put("title", title).put("name.givenName", "Given " + title);
        return body;
    }

    /**
     * Replaces the display name: one capitalised operation with a path in the default dialect,
     * a path-less lower-case {@code replace} in the compliant one.
     */
    static ObjectNode replaceDisplayName(String displayName, boolean compliantDialect) {
        ObjectNode body = patch();
        ObjectNode operation = body.withArray("Operations").addObject();
        if (compliantDialect) {
            operation.put("op", "replace").putObject("value").put("displayName", displayName);
        } else {
            operation.put("op", "Replace").put("path", "displayName").put("value", displayName);
        }
        return body;
    }

    /**
     * Sets {@code active}: the default dialect sends {@code "True"} or {@code "False"} as a
     * string, the compliant one a boolean.
     */
    static ObjectNode setActive(boolean active, boolean compliantDialect) {
        ObjectNode body = patch();
        ObjectNode operation = body.withArray("Operations").addObject()
                .put("op", compliantDialect ? "replace" : "Replace").put("path", "active");
        if (compliantDialect) {
            operation.put("value", active);
        } else {
            operation.put("value", active ? "True" : "False");
        }
        return body;
    }

    private static ObjectNode patch() {
        ObjectNode body = BenchHttp.JSON.createObjectNode();
        body.putArray("schemas").add(PATCH_OP);
        body.putArray("Operations");
        return body;
    }
}
