package io.scimsync.standalone;

import io.scimsync.standalone.embedded.EnableEmbeddedInfrastructure;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The standalone application without the pipeline's configurations: Boot's auto-configuration
 * and the embedded infrastructure only. It carries no {@code @Configuration}, so the component
 * scan of {@link StandaloneApplication} does not pick it up.
 */
@EnableAutoConfiguration
@EnableEmbeddedInfrastructure
class InfrastructureOnlyApplication {
}
