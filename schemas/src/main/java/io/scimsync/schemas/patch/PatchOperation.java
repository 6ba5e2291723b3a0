package io.scimsync.schemas.patch;

import tools.jackson.databind.JsonNode;

/**
 * One operation of a PATCH request, syntactically checked by {@link PatchRequestParser}.
 *
 * @param path the target path as the client sent it, trimmed; null for a path-less add or replace,
 *     whose value is an object of attributes
 * @param value the value as the client sent it; JSON null when the client sent {@code null}, Java
 *     null when the operation has no value (a remove)
 */
public record PatchOperation(PatchOp op, String path, JsonNode value) {

    public boolean hasPath() {
        return path != null;
    }
}
