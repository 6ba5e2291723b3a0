package io.scimsync.ingress.scim.bulk;

import io.scimsync.ingress.IngressProperties;
import io.scimsync.ingress.auth.AuthenticatedTenant;
import io.scimsync.ingress.scim.BaseUrls;
import io.scimsync.ingress.scim.ScimJson;
import io.scimsync.schemas.ScimSchemas;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /Bulk} of RFC 7644 §3.7. A request whose form is wrong gets its 400 or 413 and
 * runs nothing; otherwise the answer is 200 with a BulkResponse listing the result of
 * every operation that ran, failed ones included. The body limit
 * ({@code scimsync.ingress.bulk.max-payload-size}) is enforced by {@code RequestGuardFilter}.
 */
@RestController
public class BulkController {

    private final BulkRequestParser parser;
    private final BulkService service;
    private final BaseUrls baseUrls;

    public BulkController(BulkService service, BaseUrls baseUrls, IngressProperties properties) {
        this.parser = new BulkRequestParser(properties.bulk().maxOperations());
        this.service = service;
        this.baseUrls = baseUrls;
    }

    @PostMapping({"/scim/v2/Bulk", "/scim/v2/Bulk/"})
    public ResponseEntity<byte[]> bulk(AuthenticatedTenant tenant,
            @RequestBody(required = false) byte[] body) {
        BulkRequest request = parser.parse(ScimJson.parse(body));
        List<BulkResult> results = service.execute(tenant.tenantId(), request, baseUrls.current());
        return ScimJson.answer(HttpStatus.OK, bulkResponse(results));
    }

    private static ObjectNode bulkResponse(List<BulkResult> results) {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.putArray("schemas").add(ScimSchemas.BULK_RESPONSE);
        ArrayNode operations = response.putArray("Operations");
        results.forEach(result -> operations.add(result.toJson()));
        return response;
    }
}
