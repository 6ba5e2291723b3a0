package io.scimsync.store.resource;

import java.util.List;
import org.bson.Document;

/**
 * One index of a directory collection as {@link StoreIndexes} declares it.
 *
 * @param keys the key pattern, such as {@code {tenantId: 1, resourceId: 1}}
 * @param name the index name, or null for the name MongoDB derives from the keys
 */
public record IndexDeclaration(String collection, Document keys, boolean unique, String name) {

    /** The name MongoDB gives the implicit unique index on {@code _id}. */
    public static final String ID_INDEX = "_id_";

    /** Returns the key fields in index order. */
    public List<String> fields() {
        return List.copyOf(keys.keySet());
    }

    /** Returns the declared name, or the one MongoDB derives, such as {@code tenantId_1_resourceId_1}. */
    public String effectiveName() {
        if (name != null) {
            return name;
        }
        StringBuilder derived = new StringBuilder();
        keys.forEach((field, direction) -> derived.append(derived.isEmpty() ? "" : "_")
                .append(field).append('_').append(direction));
        return derived.toString();
    }
}
