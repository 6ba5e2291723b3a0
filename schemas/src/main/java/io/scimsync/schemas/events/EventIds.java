package io.scimsync.schemas.events;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Derives event ids as name-based UUIDs of version 5 (SHA-1, RFC 9562 section 5.5) from the
 * tenant, the change id and the event's index within the change. The same change therefore
 * yields the same ids each time its events are derived, which lets consumers drop a
 * republished event by its id.
 */
final class EventIds {

    /** The namespace of scim-sync's event ids, a random UUID fixed once for this contract. */
    static final UUID NAMESPACE = UUID.fromString("6c1f3c2e-8a4d-4f0b-9a57-3d2e8b1f0c44");

    private EventIds() {
    }

    static String eventId(String tenantId, String changeId, int index) {
        return nameBased(NAMESPACE, tenantId + "/" + changeId + "/" + index).toString();
    }

    static UUID nameBased(UUID namespace, String name) {
        MessageDigest sha1 = sha1();
        sha1.update(ByteBuffer.allocate(16)
                .putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits())
                .array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bits.getLong(), bits.getLong());
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-1", e);
        }
    }
}
