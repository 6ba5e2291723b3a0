package io.scimsync.ingress.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimsync.schemas.error.ScimException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

class AuthenticatedTenantArgumentResolverTest {

    private final AuthenticatedTenantArgumentResolver resolver =
            new AuthenticatedTenantArgumentResolver();
    private final MockHttpServletRequest request = new MockHttpServletRequest();

    @Test
    void boundTenantIsResolved() {
        AuthenticatedTenant tenant = new AuthenticatedTenant("tenant-1", "token-1");
        tenant.bindTo(request);

        assertThat(resolver.resolveArgument(null, null, new ServletWebRequest(request), null))
                .isEqualTo(tenant);
    }

    @Test
    void unauthenticatedRequestIsRejected() {
        assertThatThrownBy(() -> resolver.resolveArgument(null, null,
                new ServletWebRequest(request), null))
                .isInstanceOf(ScimException.class)
                .extracting(e -> ((ScimException) e).status())
                .isEqualTo(401);
    }
}
