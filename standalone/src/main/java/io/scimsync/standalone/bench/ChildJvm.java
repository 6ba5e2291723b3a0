package io.scimsync.standalone.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.scimsync.standalone.StandaloneApplication;

/**
 * Helpers of the bench and the fault test that start the standalone application in a child
 * JVM: its command line on the parent's own jar or class path, free loopback ports and a new
 * admin token. JVM options for the child, such as {@code -XX:StartFlightRecording=...}, come from the
 * {@code scimsync.bench.jvm-options} system property, split at spaces.
 */
final class ChildJvm {

    static final String HOST = "127.0.0.1";

    private ChildJvm() {
    }

    /**
     * Returns the command that runs the standalone application with {@code jvmOptions} first,
     * then those of {@code scimsync.bench.jvm-options}, so that the property can override them.
     */
    static List<String> command(List<String> jvmOptions, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        String extraOptions = System.getProperty("scimsync.bench.jvm-options", "").strip();
        if (!extraOptions.isEmpty()) {
            command.addAll(List.of(extraOptions.split(" +")));
        }
        String classPath = System.getProperty("java.class.path");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            command.addAll(List.of("-jar", classPath));
        } else {
            command.addAll(List.of("-cp", classPath, StandaloneApplication.class.getName()));
        }
        command.addAll(arguments);
        return command;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    static String newAdminToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
