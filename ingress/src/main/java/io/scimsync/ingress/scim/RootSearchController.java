package io.scimsync.ingress.scim;

import io.scimsync.ingress.IngressProperties;
import io.scimsync.ingress.auth.AuthenticatedTenant;
import io.scimsync.schemas.ResourceType;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /scim/v2/.search} (RFC 7644 §3.4.3): a search over the users and the groups of the
 * tenant, listed users first. Each resource in the response carries the {@code schemas} of its own
 * type.
 *
 * <p>Limitations: a filter that names an attribute one type lacks (such as {@code userName}) is
 * applied only to the other type, so such a filter joined by {@code or} with one on a shared
 * attribute finds no group. {@code sortBy} is rejected, because the two types are listed one
 * after the other rather than merged.
 */
@RestController
public class RootSearchController {

    private static final List<ResourceType> ALL_TYPES = List.of(ResourceType.values());

    private final ResourceListing listing;
    private final IngressProperties properties;

    public RootSearchController(ResourceListing listing, IngressProperties properties) {
        this.listing = listing;
        this.properties = properties;
    }

    @PostMapping({"/scim/v2/.search", "/scim/v2/.search/"})
    public ResponseEntity<byte[]> search(AuthenticatedTenant tenant,
            @RequestBody(required = false) byte[] body) {
        SearchRequest search = SearchRequest.of(ScimJson.parse(body));
        return listing.list(tenant.tenantId(), ".search", ALL_TYPES,
                search.toQuery(properties.defaultCount()));
    }
}
