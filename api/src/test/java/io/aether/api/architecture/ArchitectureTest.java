package io.aether.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

/**
 * The module and package rules of docs/architecture.md, checked on the production classes of
 * every module (the api module sees them all on its classpath), so they cannot rot.
 */
@AnalyzeClasses(packages = "io.aether", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsTheLanguageOnly = noClasses()
            .that()
            .resideInAPackage("io.aether.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "jakarta.servlet..",
                    "java.sql..",
                    "javax.sql..",
                    "io.aether.api..",
                    "io.aether.command..",
                    "io.aether.query..",
                    "io.aether.homeassistant..",
                    "io.aether.agents..",
                    "io.aether.simulator..")
            .because("domain holds commands, events, queries and folds that every side shares (DESIGN.md)");

    @ArchTest
    static final ArchRule commandSideDoesNotReadTheQuerySide = noClasses()
            .that()
            .resideInAPackage("io.aether.command..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.aether.query..", "io.aether.api..")
            .because("the command side and the query side meet only through domain messages");

    @ArchTest
    static final ArchRule querySideDoesNotWriteTheCommandSide = noClasses()
            .that()
            .resideInAPackage("io.aether.query..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.aether.command..", "io.aether.api..")
            .because("the command side and the query side meet only through domain messages");

    @ArchTest
    static final ArchRule homeAssistantClientStandsAlone = noClasses()
            .that()
            .resideInAPackage("io.aether.homeassistant..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.aether.api..",
                    "io.aether.command..",
                    "io.aether.query..",
                    "io.aether.domain..",
                    "org.springframework..")
            .because("the Home Assistant client is a library of its own");

    @ArchTest
    static final ArchRule agentRuntimeKnowsOnlyTheDomain = noClasses()
            .that()
            .resideInAPackage("io.aether.agents..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.aether.api..",
                    "io.aether.command..",
                    "io.aether.query..",
                    "io.aether.homeassistant..",
                    "org.springframework..",
                    "jakarta.servlet..",
                    "java.sql..",
                    "io.opentelemetry.sdk..",
                    "io.opentelemetry.exporter..")
            .because("the agent runtime (LangChain4j, tools, prompts) has no web code and depends on domain only"
                    + " (and on the OpenTelemetry API for its spans: the SDK and the exporters live in api)");

    @ArchTest
    static final ArchRule simulatorIsTestAndDemoCodeOnly = noClasses()
            .that()
            .resideOutsideOfPackage("io.aether.simulator..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.aether.simulator..")
            .because("the Home Assistant simulator is test and demo code, not part of the server");

    @ArchTest
    static final ArchRule controllersStayThin = noClasses()
            .that()
            .areAnnotatedWith(RestController.class)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "java.sql..",
                    "javax.sql..",
                    "org.springframework.jdbc..",
                    "org.axonframework.eventsourcing..",
                    "org.axonframework.modelling..")
            .orShould()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Repository")
            .because("controllers validate, send a command or query, and map the answer");

    @ArchTest
    static final ArchRule platformKnowsNoFeature = noClasses()
            .that()
            .resideInAPackage("io.aether.api.platform..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.aether.api.proposal..",
                    "io.aether.api.agent..",
                    "io.aether.api.security..",
                    "io.aether.api.system..",
                    "io.aether.api.toolgroup..",
                    "io.aether.api.llm..",
                    "io.aether.api.homeassistant..")
            .because("the platform (Boot main, wiring, web filters, error envelope) serves every feature alike");
}
