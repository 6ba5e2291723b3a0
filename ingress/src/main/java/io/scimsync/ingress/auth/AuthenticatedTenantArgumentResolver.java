package io.scimsync.ingress.auth;

import io.scimsync.schemas.error.ScimException;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Supplies the {@link AuthenticatedTenant} to controller parameters of that type. A handler
 * reached without authentication, which means it lies outside the filtered SCIM paths, gets a
 * 401 {@link ScimException} rather than a null tenant.
 */
final class AuthenticatedTenantArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == AuthenticatedTenant.class;
    }

    @Override
    public AuthenticatedTenant resolveArgument(MethodParameter parameter,
            ModelAndViewContainer mavContainer, NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        Object tenant = webRequest.getAttribute(AuthenticatedTenant.REQUEST_ATTRIBUTE,
                RequestAttributes.SCOPE_REQUEST);
        if (tenant == null) {
            throw ScimException.unauthorized("request is not authenticated: SCIM endpoints are"
                    + " served under /scim/v2 and need 'Authorization: Bearer <tenant token>'");
        }
        return (AuthenticatedTenant) tenant;
    }
}
