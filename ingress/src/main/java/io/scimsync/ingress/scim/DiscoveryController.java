package io.scimsync.ingress.scim;

import io.scimsync.schemas.ScimSchemas;
import io.scimsync.schemas.discovery.Discovery;
import io.scimsync.schemas.error.ScimException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The discovery endpoints of RFC 7644 §4, served from the schema definitions. They need a
 * tenant token like every other SCIM endpoint.
 *
 * <p>The lists ignore paging and sorting, as RFC 7644 §4 requires. A {@code filter} is rejected
 * with 403, as that section recommends, because a list returned in full would let a client
 * believe that every entry matched.
 */
@RestController
@RequestMapping("/scim/v2")
public class DiscoveryController {

    private final Discovery discovery;
    private final BaseUrls baseUrls;

    public DiscoveryController(Discovery discovery, BaseUrls baseUrls) {
        this.discovery = discovery;
        this.baseUrls = baseUrls;
    }

    @GetMapping({"/ServiceProviderConfig", "/ServiceProviderConfig/"})
    public ResponseEntity<byte[]> serviceProviderConfig() {
        return ScimJson.answer(HttpStatus.OK, discovery.serviceProviderConfig(baseUrls.current()));
    }

    @GetMapping({"/ResourceTypes", "/ResourceTypes/"})
    public ResponseEntity<byte[]> resourceTypes(
            @RequestParam(name = "filter", required = false) String filter) {
        rejectFilter(filter, "/ResourceTypes");
        return ScimJson.answer(HttpStatus.OK, listOf(discovery.resourceTypes(baseUrls.current())));
    }

    @GetMapping("/ResourceTypes/{name}")
    public ResponseEntity<byte[]> resourceType(@PathVariable String name) {
        return ScimJson.answer(HttpStatus.OK, discovery.resourceType(name, baseUrls.current())
                .orElseThrow(() -> ScimException.notFound("resource type '" + name + "' not found")));
    }

    @GetMapping({"/Schemas", "/Schemas/"})
    public ResponseEntity<byte[]> schemas(
            @RequestParam(name = "filter", required = false) String filter) {
        rejectFilter(filter, "/Schemas");
        return ScimJson.answer(HttpStatus.OK, listOf(discovery.schemas(baseUrls.current())));
    }

    @GetMapping("/Schemas/{id}")
    public ResponseEntity<byte[]> schema(@PathVariable String id) {
        return ScimJson.answer(HttpStatus.OK, discovery.schema(id, baseUrls.current())
                .orElseThrow(() -> ScimException.notFound("schema '" + id + "' not found")));
    }

    private static void rejectFilter(String filter, String endpoint) {
        if (filter != null) {
            throw ScimException.forbidden("filter is not supported on " + endpoint
                    + "; request the list without it, or one entry by its id");
        }
    }

    private static ObjectNode listOf(List<ObjectNode> resources) {
        ObjectNode list = JsonNodeFactory.instance.objectNode();
        list.putArray("schemas").add(ScimSchemas.LIST_RESPONSE);
        list.put("totalResults", resources.size());
        list.put("startIndex", 1);
        list.put("itemsPerPage", resources.size());
        list.putArray("Resources").addAll(resources);
        return list;
    }
}
