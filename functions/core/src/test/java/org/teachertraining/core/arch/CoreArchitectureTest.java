package org.teachertraining.core.arch;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** ARCHITECTURE.md: core is plain Java — no AWS SDK, no Lambda types, no Micronaut, no Jackson. */
class CoreArchitectureTest {
    @Test
    void coreDependsOnNoFrameworkOrCloudSdk() {
        var core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.teachertraining.core");
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "software.amazon..", "com.amazonaws..", "io.micronaut..", "jakarta..", "com.fasterxml..", "io.netty..")
                .check(core);
    }
}
