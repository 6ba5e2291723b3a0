package io.scimsync.ingress.scim;

import io.scimsync.ingress.IngressProperties;
import io.scimsync.ingress.auth.AuthenticatedTenant;
import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.error.ScimException;
import io.scimsync.schemas.resource.Projection;
import io.scimsync.store.resource.StoredResource;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /Users} and {@code /Groups} of RFC 7644 §3: create, read, list, replace, patch, delete. */
@RestController
@RequestMapping("/scim/v2/{endpoint:(?i:users|groups)}")
public class ResourceController {

    private final ResourceService service;
    private final ResourceListing listing;
    private final BaseUrls baseUrls;
    private final IngressProperties properties;

    public ResourceController(ResourceService service, ResourceListing listing,
            BaseUrls baseUrls, IngressProperties properties) {
        this.service = service;
        this.listing = listing;
        this.baseUrls = baseUrls;
        this.properties = properties;
    }

    @PostMapping({"", "/"})
    public ResponseEntity<byte[]> create(AuthenticatedTenant tenant,
            @PathVariable String endpoint, @RequestBody(required = false) byte[] body,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes) {
        ResourceType type = typeOf(endpoint);
        JsonNode parsed = ScimJson.parse(body);
        var result = service.create(tenant.tenantId(), type, parsed);
        StoredResource created = result.resource().orElseThrow();
        HttpHeaders headers = resourceHeaders(created);
        headers.setLocation(URI.create(ResourceRenderer.location(baseUrls.current(), type,
                created.id())));
        return ScimJson.answer(HttpStatus.CREATED, headers, listing.render(created,
                Projection.of(attributes, excludedAttributes), namesMembers(parsed)));
    }

    /** Reads a resource; 304 without a body when {@code If-None-Match} names its version. */
    @GetMapping({"/{id}", "/{id}/"})
    public ResponseEntity<byte[]> get(AuthenticatedTenant tenant,
            @PathVariable String endpoint, @PathVariable String id,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        StoredResource resource = service.get(tenant.tenantId(), typeOf(endpoint), id);
        if (EntityTags.noneMatchMatches(ifNoneMatch, resource.version())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .headers(resourceHeaders(resource)).build();
        }
        return ScimJson.answer(HttpStatus.OK, resourceHeaders(resource),
                render(resource, Projection.of(attributes, excludedAttributes)));
    }

    /**
     * Lists resources, paged by index unless the request has a {@code cursor} parameter, whose
     * empty value requests the first page of cursor paging (RFC 9865).
     */
    @GetMapping({"", "/"})
    public ResponseEntity<byte[]> list(AuthenticatedTenant tenant,
            @PathVariable String endpoint,
            @RequestParam(required = false) String filter,
            @RequestParam(required = false) String sortBy,
            @RequestParam(required = false) String sortOrder,
            @RequestParam(required = false) String startIndex,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String count,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes) {
        ListQuery query = new ListQuery(filter, sortBy, sortOrder,
                integer("startIndex", startIndex), cursor,
                Objects.requireNonNullElse(integer("count", count), properties.defaultCount()),
                Projection.of(attributes, excludedAttributes));
        return listing.list(tenant.tenantId(), endpointName(endpoint), List.of(typeOf(endpoint)), query);
    }

    /** A query in a body (RFC 7644 §3.4.3), for filters too long or too private for a URL. */
    @PostMapping("/.search")
    public ResponseEntity<byte[]> search(AuthenticatedTenant tenant, @PathVariable String endpoint,
            @RequestBody(required = false) byte[] body) {
        SearchRequest search = SearchRequest.of(ScimJson.parse(body));
        return listing.list(tenant.tenantId(), endpointName(endpoint), List.of(typeOf(endpoint)),
                search.toQuery(properties.defaultCount()));
    }

    @PutMapping({"/{id}", "/{id}/"})
    public ResponseEntity<byte[]> replace(AuthenticatedTenant tenant,
            @PathVariable String endpoint, @PathVariable String id,
            @RequestBody(required = false) byte[] body,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        ResourceType type = typeOf(endpoint);
        var result = service.replace(tenant.tenantId(), type, id, ScimJson.parse(body),
                EntityTags.requiredVersion(ifMatch));
        return answerWithResource(result, type, id, Projection.of(attributes, excludedAttributes));
    }

    /**
     * A user PATCH returns 200 with the resource, a group PATCH 204, so that thousands of
     * members are never sent back, unless the request names {@code attributes}.
     */
    @PatchMapping({"/{id}", "/{id}/"})
    public ResponseEntity<byte[]> patch(AuthenticatedTenant tenant,
            @PathVariable String endpoint, @PathVariable String id,
            @RequestBody(required = false) byte[] body,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        ResourceType type = typeOf(endpoint);
        var result = service.patch(tenant.tenantId(), type, id, ScimJson.parse(body),
                EntityTags.requiredVersion(ifMatch));
        if (type == ResourceType.GROUP && (attributes == null || attributes.isBlank())) {
            return ResponseEntity.noContent().build();
        }
        return answerWithResource(result, type, id, Projection.of(attributes, excludedAttributes));
    }

    @DeleteMapping({"/{id}", "/{id}/"})
    public ResponseEntity<byte[]> delete(AuthenticatedTenant tenant,
            @PathVariable String endpoint, @PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        service.delete(tenant.tenantId(), typeOf(endpoint), id, EntityTags.requiredVersion(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<byte[]> answerWithResource(ResourceService.WriteResult result,
            ResourceType type, String id, Projection projection) {
        StoredResource resource = result.resource().orElseThrow(() ->
                ScimException.notFound(type.scimName() + " " + id + " not found"));
        return ScimJson.answer(HttpStatus.OK, resourceHeaders(resource), render(resource, projection));
    }

    private ObjectNode render(StoredResource resource, Projection projection) {
        return listing.render(resource, projection);
    }

    /**
     * Returns whether a create body names members, under any spelling of the attribute. A new
     * group's members are those of its body, so for a body without them, as Entra creates
     * groups, the answer does not read the memberships.
     */
    private static boolean namesMembers(JsonNode body) {
        for (String name : body.propertyNames()) {
            if (name.toLowerCase(Locale.ROOT).endsWith("members")) {
                return true;
            }
        }
        return false;
    }

    private static HttpHeaders resourceHeaders(StoredResource resource) {
        HttpHeaders headers = new HttpHeaders();
        headers.setETag(ResourceRenderer.version(resource));
        return headers;
    }

    /**
     * The resource type of an endpoint. Endpoint names match without regard to case, as some
     * clients send {@code /users}.
     */
    private static ResourceType typeOf(String endpoint) {
        return endpoint.equalsIgnoreCase("Users") ? ResourceType.USER : ResourceType.GROUP;
    }

    /** The endpoint's canonical name, {@code Users} or {@code Groups}, which cursors are bound to. */
    private static String endpointName(String endpoint) {
        return typeOf(endpoint) == ResourceType.USER ? "Users" : "Groups";
    }

    /** Parses an integer query parameter; null when it is absent or blank. */
    private static Integer integer(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ScimException.invalidValue("query parameter '" + parameter
                    + "' must be an integer, got '" + value + "'");
        }
    }
}
