package org.openissuer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import org.junit.jupiter.api.Test;
import org.openissuer.platform.Settings;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Startup validates every bean of type Settings: a *Settings class that is not one would go unchecked. */
class SettingsConventionTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.openissuer");

    @Test
    void everySettingsClassIsValidatedByStartup() {
        classes().that().haveSimpleNameEndingWith("Settings").and().areNotInterfaces()
                .should().implement(Settings.class)
                .because("Startup validates all Settings beans, first, and nothing else validates configuration")
                .check(MAIN);
    }
}
