package io.scimsync.standalone.e2e;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.net.ssl.SSLSocketFactory;

/**
 * Sends one HTTP/1.1 request per connection with exactly the given headers plus {@code Host},
 * {@code Accept-Encoding: identity}, {@code Content-Length} and {@code Connection: close}, each
 * unless the caller sets it. {@code java.net.http.HttpClient} cannot replay case steps because it
 * always adds a {@code User-Agent} and rejects some header names; a SCIM provider must not depend
 * on headers that its clients do not send.
 */
final class RawHttpClient {

    /**
     * One response. Header names keep the server's spelling; a repeated header keeps its last value.
     */
    record Response(int status, Map<String, String> headers, byte[] body) {

        /** Returns the value of a header, its name compared ignoring case, or null. */
        String header(String name) {
            return headerValue(headers, name);
        }
    }

    private static final Set<String> METHODS_WITH_EMPTY_BODY_LENGTH =
            Set.of("POST", "PUT", "PATCH");

    private final URI baseUrl;
    private final Duration timeout;

    /** @param baseUrl {@code http} or {@code https} URL; its path prefixes every request target */
    RawHttpClient(URI baseUrl, Duration timeout) {
        this.baseUrl = baseUrl;
        this.timeout = timeout;
    }

    /**
     * Sends {@code method} to the base URL's path followed by {@code target}.
     *
     * @param headers header names and values in sending order
     * @param body the request body, or null for none
     * @throws IllegalArgumentException when the target or a header would break the request line or
     *     header syntax
     * @throws IOException when the connection fails or the response is not HTTP/1.x
     */
    Response send(String method, String target, Map<String, String> headers, byte[] body)
            throws IOException {
        byte[] head = requestHead(method, basePath() + target, headers, body);
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head);
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return readResponse(new BufferedInputStream(socket.getInputStream()), method);
        }
    }

    private String basePath() {
        String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private Socket connect() throws IOException {
        boolean https = "https".equalsIgnoreCase(baseUrl.getScheme());
        int defaultPort = https ? 443 : 80;
        int port = baseUrl.getPort() >= 0 ? baseUrl.getPort() : defaultPort;
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(baseUrl.getHost(), port),
                    Math.toIntExact(timeout.toMillis()));
            socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
            if (!https) {
                return socket;
            }
            return ((SSLSocketFactory) SSLSocketFactory.getDefault())
                    .createSocket(socket, baseUrl.getHost(), port, true);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private byte[] requestHead(String method, String target, Map<String, String> headers,
            byte[] body) {
        requireNoWhitespaceOrControl("request target", target);
        Map<String, String> sent = new LinkedHashMap<>();
        putUnlessSet(sent, headers, "Host", hostHeader());
        putUnlessSet(sent, headers, "Accept-Encoding", "identity");
        sent.putAll(headers);
        if (body != null) {
            putUnlessSet(sent, headers, "Content-Length", Integer.toString(body.length));
        } else if (METHODS_WITH_EMPTY_BODY_LENGTH.contains(method.toUpperCase(Locale.ROOT))) {
            putUnlessSet(sent, headers, "Content-Length", "0");
        }
        putUnlessSet(sent, headers, "Connection", "close");

        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        sent.forEach((name, value) -> {
            requireNoWhitespaceOrControl("header name", name);
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException(
                        "header " + name + " has a line break in its value");
            }
            head.append(name).append(": ").append(value).append("\r\n");
        });
        head.append("\r\n");
        return head.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String hostHeader() {
        String host = baseUrl.getHost();
        return baseUrl.getPort() >= 0 ? host + ":" + baseUrl.getPort() : host;
    }

    private static void putUnlessSet(Map<String, String> sent, Map<String, String> given,
            String name, String value) {
        if (given.keySet().stream().noneMatch(name::equalsIgnoreCase)) {
            sent.put(name, value);
        }
    }

    private static void requireNoWhitespaceOrControl(String part, String text) {
        if (text.isEmpty() || text.chars().anyMatch(c -> c <= 0x20 || c == 0x7F)) {
            throw new IllegalArgumentException(part + " '" + text
                    + "' is empty or contains a space or control character");
        }
    }

    private static Response readResponse(InputStream in, String method) throws IOException {
        int status;
        Map<String, String> headers;
        do {
            status = parseStatusLine(readLine(in));
            headers = readHeaders(in);
        } while (status >= 100 && status < 200 && status != 101);
        return new Response(status, headers, readBody(in, method, status, headers));
    }

    private static int parseStatusLine(String line) throws ProtocolException {
        String[] parts = line.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new ProtocolException("Not an HTTP/1.x status line: '" + line + "'");
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new ProtocolException("Invalid status code in '" + line + "'");
        }
    }

    private static Map<String, String> readHeaders(InputStream in) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new ProtocolException("Invalid header line '" + line + "'");
            }
            headers.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        return headers;
    }

    private static byte[] readBody(InputStream in, String method, int status,
            Map<String, String> headers) throws IOException {
        if (method.equalsIgnoreCase("HEAD") || status == 204 || status == 304) {
            return new byte[0];
        }
        String transferEncoding = headerValue(headers, "Transfer-Encoding");
        if (transferEncoding != null
                && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return readChunked(in);
        }
        String contentLength = headerValue(headers, "Content-Length");
        if (contentLength != null) {
            return readExactly(in, parseLength(contentLength));
        }
        return in.readAllBytes();
    }

    private static String headerValue(Map<String, String> headers, String name) {
        String value = null;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                value = header.getValue();
            }
        }
        return value;
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            int extension = sizeLine.indexOf(';');
            String size = (extension < 0 ? sizeLine : sizeLine.substring(0, extension)).strip();
            int length;
            try {
                length = Integer.parseInt(size, 16);
            } catch (NumberFormatException e) {
                throw new ProtocolException("Invalid chunk size line '" + sizeLine + "'");
            }
            if (length == 0) {
                readHeaders(in);
                return body.toByteArray();
            }
            body.write(readExactly(in, length));
            readLine(in);
        }
    }

    private static int parseLength(String contentLength) throws ProtocolException {
        try {
            return Integer.parseInt(contentLength.strip());
        } catch (NumberFormatException e) {
            throw new ProtocolException("Invalid Content-Length '" + contentLength + "'");
        }
    }

    private static byte[] readExactly(InputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("Connection closed after " + bytes.length + " of " + length
                    + " body bytes");
        }
        return bytes;
    }

    /** Reads one line ending in LF, without the line end (CRLF or LF), as ISO-8859-1. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("Connection closed in the middle of the response head");
            }
            line.write(b);
        }
        byte[] bytes = line.toByteArray();
        boolean crlf = bytes.length > 0 && bytes[bytes.length - 1] == '\r';
        int length = crlf ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }
}
