package io.scimsync.ingress.scim;

import io.scimsync.schemas.error.ScimException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The {@code /Me} alias of RFC 7644 §3.11, which this service does not support: a tenant token
 * belongs to a provisioning client, not to a user. That section recommends 501 (SHOULD) in
 * this case, so that a client can tell a missing feature from a missing resource.
 */
@RestController
@RequestMapping("/scim/v2")
public class SelfEndpointController {

    @RequestMapping({"/Me", "/Me/", "/Me/**"})
    public void me() {
        throw ScimException.notImplemented(
                "/Me is not supported: a tenant token is not bound to a user; use /Users/{id}");
    }
}
