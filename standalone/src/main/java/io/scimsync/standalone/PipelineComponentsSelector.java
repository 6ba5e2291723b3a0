package io.scimsync.standalone;

import java.util.ArrayList;
import java.util.List;

import io.scimsync.ingress.IngressConfiguration;
import io.scimsync.processor.ProcessorConfiguration;
import io.scimsync.standalone.embedded.StandaloneComponents;
import io.scimsync.standalone.embedded.StandaloneComponents.Component;
import io.scimsync.store.DirectoryStoreConfiguration;

import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Imports the pipeline's configurations for the components that {@code scimsync.components}
 * lists: the ingress's SCIM, admin and ops endpoints, the processor's change listener, and the
 * directory store's repositories that both of them use. A process that runs only the broker or
 * the store gets none of them, and one with the ingress but no processor declares the
 * processor's topics itself.
 */
final class PipelineComponentsSelector implements ImportSelector, EnvironmentAware {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public String[] selectImports(AnnotationMetadata importingClassMetadata) {
        StandaloneComponents components = StandaloneComponents.from(environment);
        List<String> imports = new ArrayList<>();
        if (components.runsPipeline()) {
            imports.add(DirectoryStoreConfiguration.class.getName());
        }
        if (components.runs(Component.INGRESS)) {
            imports.add(IngressConfiguration.class.getName());
        }
        if (components.runs(Component.PROCESSOR)) {
            imports.add(ProcessorConfiguration.class.getName());
        } else if (components.runs(Component.INGRESS)) {
            imports.add(IngressTopicsConfiguration.class.getName());
        }
        return imports.toArray(String[]::new);
    }
}
