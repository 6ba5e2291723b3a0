package io.scimsync.standalone.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback address and free-port lookup shared by the embedded servers. */
final class LoopbackPorts {

    static final String HOST = "127.0.0.1";

    private LoopbackPorts() {
    }

    /** Returns {@code port}, or a port that is free on the loopback address when it is 0. */
    static int resolve(int port) {
        return port == 0 ? findFree() : port;
    }

    /**
     * Returns a port that was free on the loopback address a moment ago. Another process may take
     * it before the caller binds it, in which case the caller's bind fails with the port number.
     */
    static int findFree() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + HOST, e);
        }
    }
}
