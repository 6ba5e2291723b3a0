package io.scimsync.standalone.e2e;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A case file: a named sequence of SCIM requests, each with the response it expects.
 *
 * @param name the case's name, used in failure messages
 * @param steps the requests in the order they are sent
 */
public record ScimCase(String name, List<Step> steps) {

    /**
     * One request and its expectations.
     *
     * @param name the step's name, or {@code <method> <path>} when the file gives none
     * @param method the HTTP method
     * @param path the request target under the SCIM base URL, with placeholders
     * @param body the JSON body with placeholders, a string node sent as written, or null for no
     *     body (a JSON {@code null} in the file is sent as the body {@code null})
     * @param headers headers to add or replace, with placeholders; a null node leaves the header out
     * @param token {@code default} (the tenant token), {@code none}, {@code bad} or a literal token
     * @param raw whether {@code path} is sent without percent-encoding
     * @param expect the checks of the response
     * @param capture variable names mapped to dotted paths into the response's JSON body
     */
    public record Step(String name, String method, String path, JsonNode body,
            Map<String, JsonNode> headers, String token, boolean raw, Expectation expect,
            Map<String, String> capture) {
    }

    /**
     * The checks of one response. An empty map or list checks nothing.
     *
     * @param statuses the accepted status codes, empty for any
     * @param json dotted paths mapped to the value they must match (see {@link JsonValues#matches})
     * @param jsonIgnoringCase dotted paths mapped to a string they must equal ignoring case
     * @param absent dotted paths, names compared exactly, that must not resolve
     * @param lengths dotted paths mapped to the length of the array they must lead to
     * @param contains dotted paths mapped to items that the array there must contain
     * @param headerPrefixes header names mapped to a prefix of the header's value
     * @param readsBody whether the file names any body check, even an empty one, so that a body
     *     that is not JSON is a problem
     */
    public record Expectation(List<Integer> statuses, Map<String, JsonNode> json,
            Map<String, JsonNode> jsonIgnoringCase, List<String> absent,
            Map<String, Integer> lengths, Map<String, List<JsonNode>> contains,
            Map<String, String> headerPrefixes, boolean readsBody) {
    }
}
