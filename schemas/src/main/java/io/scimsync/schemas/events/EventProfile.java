package io.scimsync.schemas.events;

import java.util.Map;

/** A profile that user and group events carry, compared field by field to list what changed. */
public interface EventProfile {

    /**
     * Returns the profile's fields by JSON name, in the order of the contract. A field without a
     * value maps to null, and so does an empty list, so that both count as "no value".
     */
    Map<String, Object> fieldValues();
}
