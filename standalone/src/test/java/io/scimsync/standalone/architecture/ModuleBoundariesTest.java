package io.scimsync.standalone.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules between modules: the SCIM model is plain Java, the store depends on
 * neither HTTP nor Kafka, ingress never writes directory documents itself, and neither ingress nor the
 * processor talks to MongoDB except through the store.
 */
class ModuleBoundariesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.scimsync");
    }

    @Test
    void schemasHaveNoSpring() {
        noClasses().that().resideInAPackage("io.scimsync.schemas..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(classes);
    }

    @Test
    void schemasDependOnNoOtherModule() {
        noClasses().that().resideInAPackage("io.scimsync.schemas..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.scimsync.store..", "io.scimsync.ingress..", "io.scimsync.processor..")
                .check(classes);
    }

    @Test
    void storeHasNoWebOrKafkaTypes() {
        noClasses().that().resideInAPackage("io.scimsync.store..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework.web..", "jakarta.servlet..", "org.apache.kafka..",
                        "org.springframework.kafka..")
                .check(classes);
    }

    @Test
    void ingressDoesNotWriteDirectoryDocuments() {
        noClasses().that().resideInAPackage("io.scimsync.ingress..")
                .should().callMethod(io.scimsync.store.resource.ResourceStore.class, "insert",
                        io.scimsync.store.resource.StoredResource.class,
                        io.scimsync.store.resource.ChangePosition.class)
                .orShould().callMethod(io.scimsync.store.resource.ResourceStore.class, "update",
                        io.scimsync.store.resource.StoredResource.class,
                        io.scimsync.store.resource.ChangePosition.class)
                .orShould().callMethod(io.scimsync.store.resource.ResourceStore.class, "delete",
                        io.scimsync.store.resource.StoredResource.class,
                        io.scimsync.store.resource.ChangePosition.class)
                .orShould().dependOnClassesThat().haveFullyQualifiedName(
                        "io.scimsync.processor.ChangeApplier")
                .check(classes);
    }

    @Test
    void pipelineUsesMongoOnlyThroughTheStore() {
        noClasses().that().resideInAnyPackage("io.scimsync.ingress..", "io.scimsync.processor..")
                .should().dependOnClassesThat().resideInAnyPackage("com.mongodb.client..")
                .check(classes);
    }

    @Test
    void ingressAndProcessorAreIndependent() {
        noClasses().that().resideInAPackage("io.scimsync.ingress..")
                .should().dependOnClassesThat().resideInAPackage("io.scimsync.processor..")
                .check(classes);
        noClasses().that().resideInAPackage("io.scimsync.processor..")
                .should().dependOnClassesThat().resideInAPackage("io.scimsync.ingress..")
                .check(classes);
    }
}
