package io.scimsync.standalone.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.scimsync.standalone.embedded.StandaloneComponents.Component;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class StandaloneComponentsTest {

    @Test
    void unsetPropertyRunsAllComponents() {
        StandaloneComponents components = StandaloneComponents.from(new MockEnvironment());

        assertThat(components.running()).containsExactlyInAnyOrder(Component.values());
    }

    @Test
    void listRunsOnlyNamedComponents() {
        StandaloneComponents components = parse(" Broker , store,");

        assertThat(components.running()).containsExactlyInAnyOrder(Component.BROKER,
                Component.STORE);
        assertThat(components.runsPipeline()).isFalse();
        assertThat(components).hasToString("broker,store");
    }

    @Test
    void processorAloneRunsPipeline() {
        assertThat(parse("processor").runsPipeline()).isTrue();
    }

    @Test
    void unknownComponentListsValidNames() {
        assertThatIllegalArgumentException().isThrownBy(() -> parse("ingress,kafka"))
                .withMessage("Invalid scimsync.components 'ingress,kafka': unknown component "
                        + "'kafka'; valid components are broker,store,ingress,processor");
    }

    @Test
    void emptyListIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> parse(" , "))
                .withMessage("Invalid scimsync.components ' , ': list at least one of "
                        + "broker,store,ingress,processor");
    }

    private static StandaloneComponents parse(String value) {
        return StandaloneComponents.from(
                new MockEnvironment().withProperty(StandaloneComponents.PROPERTY, value));
    }
}
