package io.scimsync.processor;

import io.scimsync.store.DirectoryStoreConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The processor as a process of its own, for a deployment with separate components. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ProcessorConfiguration.class, DirectoryStoreConfiguration.class})
public class ProcessorApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProcessorApplication.class, args);
    }
}
