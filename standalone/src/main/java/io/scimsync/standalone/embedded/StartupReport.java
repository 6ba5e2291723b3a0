package io.scimsync.standalone.embedded;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/** Logs where a ready standalone process serves its APIs. Never logs the admin token itself. */
final class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private StartupReport() {
    }

    /**
     * @param generatedTokenFile the file holding the admin token, or null when the token comes
     *     from {@code scimsync.admin-token} or the ingress does not run
     * @param components the components the process runs
     */
    static void log(Environment environment, Path generatedTokenFile,
            StandaloneComponents components) {
        String baseUrl = baseUrl(environment);
        if (baseUrl == null) {
            log.info("Standalone scim-sync ({}) is ready without a web server", components);
            return;
        }
        log.info("Standalone scim-sync ({}) is ready", components);
        if (components.runs(StandaloneComponents.Component.INGRESS)) {
            logApis(baseUrl, generatedTokenFile);
        }
        log.info("Health: {}{}/health", managementUrl(environment, baseUrl),
                environment.getProperty("management.endpoints.web.base-path", "/actuator"));
    }

    private static void logApis(String baseUrl, Path generatedTokenFile) {
        log.info("SCIM API: {}/scim/v2", baseUrl);
        log.info("Admin API: {}/admin/v1, admin token {}", baseUrl,
                tokenOrigin(generatedTokenFile));
        log.info("To get a tenant token: POST /admin/v1/tenants, then POST "
                + "/admin/v1/tenants/{id}/tokens, both with 'Authorization: Bearer <admin token>'");
    }

    private static String baseUrl(Environment environment) {
        String port = environment.getProperty("local.server.port");
        return port == null ? null : "http://" + host(environment) + ":" + port;
    }

    private static String managementUrl(Environment environment, String baseUrl) {
        String port = environment.getProperty("local.management.port");
        return port == null ? baseUrl : "http://" + host(environment) + ":" + port;
    }

    /** Returns the URL host of {@code server.address}, 127.0.0.1 when it binds every address. */
    private static String host(Environment environment) {
        String address = environment.getProperty("server.address", "");
        if (address.isEmpty() || address.equals("0.0.0.0") || address.equals("::")) {
            return LoopbackPorts.HOST;
        }
        return address.contains(":") ? "[" + address + "]" : address;
    }

    private static String tokenOrigin(Path generatedTokenFile) {
        return generatedTokenFile == null
                ? "from the scimsync.admin-token property"
                : "in " + generatedTokenFile;
    }
}
