package io.scimsync.ingress.scim;

import io.scimsync.ingress.IngressProperties;
import io.scimsync.schemas.ResourceType;
import io.scimsync.schemas.error.ScimException;
import io.scimsync.store.resource.PagePosition;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns {@link ListingCursor}s into the opaque cursor strings of RFC 9865 and back. A cursor
 * contains a version byte, the direction, the resource type, the typed sort value and the
 * resource id. Then follow 16 bytes of an HMAC-SHA256 over those bytes and the query they belong
 * to (tenant, endpoint, filter and sort), all in Base64url without padding, whose characters are
 * unreserved in URLs. A changed byte, a cursor of another query or tenant, or one signed with another key is
 * therefore rejected with {@code invalidCursor}.
 *
 * <p>Cursors are stateless: the server keeps nothing per cursor, so they never expire. They
 * stay valid while the key does, which is for the life of the process unless
 * {@code scimsync.ingress.cursor-key} sets one.
 */
@Component
public class CursorCodec {

    private static final Logger log = LoggerFactory.getLogger(CursorCodec.class);

    private static final byte VERSION = 1;
    private static final int MAC_BYTES = 16;
    private static final int MIN_KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private static final byte NULL = 'N';
    private static final byte STRING = 'S';
    private static final byte LONG = 'L';
    private static final byte DOUBLE = 'F';
    private static final byte BOOLEAN = 'B';
    private static final byte DATE = 'D';

    private final SecretKeySpec key;

    public CursorCodec(IngressProperties properties) {
        this.key = new SecretKeySpec(keyBytes(properties.cursorKey()), ALGORITHM);
    }

    /** Encodes {@code cursor} for the query that {@code query} identifies. */
    String encode(ListingCursor cursor, String query) {
        byte[] payload = payload(cursor);
        byte[] mac = mac(payload, query);
        byte[] signed = Arrays.copyOf(payload, payload.length + MAC_BYTES);
        System.arraycopy(mac, 0, signed, payload.length, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
    }

    /**
     * Decodes a cursor that {@link #encode} made for the same {@code query}.
     *
     * @throws ScimException {@code invalidCursor} for anything else
     */
    ListingCursor decode(String cursor, String query) {
        byte[] signed;
        try {
            signed = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (signed.length <= MAC_BYTES + 3) {
            throw invalid();
        }
        byte[] payload = Arrays.copyOf(signed, signed.length - MAC_BYTES);
        byte[] mac = Arrays.copyOfRange(signed, payload.length, signed.length);
        if (!MessageDigest.isEqual(mac, mac(payload, query)) || payload[0] != VERSION) {
            throw invalid();
        }
        return read(payload);
    }

    private static ScimException invalid() {
        return ScimException.invalidCursor("the cursor is not one this server issued for this"
                + " query (same filter, sortBy and sortOrder); send an empty cursor to start again"
                + " from the first page");
    }

    private static byte[] payload(ListingCursor cursor) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeBoolean(cursor.backward());
            out.writeByte(cursor.type().ordinal());
            writeValue(out, cursor.position().sortValue());
            writeString(out, cursor.position().resourceId());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a cursor to memory", e);
        }
        return bytes.toByteArray();
    }

    private static void writeValue(DataOutputStream out, Object value) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof String text) {
            out.writeByte(STRING);
            writeString(out, text);
        } else if (value instanceof Integer || value instanceof Long) {
            out.writeByte(LONG);
            out.writeLong(((Number) value).longValue());
        } else if (value instanceof Double number) {
            out.writeByte(DOUBLE);
            out.writeDouble(number);
        } else if (value instanceof Boolean bool) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(bool);
        } else if (value instanceof Date date) {
            out.writeByte(DATE);
            out.writeLong(date.getTime());
        } else {
            throw new IllegalArgumentException(
                    "cannot put a sort value of type " + value.getClass().getName() + " in a cursor");
        }
    }

    private static ListingCursor read(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            in.readByte();
            boolean backward = in.readBoolean();
            int type = in.readByte();
            if (type < 0 || type >= ResourceType.values().length) {
                throw invalid();
            }
            Object value = readValue(in);
            String resourceId = readString(in);
            if (in.available() != 0) {
                throw invalid();
            }
            return new ListingCursor(backward, ResourceType.values()[type],
                    new PagePosition(value, resourceId));
        } catch (IOException e) {
            throw invalid();
        }
    }

    private static Object readValue(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case STRING -> readString(in);
            case LONG -> in.readLong();
            case DOUBLE -> in.readDouble();
            case BOOLEAN -> in.readBoolean();
            case DATE -> new Date(in.readLong());
            default -> throw invalid();
        };
    }

    private static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw invalid();
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private byte[] mac(byte[] payload, String query) {
        try {
            Mac hmac = Mac.getInstance(ALGORITHM);
            hmac.init(key);
            hmac.update(query.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            return Arrays.copyOf(hmac.doFinal(payload), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        }
    }

    private static byte[] keyBytes(String configured) {
        if (configured == null || configured.isBlank()) {
            log.info("No scimsync.ingress.cursor-key is set; paging cursors are signed with a"
                    + " random key and stop working when this process restarts");
            byte[] random = new byte[MIN_KEY_BYTES];
            new SecureRandom().nextBytes(random);
            return random;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(configured.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("scimsync.ingress.cursor-key is not valid Base64", e);
        }
        if (decoded.length < MIN_KEY_BYTES) {
            throw new IllegalStateException("scimsync.ingress.cursor-key must decode to at least "
                    + MIN_KEY_BYTES + " bytes, got " + decoded.length);
        }
        return decoded;
    }
}
