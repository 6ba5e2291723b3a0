package io.scimsync.ingress.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.scimsync.store.tenant.TenantStore;
import io.scimsync.store.tenant.TenantToken;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** The tenant filter's handling of store outcomes; HTTP behaviour is in AuthenticationIT. */
class TenantAuthenticationFilterTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
    private static final String SECRET = "scim_secret";
    private static final TenantToken TOKEN =
            new TenantToken("token-1", "tenant-1", null, "hash", NOW, null);

    private final TenantStore store = mock(TenantStore.class);
    private final TenantAuthenticationFilter filter = new TenantAuthenticationFilter(store,
            new ScimErrorWriter(JsonMapper.builder().build()), Clock.fixed(NOW, ZoneOffset.UTC));
    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/scim/v2/x");
    private final MockHttpServletResponse response = new MockHttpServletResponse();
    private final MockFilterChain chain = new MockFilterChain();

    @Test
    void authenticatedRequestCarriesTenantAndRecordsUse() throws ServletException, IOException {
        request.addHeader("Authorization", "Bearer " + SECRET);
        when(store.authenticate(SECRET)).thenReturn(Optional.of(TOKEN));

        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).isSameAs(request);
        assertThat(AuthenticatedTenant.from(request))
                .contains(new AuthenticatedTenant("tenant-1", "token-1"));
        verify(store).recordUse(TOKEN, NOW);
    }

    @Test
    void unreachableStoreGives503WithRetryAfter() throws ServletException, IOException {
        request.addHeader("Authorization", "Bearer " + SECRET);
        when(store.authenticate(SECRET))
                .thenThrow(new DataAccessResourceFailureException("connection refused"));

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("30");
        assertThat(response.getContentType()).isEqualTo("application/scim+json");
        assertThat(response.getContentAsString()).contains("\"status\":\"503\"");
        assertThat(response.getContentAsString()).doesNotContain("connection refused");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void failedUseRecordDoesNotFailRequest() throws ServletException, IOException {
        request.addHeader("Authorization", "Bearer " + SECRET);
        when(store.authenticate(SECRET)).thenReturn(Optional.of(TOKEN));
        doThrow(new DataAccessResourceFailureException("timeout"))
                .when(store).recordUse(any(), any());

        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).isSameAs(request);
        assertThat(AuthenticatedTenant.from(request)).isPresent();
    }

    @Test
    void missingHeaderNeverQueriesStore() throws ServletException, IOException {
        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(AuthenticatedTenant.from(request)).isEmpty();
        verify(store, never()).authenticate(any());
    }
}
