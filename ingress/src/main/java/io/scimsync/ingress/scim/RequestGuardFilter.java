package io.scimsync.ingress.scim;

import io.scimsync.ingress.IngressProperties;
import io.scimsync.schemas.error.ScimError;
import io.scimsync.schemas.error.ScimException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rejects SCIM requests that are malformed below the level of SCIM, before authentication and
 * before any body is read: a query string that is not valid percent-encoded UTF-8 (400), more
 * than one {@code Authorization} header (400), a body that is not JSON (415), and a body larger
 * than {@code scimsync.ingress.max-request-bytes} (413, also for chunked bodies, which are cut
 * off while they are read). A {@code /Bulk} body is limited by
 * {@code scimsync.ingress.bulk.max-payload-size} instead, the {@code maxPayloadSize} that
 * ServiceProviderConfig advertises.
 */
public class RequestGuardFilter extends OncePerRequestFilter {

    private static final List<String> JSON_TYPES = List.of("application/scim+json", "application/json");

    private static final Set<String> BULK_PATHS = Set.of("/scim/v2/Bulk", "/scim/v2/Bulk/");

    private final int maxRequestBytes;
    private final int maxBulkBytes;

    public RequestGuardFilter(IngressProperties properties) {
        this.maxRequestBytes = properties.maxRequestBytes();
        this.maxBulkBytes = properties.bulk().maxPayloadSize();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        BodyLimit limit = isBulk(request) ? BodyLimit.bulk(maxBulkBytes)
                : BodyLimit.request(maxRequestBytes);
        ScimError rejection = check(request, limit);
        if (rejection != null) {
            ScimJson.write(response, rejection);
            return;
        }
        chain.doFilter(new LimitedBodyRequest(request, limit), response);
    }

    private static boolean isBulk(HttpServletRequest request) {
        String path = Objects.toString(request.getServletPath(), "")
                + Objects.toString(request.getPathInfo(), "");
        return BULK_PATHS.contains(path);
    }

    private ScimError check(HttpServletRequest request, BodyLimit limit) {
        try {
            request.getParameterMap();
        } catch (RuntimeException e) {
            return ScimException.invalidSyntax("the query string is not valid percent-encoded"
                    + " UTF-8; encode each parameter value with RFC 3986 percent-encoding").error();
        }
        if (Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION)).size() > 1) {
            return ScimException.invalidSyntax(
                    "the request has more than one Authorization header; send exactly one").error();
        }
        if (request.getContentLengthLong() > limit.bytes()) {
            return limit.exceeded().error();
        }
        return checkContentType(request.getContentType());
    }

    private static ScimError checkContentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (JSON_TYPES.contains(type)) {
            return null;
        }
        return new ScimError(415, null, "Content-Type '" + contentType + "' is not supported;"
                + " send application/scim+json or application/json");
    }

    /** The largest body of one kind of request, and the 413 that a larger one gets. */
    private record BodyLimit(int bytes, String detail) {

        static BodyLimit request(int bytes) {
            return new BodyLimit(bytes, "the request body is larger than " + bytes
                    + " bytes; split the change into several requests");
        }

        /** RFC 7644 §3.7.4: the error names the limit that was exceeded. */
        static BodyLimit bulk(int bytes) {
            return new BodyLimit(bytes, "the bulk request body is larger than maxPayloadSize ("
                    + bytes + " bytes); split the operations into several bulk requests");
        }

        ScimException exceeded() {
            return ScimException.payloadTooLarge(detail);
        }
    }

    /** A request whose body stream fails with 413 once it has delivered more than the limit. */
    private static final class LimitedBodyRequest extends HttpServletRequestWrapper {

        private final BodyLimit limit;
        private ServletInputStream limited;

        LimitedBodyRequest(HttpServletRequest request, BodyLimit limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedInputStream(super.getInputStream(), limit);
            }
            return limited;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final BodyLimit limit;
        private long count;

        LimitedInputStream(ServletInputStream delegate, BodyLimit limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int value = delegate.read();
            if (value >= 0) {
                counted(1);
            }
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = delegate.read(buffer, offset, length);
            if (read > 0) {
                counted(read);
            }
            return read;
        }

        private void counted(int bytes) {
            count += bytes;
            if (count > limit.bytes()) {
                throw limit.exceeded();
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
