package io.scimsync.ingress.scim;

import com.unboundid.scim2.common.filters.Filter;
import io.scimsync.ingress.publish.ChangePublisher;
import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.change.ChangeEvent;
import io.scimsync.schemas.change.ChangeOutcome;
import io.scimsync.schemas.change.Operation;
import io.scimsync.schemas.change.OutcomeStatus;
import io.scimsync.schemas.error.ScimException;
import io.scimsync.schemas.filter.ScimFilters;
import io.scimsync.schemas.model.SchemaRegistry;
import io.scimsync.schemas.patch.PatchRequestParser;
import io.scimsync.schemas.resource.ResourceValidator;
import io.scimsync.store.filter.FilterQueryTranslator;
import io.scimsync.store.resource.GroupHierarchy;
import io.scimsync.store.resource.ResourceSnapshots;
import io.scimsync.store.resource.ResourceStore;
import io.scimsync.store.resource.SortOrder;
import io.scimsync.store.resource.StoredResource;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SCIM operations on users and groups of one tenant. Reads go to the store; writes are
 * checked as far as they can be without the stored state, published as changes, and
 * completed from the processor's outcome, which carries the resource as stored (sparing a read)
 * or, for a change the processor set aside (held, quarantined, waiting), as it will be; such a
 * change is answered with the success it would have had.
 */
@Service
public class ResourceService {

    private final ResourceStore resources;
    private final FilterQueryTranslator translator;
    private final SchemaRegistry registry;
    private final ResourceValidator validator;
    private final ChangePublisher publisher;
    private final GroupHierarchy hierarchy;

    public ResourceService(ResourceStore resources, FilterQueryTranslator translator,
            SchemaRegistry registry, ResourceValidator validator, ChangePublisher publisher,
            GroupHierarchy hierarchy) {
        this.hierarchy = hierarchy;
        this.resources = resources;
        this.translator = translator;
        this.registry = registry;
        this.validator = validator;
        this.publisher = publisher;
    }

    /** The outcome of a write and, unless it was a delete, the resource it left. */
    public record WriteResult(ChangeOutcome outcome, Optional<StoredResource> resource) {
    }

    public StoredResource get(String tenantId, ResourceType type, String id) {
        return resources.find(tenantId, type, id).orElseThrow(() -> notFound(type, id));
    }

    /**
     * Translates the filter and sort of a list request for one resource type.
     *
     * @throws ScimException {@code invalidFilter} or {@code invalidValue} for a filter or
     *     {@code sortBy} that does not fit the type
     */
    ListingSegment segment(String tenantId, ResourceType type, String filter, String sortBy,
            boolean descending) {
        Filter parsed = filter == null || filter.isBlank()
                ? null : ScimFilters.parse(filter, type, registry);
        Document query = translator.toQuery(tenantId, type, parsed, this::groupsOfMember,
                (tenant, groupId) -> List.copyOf(hierarchy.nested(tenant, groupId)));
        SortOrder order = translator.toSortOrder(type, sortBy, descending);
        return new ListingSegment(type, query, order);
    }

    public WriteResult create(String tenantId, ResourceType type, JsonNode body) {
        ObjectNode resource = validator.validate(type, body);
        String id = UUID.randomUUID().toString();
        return write(tenantId, type, id, Operation.CREATE, resource);
    }

    /**
     * Replaces a resource (PUT).
     *
     * @param requiredVersion the version {@code If-Match} requires, or null
     */
    public WriteResult replace(String tenantId, ResourceType type, String id, JsonNode body,
            Long requiredVersion) {
        ObjectNode resource = validator.validate(type, body);
        return write(tenantId, type, id, Operation.REPLACE, resource, requiredVersion);
    }

    /**
     * Patches a resource. A PATCH without operations changes nothing and is not published.
     *
     * @param requiredVersion the version {@code If-Match} requires, or null
     */
    public WriteResult patch(String tenantId, ResourceType type, String id, JsonNode body,
            Long requiredVersion) {
        if (PatchRequestParser.parse(body).isEmpty()) {
            StoredResource current = get(tenantId, type, id);
            if (requiredVersion != null && requiredVersion != current.version()) {
                throw ScimException.preconditionFailed(type.scimName() + " " + id
                        + " is at another version; read it again and retry");
            }
            return new WriteResult(ChangeOutcome.applied(null, null), Optional.of(current));
        }
        return write(tenantId, type, id, Operation.PATCH, body, requiredVersion);
    }

    /** Deletes a resource, on condition of {@code requiredVersion} unless it is null. */
    public void delete(String tenantId, ResourceType type, String id, Long requiredVersion) {
        write(tenantId, type, id, Operation.DELETE, null, requiredVersion);
    }

    private WriteResult write(String tenantId, ResourceType type, String id,
            Operation operation, JsonNode payload) {
        return write(tenantId, type, id, operation, payload, null);
    }

    private WriteResult write(String tenantId, ResourceType type, String id,
            Operation operation, JsonNode payload, Long requiredVersion) {
        ChangeEvent change = new ChangeEvent(UUID.randomUUID().toString(), tenantId, type, id,
                operation, payload, Instant.now(), requiredVersion);
        ChangeOutcome outcome = publisher.publish(change);
        if (outcome.status() == OutcomeStatus.REJECTED) {
            throw new ScimException(outcome.error());
        }
        if (operation == Operation.DELETE) {
            return new WriteResult(outcome, Optional.empty());
        }
        if (outcome.resource() != null) {
            return new WriteResult(outcome,
                    Optional.of(ResourceSnapshots.decode(tenantId, type, id, outcome.resource())));
        }
        return new WriteResult(outcome, resources.find(tenantId, type, id));
    }

    private List<String> groupsOfMember(String tenantId, String memberId) {
        for (ResourceType type : ResourceType.values()) {
            Optional<StoredResource> member = resources.find(tenantId, type, memberId);
            if (member.isPresent()) {
                return member.get().groupIds();
            }
        }
        return List.of();
    }

    private static ScimException notFound(ResourceType type, String id) {
        return ScimException.notFound(type.scimName() + " " + id + " not found");
    }
}
