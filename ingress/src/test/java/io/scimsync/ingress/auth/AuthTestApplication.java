package io.scimsync.ingress.auth;

import com.mongodb.ConnectionString;
import io.scimsync.ingress.admin.AdminExceptionHandler;
import io.scimsync.ingress.admin.TenantAdminController;
import io.scimsync.store.tenant.TenantStoreConfiguration;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The smallest application that serves the admin API and authenticates SCIM requests: the tenant
 * store on an in-memory MongoDB server that lives as long as the context, the authentication
 * filters, the admin controller, and a probe SCIM endpoint. Kafka is excluded because nothing
 * here publishes.
 *
 * <p>The application's component scan covers this test package too, so this class and its probe
 * belong to a profile that only the tests using them activate.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@Profile(AuthTestApplication.PROFILE)
@EnableAutoConfiguration(exclude = KafkaAutoConfiguration.class)
@Import({
    TenantStoreConfiguration.class,
    AuthConfiguration.class,
    TenantAdminController.class,
    AdminExceptionHandler.class,
    AuthTestApplication.WhoAmIController.class
})
public class AuthTestApplication {

    public static final String PROFILE = "auth-test-application";

    /** The operator token the tests configure as {@code scimsync.admin-token}. */
    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";

    @Bean(destroyMethod = "close")
    LoopbackMongoServer loopbackMongoServer() {
        return LoopbackMongoServer.start();
    }

    @Bean
    MongoConnectionDetails mongoConnectionDetails(LoopbackMongoServer server) {
        return () -> new ConnectionString(server.uri());
    }

    /** A SCIM endpoint that returns the tenant its request was authenticated for. */
    @RestController
    @Profile(PROFILE)
    static class WhoAmIController {

        @GetMapping("/scim/v2/whoami")
        Map<String, String> whoAmI(AuthenticatedTenant tenant) {
            return Map.of("tenantId", tenant.tenantId(), "tokenId", tenant.tokenId());
        }
    }
}
