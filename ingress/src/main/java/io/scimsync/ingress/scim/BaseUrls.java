package io.scimsync.ingress.scim;

import io.scimsync.ingress.IngressProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The SCIM base URL for {@code meta.location} and {@code Location}: the configured public URL, or
 * the one the current request came in on.
 */
@Component
public class BaseUrls {

    private final String configured;

    public BaseUrls(IngressProperties properties) {
        String url = properties.publicBaseUrl();
        this.configured = url == null || url.isBlank() ? null : url.replaceAll("/+$", "");
    }

    public String current() {
        if (configured != null) {
            return configured;
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/scim/v2").toUriString();
    }
}
