package io.scimsync.store.profile;

import io.scimsync.schemas.profile.ProfileMapping;

/**
 * A tenant's profile mapping and its version, which every stored mapping change increments.
 *
 * @param version 0 for {@link ProfileMapping#DEFAULT} when the tenant has stored no mapping
 */
public record StoredMapping(ProfileMapping mapping, long version) {
}
