package io.scimsync.ingress;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The topics ingress writes changes to and reads outcomes from, {@code scimsync.topics.*}; the
 * processor creates them.
 */
@ConfigurationProperties("scimsync.topics")
public record IngressTopicProperties(
        @DefaultValue("scim.changes") String changes,
        @DefaultValue("scim.outcomes") String outcomes) {
}
