package io.scimsync.standalone.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.scimsync.standalone.support.ScimClient;
import io.scimsync.standalone.support.ScimClient.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A batch of SCIM writes that were each acknowledged with a 2xx status, and the state they
 * must leave in the store: users, one group with members added by PATCH, and PATCHed user
 * attributes in both Entra dialects.
 */
final class AcknowledgedWrites {

    static final int USERS = 50;
    static final int MEMBERS = 20;
    static final int USER_PATCHES = 20;

    private static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final String ENTERPRISE =
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final int MEMBERS_PER_PATCH = 10;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record User(String id, String userName) {
    }

    record PatchedUser(String id, String displayName, String title, String department) {
    }

    private final String label;
    private final List<User> users = new ArrayList<>();
    private final List<PatchedUser> patchedUsers = new ArrayList<>();
    private String groupId;
    private String groupName;

    private AcknowledgedWrites(String label) {
        this.label = label;
    }

    /**
     * Creates {@value #USERS} users and a group, adds the first {@value #MEMBERS} users to it in
     * PATCHes of ten, then PATCHes displayName, title and department of the first
     * {@value #USER_PATCHES} users, one PATCH each, alternating the default dialect (one
     * operation per path) and the compliant one (one path-less replace).
     *
     * @param label distinguishes the names of this batch from other batches of the same tenant
     * @throws AssertionError when any write gets a status other than 2xx
     */
    static AcknowledgedWrites write(ScimClient scim, String label) {
        AcknowledgedWrites writes = new AcknowledgedWrites(label + "-" + randomSuffix());
        writes.createUsers(scim);
        writes.createGroup(scim);
        writes.addMembers(scim);
        writes.patchUsers(scim);
        return writes;
    }

    int writeCount() {
        return USERS + 1 + MEMBERS / MEMBERS_PER_PATCH + USER_PATCHES;
    }

    private void createUsers(ScimClient scim) {
        for (int i = 0; i < USERS; i++) {
            String userName = "restart." + label + "." + i + "@contoso.example";
            ObjectNode body = JSON.createObjectNode();
            body.putArray("schemas").add(USER_SCHEMA).add(ENTERPRISE);
            body.put("userName", userName).put("externalId", label + "-" + i).put("active", true)
                    .put("displayName", "User " + i);
            body.putObject("name").put("givenName", "User").put("familyName", "No" + i);
            body.putArray("emails").addObject().put("primary", true).put("type", "work")
                    .put("value", userName);
            body.putObject(ENTERPRISE).put("department", "Initial");
            Response created = acknowledged(scim.post("/Users", body.toString()), "POST /Users "
                    + userName);
            users.add(new User(created.json().path("id").asString(), userName));
        }
    }

    private void createGroup(ScimClient scim) {
        groupName = "Restart " + label;
        ObjectNode body = JSON.createObjectNode();
        body.putArray("schemas").add(GROUP_SCHEMA);
        body.put("displayName", groupName).put("externalId", UUID.randomUUID().toString());
        Response created = acknowledged(scim.post("/Groups", body.toString()), "POST /Groups");
        groupId = created.json().path("id").asString();
    }

    private void addMembers(ScimClient scim) {
        for (int from = 0; from < MEMBERS; from += MEMBERS_PER_PATCH) {
            ObjectNode patch = patchRequest();
            ObjectNode add = patch.putArray("Operations").addObject()
                    .put("op", "Add").put("path", "members");
            ArrayNode values = add.putArray("value");
            users.subList(from, from + MEMBERS_PER_PATCH)
                    .forEach(user -> values.addObject().putNull("$ref").put("value", user.id()));
            acknowledged(scim.patch("/Groups/" + groupId, patch.toString()),
                    "PATCH /Groups/" + groupId + " add members");
        }
    }

    private void patchUsers(ScimClient scim) {
        for (int i = 0; i < USER_PATCHES; i++) {
            PatchedUser patched = new PatchedUser(users.get(i).id(), "Patched " + label + " " + i,
                    "Title " + i, "Department " + i);
            ObjectNode patch = i % 2 == 0 ? defaultDialectPatch(patched) : compliantPatch(patched);
            acknowledged(scim.patch("/Users/" + patched.id(), patch.toString()),
                    "PATCH /Users/" + patched.id());
            patchedUsers.add(patched);
        }
    }

    private static ObjectNode defaultDialectPatch(PatchedUser patched) {
        ObjectNode patch = patchRequest();
        ArrayNode operations = patch.putArray("Operations");
        operations.addObject().put("op", "Replace").put("path", "displayName")
                .put("value", patched.displayName());
        operations.addObject().put("op", "Add").put("path", "title").put("value", patched.title());
        operations.addObject().put("op", "Replace").put("path", ENTERPRISE + ":department")
                .put("value", patched.department());
        return patch;
    }

    private static ObjectNode compliantPatch(PatchedUser patched) {
        ObjectNode patch = patchRequest();
        ObjectNode replace = patch.putArray("Operations").addObject().put("op", "replace");
        replace.putObject("value")
                .put("displayName", patched.displayName())
                .put("title", patched.title())
                .put(ENTERPRISE + ":department", patched.department());
        return patch;
    }

    private static ObjectNode patchRequest() {
        ObjectNode patch = JSON.createObjectNode();
        patch.putArray("schemas").add(PATCH_OP);
        return patch;
    }

    private static Response acknowledged(Response response, String request) {
        assertThat(response.status()).as("%s returned %s", request, response).isBetween(200, 299);
        return response;
    }

    /**
     * Reads every user by id and by {@code userName eq} filter, the group with its members and
     * the PATCHed attributes, and returns one line for each value that is not as written.
     */
    List<String> findMissing(ScimClient scim) {
        List<String> missing = new ArrayList<>();
        for (User user : users) {
            missing.addAll(checkById(scim, user));
            missing.addAll(checkByFilter(scim, user));
        }
        missing.addAll(checkGroup(scim));
        for (PatchedUser patched : patchedUsers) {
            missing.addAll(checkPatched(scim, patched));
        }
        return missing;
    }

    private List<String> checkById(ScimClient scim, User user) {
        Response read = scim.get("/Users/" + user.id());
        if (read.status() != 200) {
            return List.of("GET /Users/" + user.id() + " (" + user.userName() + ") returned " + read);
        }
        String userName = read.json().path("userName").asString();
        return userName.equals(user.userName()) ? List.of()
                : List.of("GET /Users/" + user.id() + " has userName " + userName + ", expected "
                        + user.userName());
    }

    private List<String> checkByFilter(ScimClient scim, User user) {
        String filter = "userName eq \"" + user.userName() + "\"";
        Response found = scim.get("/Users?" + ScimClient.filterQuery(filter));
        JsonNode list = found.json();
        boolean one = found.status() == 200 && list != null
                && list.path("totalResults").asInt(-1) == 1
                && user.id().equals(list.path("Resources").path(0).path("id").asString());
        return one ? List.of()
                : List.of("GET /Users?filter=" + filter + " returned " + found + ", expected "
                        + user.id() + " only");
    }

    private List<String> checkGroup(ScimClient scim) {
        Response read = scim.get("/Groups/" + groupId);
        if (read.status() != 200) {
            return List.of("GET /Groups/" + groupId + " returned " + read);
        }
        List<String> missing = new ArrayList<>();
        String displayName = read.json().path("displayName").asString();
        if (!groupName.equals(displayName)) {
            missing.add("group " + groupId + " has displayName " + displayName + ", expected "
                    + groupName);
        }
        Set<String> members = new HashSet<>();
        read.json().path("members").forEach(member -> members.add(member.path("value").asString()));
        Set<String> expected = new HashSet<>();
        users.subList(0, MEMBERS).forEach(user -> expected.add(user.id()));
        if (!members.equals(expected)) {
            Set<String> lacking = new HashSet<>(expected);
            lacking.removeAll(members);
            Set<String> extra = new HashSet<>(members);
            extra.removeAll(expected);
            missing.add("group " + groupId + " has " + members.size() + " members, expected "
                    + expected.size() + "; missing " + lacking + ", unexpected " + extra);
        }
        return missing;
    }

    private List<String> checkPatched(ScimClient scim, PatchedUser patched) {
        Response read = scim.get("/Users/" + patched.id());
        if (read.status() != 200) {
            return List.of("GET /Users/" + patched.id() + " returned " + read);
        }
        JsonNode user = read.json();
        PatchedUser actual = new PatchedUser(patched.id(), user.path("displayName").asString(),
                user.path("title").asString(), user.path(ENTERPRISE).path("department").asString());
        return actual.equals(patched) ? List.of()
                : List.of("user " + patched.id() + " is " + actual + ", expected " + patched);
    }

    private static String randomSuffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
