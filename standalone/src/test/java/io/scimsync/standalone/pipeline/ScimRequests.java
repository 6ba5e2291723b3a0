package io.scimsync.standalone.pipeline;

/** Request bodies shared by the pipeline tests. */
final class ScimRequests {

    private ScimRequests() {
    }

    static String user(String userName) {
        return """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "userName": "%s", "active": true, "displayName": "Test User"}
                """.formatted(userName);
    }

    static String group(String displayName) {
        return """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
                 "displayName": "%s"}
                """.formatted(displayName);
    }

    static String replace(String path, String value) {
        return """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "Replace", "path": "%s", "value": "%s"}]}
                """.formatted(path, value);
    }

    static String addMember(String memberId) {
        return """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "Add", "path": "members", "value": [{"value": "%s"}]}]}
                """.formatted(memberId);
    }
}
