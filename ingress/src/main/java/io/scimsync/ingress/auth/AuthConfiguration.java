package io.scimsync.ingress.auth;

import io.scimsync.store.tenant.TenantStore;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.servlet.filter.OrderedFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers authentication: tenant bearer tokens on {@code /scim/v2/*}, the operator's admin
 * token on {@code /admin/*}, {@code /ops/*} and {@code /actuator/prometheus} (its labels name
 * tenants), and the {@link AuthenticatedTenant} controller
 * parameter. The servlet container matches these URL patterns against the decoded path after
 * removing path parameters and resolving dot segments.
 */
@Configuration(proxyBeanMethods = false)
public class AuthConfiguration implements WebMvcConfigurer {

    /**
     * Orders the filters after the request-wrapping filters, which Boot registers at order 0 or
     * below (such as its forwarded-header and observation filters). So the logged remote address
     * honours forwarded headers when they are enabled, and HTTP metrics include rejections.
     */
    static final int FILTER_ORDER = OrderedFilter.REQUEST_WRAPPER_FILTER_MAX_ORDER + 10;

    @Bean
    AdminTokenVerifier adminTokenVerifier(@Value("${scimsync.admin-token:}") String adminToken) {
        return new AdminTokenVerifier(adminToken);
    }

    @Bean
    FilterRegistrationBean<TenantAuthenticationFilter> tenantAuthenticationFilter(
            TenantStore store, JsonMapper mapper) {
        var filter = new TenantAuthenticationFilter(store, new ScimErrorWriter(mapper),
                Clock.systemUTC());
        var registration = new FilterRegistrationBean<>(filter);
        registration.setUrlPatterns(List.of("/scim/v2/*"));
        registration.setOrder(FILTER_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<AdminAuthenticationFilter> adminAuthenticationFilter(
            AdminTokenVerifier verifier, JsonMapper mapper) {
        var registration = new FilterRegistrationBean<>(new AdminAuthenticationFilter(verifier,
                mapper));
        registration.setUrlPatterns(List.of("/admin/*", "/ops/*", "/actuator/prometheus"));
        registration.setOrder(FILTER_ORDER);
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new AuthenticatedTenantArgumentResolver());
    }
}
