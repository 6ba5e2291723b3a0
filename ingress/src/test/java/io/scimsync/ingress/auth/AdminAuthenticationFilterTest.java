package io.scimsync.ingress.auth;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class AdminAuthenticationFilterTest {

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final MockFilterChain chain = new MockFilterChain();
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void unconfiguredAdminApiIsUnavailable() throws ServletException, IOException {
        filter(null).doFilter(request("/admin/v1/tenants", "Bearer anything"), response, chain);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).isEqualTo("application/json");
        assertThat(response.getContentAsString())
                .isEqualTo("{\"error\":\"admin API disabled: set scimsync.admin-token\"}");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void unconfiguredOpsApiIsUnavailable() throws ServletException, IOException {
        filter("").doFilter(request("/ops/v1/held", null), response, chain);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).contains("ops API disabled");
    }

    @Test
    void missingTokenIsUnauthorized() throws ServletException, IOException {
        filter("admin").doFilter(request("/admin/v1/tenants", null), response, chain);

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void configuredTokenPassesThrough() throws ServletException, IOException {
        MockHttpServletRequest request = request("/admin/v1/tenants", "Bearer admin");

        filter("admin").doFilter(request, response, chain);

        assertThat(chain.getRequest()).isSameAs(request);
        assertThat(response.getStatus()).isEqualTo(200);
    }

    private AdminAuthenticationFilter filter(String adminToken) {
        return new AdminAuthenticationFilter(new AdminTokenVerifier(adminToken), mapper);
    }

    private static MockHttpServletRequest request(String path, String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        return request;
    }
}
