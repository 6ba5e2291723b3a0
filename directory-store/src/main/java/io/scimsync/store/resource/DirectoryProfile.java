package io.scimsync.store.resource;

import tools.jackson.databind.node.ObjectNode;

/**
 * A user's directory profile as the store keeps it beside the SCIM resource, with the version of
 * the tenant's mapping it was derived with, so that a re-derivation finds profiles derived with
 * an older mapping.
 *
 * @param fields the profile document, such as {@code {"principalName": "...", "active": true}}
 * @param mappingVersion the version of the tenant's mapping; 0 for the default mapping
 */
public record DirectoryProfile(ObjectNode fields, long mappingVersion) {
}
