package io.scimsync.standalone.e2e;

import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * Encodes the path of a case step for the request line. Spaces in the path part become
 * {@code %20}. In the query, each value after {@code =} is percent-encoded as UTF-8 (RFC 3986),
 * keeping unreserved characters and {@code , : @ /}; parameter names and parameters without
 * {@code =} stay as written. A step marked {@code "raw": true} skips this encoding.
 *
 * <p>Example: {@code /Users?filter=userName eq "a@b"} becomes
 * {@code /Users?filter=userName%20eq%20%22a@b%22}.
 */
final class RequestTarget {

    private static final String UNENCODED_PUNCTUATION = "-._~,:@/";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RequestTarget() {
    }

    static String encode(String path) {
        int queryStart = path.indexOf('?');
        String base = (queryStart < 0 ? path : path.substring(0, queryStart)).replace(" ", "%20");
        String query = queryStart < 0 ? "" : path.substring(queryStart + 1);
        if (query.isEmpty()) {
            return base;
        }
        StringJoiner parameters = new StringJoiner("&");
        for (String parameter : query.split("&", -1)) {
            int equals = parameter.indexOf('=');
            if (equals < 0) {
                parameters.add(parameter);
            } else {
                String name = parameter.substring(0, equals + 1);
                parameters.add(name + percentEncode(parameter.substring(equals + 1)));
            }
        }
        return base + "?" + parameters;
    }

    static String percentEncode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (isAsciiLetterOrDigit(c) || UNENCODED_PUNCTUATION.indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return encoded.toString();
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
