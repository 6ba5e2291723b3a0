package io.scimsync.ingress;

import io.scimsync.store.DirectoryStoreConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The ingress as a process of its own, for a deployment with separate components. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({IngressConfiguration.class, DirectoryStoreConfiguration.class})
public class IngressApplication {

    public static void main(String[] args) {
        SpringApplication.run(IngressApplication.class, args);
    }
}
