package io.scimsync.ingress.scim.bulk;

import io.scimsync.ingress.IngressProperties;
import io.scimsync.ingress.scim.EntityTags;
import io.scimsync.ingress.scim.ResourceRenderer;
import io.scimsync.ingress.scim.ResourceService;
import io.scimsync.ingress.scim.ScimJson;
import io.scimsync.ingress.scim.bulk.BulkIdResolver.ResolvedOperation;
import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.error.ScimError;
import io.scimsync.schemas.error.ScimException;
import io.scimsync.store.resource.StoredResource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs the operations of a bulk request one after the other, in request order, each through
 * {@link ResourceService} exactly as the request of its own would run: validated, published, and
 * completed from the processor's outcome. The next operation starts only once the previous one
 * has its outcome, so the changes of one resource keep the order of the request.
 *
 * <p>Running stops after {@code failOnErrors} failed operations, and after an operation that got
 * a 5xx (the broker or the processor did not answer in time, or an unexpected failure): the
 * remaining operations are not run and not listed.
 */
@Service
public class BulkService {

    private static final Logger log = LoggerFactory.getLogger(BulkService.class);

    private final ResourceService resources;
    private final int maxRequestBytes;

    public BulkService(ResourceService resources, IngressProperties properties) {
        this.resources = resources;
        this.maxRequestBytes = properties.maxRequestBytes();
    }

    /**
     * Runs {@code request} for the tenant and returns the results of the operations that ran.
     *
     * @param baseUrl the SCIM base URL for the results' {@code location}
     */
    public List<BulkResult> execute(String tenantId, BulkRequest request, String baseUrl) {
        BulkIdResolver resolver = BulkIdResolver.of(request.operations());
        List<BulkResult> results = new ArrayList<>();
        int errors = 0;
        for (BulkOperation operation : request.operations()) {
            BulkResult result = run(tenantId, operation, resolver, baseUrl);
            results.add(result);
            errors += result.failed() ? 1 : 0;
            if (result.endsRequest() || reachedFailOnErrors(request, errors)) {
                break;
            }
        }
        log.debug("Bulk request of tenant {}: {} of {} operations run, {} failed", tenantId,
                results.size(), request.operations().size(), errors);
        return results;
    }

    private static boolean reachedFailOnErrors(BulkRequest request, int errors) {
        return request.failOnErrors() != null && errors >= request.failOnErrors();
    }

    private BulkResult run(String tenantId, BulkOperation operation, BulkIdResolver resolver,
            String baseUrl) {
        String location = null;
        try {
            requireDataWithinLimit(operation);
            ResolvedOperation resolved = resolver.resolve(operation);
            if (resolved.id() != null) {
                location = ResourceRenderer.location(baseUrl, operation.path().type(), resolved.id());
            }
            return apply(tenantId, resolved, resolver, baseUrl);
        } catch (ScimException e) {
            resolver.failed(operation);
            return BulkResult.failure(operation, location, e.error());
        } catch (RuntimeException e) {
            resolver.failed(operation);
            return unexpected(tenantId, operation, location, e);
        }
    }

    private BulkResult apply(String tenantId, ResolvedOperation resolved, BulkIdResolver resolver,
            String baseUrl) {
        BulkOperation operation = resolved.operation();
        ResourceType type = operation.path().type();
        String id = resolved.id();
        return switch (operation.method()) {
            case POST -> {
                StoredResource created = resources.create(tenantId, type, resolved.data())
                        .resource().orElseThrow();
                resolver.created(operation, created.id());
                yield BulkResult.success(operation,
                        ResourceRenderer.location(baseUrl, type, created.id()),
                        ResourceRenderer.version(created), 201);
            }
            case PUT -> updated(operation, resources.replace(tenantId, type, id, resolved.data(),
                    requiredVersion(operation)), baseUrl, id);
            case PATCH -> updated(operation, resources.patch(tenantId, type, id, resolved.data(),
                    requiredVersion(operation)), baseUrl, id);
            case DELETE -> {
                resources.delete(tenantId, type, id, requiredVersion(operation));
                yield BulkResult.success(operation, ResourceRenderer.location(baseUrl, type, id),
                        null, 204);
            }
        };
    }

    private static BulkResult updated(BulkOperation operation, ResourceService.WriteResult result,
            String baseUrl, String id) {
        ResourceType type = operation.path().type();
        StoredResource resource = result.resource().orElseThrow(() ->
                ScimException.notFound(type.scimName() + " " + id + " not found"));
        return BulkResult.success(operation, ResourceRenderer.location(baseUrl, type, id),
                ResourceRenderer.version(resource), 200);
    }

    /** Reads the operation's {@code version} as an {@code If-Match} header, naming the field in errors. */
    private static Long requiredVersion(BulkOperation operation) {
        try {
            return EntityTags.requiredVersion(operation.version());
        } catch (ScimException e) {
            ScimError error = e.error();
            throw new ScimException(new ScimError(error.status(), error.scimType(),
                    operation.field("version") + " is used as If-Match: " + error.detail()));
        }
    }

    /** Bounds each operation's data as a request of its own is bounded, so its change fits one record. */
    private void requireDataWithinLimit(BulkOperation operation) {
        if (operation.data() == null) {
            return;
        }
        int size = ScimJson.mapper().writeValueAsBytes(operation.data()).length;
        if (size > maxRequestBytes) {
            throw ScimException.payloadTooLarge(operation.field("data") + " is " + size
                    + " bytes, more than the " + maxRequestBytes + " bytes one operation may"
                    + " carry; split the change into several operations");
        }
    }

    private static BulkResult unexpected(String tenantId, BulkOperation operation,
            String location, RuntimeException e) {
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected failure of bulk operation {} ({} {}) of tenant {} (reference {})",
                operation.index(), operation.method(), operation.path().type().endpoint(),
                tenantId, reference, e);
        return BulkResult.failure(operation, location, new ScimError(500, null,
                "internal error; quote reference " + reference + " when reporting it"));
    }
}
