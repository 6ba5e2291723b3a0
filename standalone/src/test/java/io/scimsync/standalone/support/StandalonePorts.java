package io.scimsync.standalone.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The three loopback ports of a standalone process started in a child JVM. They are chosen by
 * the test before the start, because a child started with port 0 would pick ports the test
 * cannot learn.
 *
 * @param server the web server's port (SCIM, admin API, actuator)
 * @param kafka the embedded Kafka broker's client port
 * @param mongo the embedded MongoDB wire-protocol store's port
 */
public record StandalonePorts(int server, int kafka, int mongo) {

    /**
     * Returns three distinct ports that were free on 127.0.0.1 a moment ago. Another process may
     * take one before the child binds it, and then the child fails to start with that port in
     * its log.
     */
    public static StandalonePorts pickFree() {
        InetAddress loopback = loopback();
        try (ServerSocket server = new ServerSocket(0, 1, loopback);
                ServerSocket kafka = new ServerSocket(0, 1, loopback);
                ServerSocket mongo = new ServerSocket(0, 1, loopback)) {
            return new StandalonePorts(server.getLocalPort(), kafka.getLocalPort(),
                    mongo.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + loopback.getHostAddress(), e);
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the address 127.0.0.1", e);
        }
    }
}
