package io.scimsync.standalone.embedded;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.env.Environment;

/**
 * The components one standalone process runs, from {@code scimsync.components}: a comma-separated
 * list of {@code broker}, {@code store}, {@code ingress} and {@code processor}, all four when the
 * property is not set. Running a subset lets the broker, the store, ingress replicas and
 * processor replicas run as separate processes that are stopped independently.
 *
 * @param running the components this process runs, never empty
 */
public record StandaloneComponents(Set<Component> running) {

    public static final String PROPERTY = "scimsync.components";

    /** A part of the pipeline that a standalone process can run. */
    public enum Component {
        /** The embedded single-node KRaft broker. */
        BROKER,
        /** The embedded MongoDB wire-protocol store on an H2 file. */
        STORE,
        /** The SCIM, admin and ops HTTP APIs, which publish changes to the broker. */
        INGRESS,
        /** The change listener, which applies changes to the store. */
        PROCESSOR;

        /** Returns the name used in {@code scimsync.components}. */
        public String propertyName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public StandaloneComponents {
        running = Set.copyOf(running);
    }

    /**
     * Reads {@link #PROPERTY}.
     *
     * @throws IllegalArgumentException when the list is empty or names an unknown component,
     *     with the valid names in the message
     */
    public static StandaloneComponents from(Environment environment) {
        String value = environment.getProperty(PROPERTY, validNames());
        Set<Component> running = EnumSet.noneOf(Component.class);
        for (String name : value.split(",")) {
            if (!name.isBlank()) {
                running.add(parse(name.strip(), value));
            }
        }
        if (running.isEmpty()) {
            throw new IllegalArgumentException("Invalid " + PROPERTY + " '" + value
                    + "': list at least one of " + validNames());
        }
        return new StandaloneComponents(running);
    }

    public boolean runs(Component component) {
        return running.contains(component);
    }

    /** Returns true when the process runs the ingress or the processor, which use both clients. */
    public boolean runsPipeline() {
        return runs(Component.INGRESS) || runs(Component.PROCESSOR);
    }

    /** Returns the running components in the order of {@link Component}, comma-separated. */
    @Override
    public String toString() {
        return Arrays.stream(Component.values()).filter(this::runs)
                .map(Component::propertyName).collect(Collectors.joining(","));
    }

    private static Component parse(String name, String value) {
        for (Component component : Component.values()) {
            if (component.propertyName().equalsIgnoreCase(name)) {
                return component;
            }
        }
        throw new IllegalArgumentException("Invalid " + PROPERTY + " '" + value
                + "': unknown component '" + name + "'; valid components are " + validNames());
    }

    private static String validNames() {
        return Arrays.stream(Component.values()).map(Component::propertyName)
                .collect(Collectors.joining(","));
    }
}
