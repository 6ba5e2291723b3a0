package io.scimsync.standalone.embedded;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/**
 * Runs an embedded Kafka broker and MongoDB store for the Spring Boot application whose source
 * carries this annotation. {@link EmbeddedInfrastructureListener} starts both before the context
 * is created and points {@code spring.kafka.bootstrap-servers} and {@code spring.mongodb.uri} at
 * them. The imported configuration adds their health indicators and the store's durability hook.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(EmbeddedInfrastructureConfiguration.class)
public @interface EnableEmbeddedInfrastructure {
}
