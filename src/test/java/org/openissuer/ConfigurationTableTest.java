package org.openissuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.openissuer.keys.control.CertificateChainLoader;
import org.openissuer.keys.control.EncryptionKeyLoader;
import org.openissuer.keys.control.KeyRole;
import org.openissuer.ratelimit.entity.Limited;
import org.openissuer.testsupport.ConfigDefaults;

/**
 * README's configuration table (property, environment variable, default, meaning) is the
 * operator's list of settings: it must name every property the code reads and nothing else, and
 * the defaults it tells must be those of microprofile-config.properties, their only source.
 */
class ConfigurationTableTest {

    // read through Config by computed names, not @ConfigProperty: the classes that do, and what they read
    private static final Set<String> PROGRAMMATIC_READERS = Set.of("keys/control/IssuerKeys.java",
            "ratelimit/control/RateLimitSettings.java");

    // in the properties file for the server, not settings of the issuer: no row on purpose
    private static final Set<String> SERVER_LEVEL = Set.of("mp.openapi.scan.disable");

    // documented inside another property's row rather than in a row of their own
    private static final Map<String, String> DOCUMENTED_IN_ROW_OF = Map.of(
            "mp.jwt.token.cookie", "mp.jwt.token.header",
            "issuer.authorization-server.signing.keystore.password", "issuer.authorization-server.signing.keys",
            "issuer.authorization-server.signing.keystore.password.file", "issuer.authorization-server.signing.keys",
            "issuer.authorization-server.signing.active-kid", "issuer.authorization-server.signing.keys");

    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| `([^`]+)` \\|(.*?)\\| .*\\|$");

    @Test
    void everyPropertyTheCodeReadsHasARowAndEveryRowIsRead() throws Exception {
        Set<String> read = new TreeSet<>(readByCode());
        read.addAll(ConfigDefaults.all().stringPropertyNames());
        read.removeAll(SERVER_LEVEL);
        Set<String> expected = new TreeSet<>(read);
        expected.removeAll(DOCUMENTED_IN_ROW_OF.keySet());
        Set<String> rows = table(readme()).keySet();

        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(rows);
        assertTrue(missing.isEmpty(), () -> "README.md's configuration table has no row for " + missing
                + ", which the code reads: add a row (property, environment variable, default, meaning)");
        Set<String> stale = new TreeSet<>(rows);
        stale.removeAll(read);
        assertTrue(stale.isEmpty(), () -> "README.md's configuration table has a row for " + stale
                + ", which no code reads any more: remove the row (or the property was renamed)");
        DOCUMENTED_IN_ROW_OF.forEach((property, row) -> assertTrue(rows.contains(row),
                () -> property + " is told in the row of " + row + ", which README.md's table no longer has"));
    }

    @Test
    void environmentVariablesFollowTheMicroProfileMapping() throws Exception {
        // MicroProfile Config 3.1 §4.1.2.3: upper case, every character other than a letter or digit is '_'
        table(readme()).forEach((property, row) -> assertEquals(property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(),
                row.env(), () -> "README.md: the environment variable of " + property));
    }

    @Test
    void theTableTellsTheShippedDefaults() throws Exception {
        Map<String, Row> table = table(readme());
        Properties defaults = ConfigDefaults.all();
        for (String property : defaults.stringPropertyNames()) {
            Row row = table.get(DOCUMENTED_IN_ROW_OF.getOrDefault(property, property));
            if (row == null || DOCUMENTED_IN_ROW_OF.containsKey(property) || SERVER_LEVEL.contains(property)) {
                continue;
            }
            String shipped = defaults.getProperty(property).replace("${user.home}", "~");
            assertTrue(row.defaultCell().startsWith("`" + shipped + "`"), () -> "README.md says the default of " + property
                    + " is " + row.defaultCell() + "; microprofile-config.properties ships `" + shipped + "`");
        }
    }

    @Test
    void noDefaultIsWrittenInTheCode() throws Exception {
        List<String> written = new ArrayList<>();
        Set<String> shipped = ConfigDefaults.all().stringPropertyNames();
        List<String> required = new ArrayList<>();
        for (Map.Entry<AnnotatedElement, ConfigProperty> injection : injections().entrySet()) {
            ConfigProperty property = injection.getValue();
            if (!ConfigProperty.UNCONFIGURED_VALUE.equals(property.defaultValue())) {
                written.add(property.name() + " at " + injection.getKey());
            }
            Class<?> type = injection.getKey() instanceof Parameter p ? p.getType()
                    : ((java.lang.reflect.Field) injection.getKey()).getType();
            if (type != java.util.Optional.class && !shipped.contains(property.name())) {
                required.add(property.name() + " at " + injection.getKey());
            }
        }
        assertTrue(written.isEmpty(), () -> "defaults belong in microprofile-config.properties only, not in defaultValue: "
                + written);
        assertTrue(required.isEmpty(), () -> "a property injected without Optional needs its default in "
                + "microprofile-config.properties, or the deployment fails when it is unset: " + required);
    }

    @Test
    void onlyTheKnownClassesReadConfigurationByComputedNames() throws IOException {
        Path sources = Path.of("src/main/java/org/openissuer");
        Set<String> readers = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (text.contains("import org.eclipse.microprofile.config.Config;") || text.contains("ConfigProvider")) {
                    readers.add(sources.relativize(file).toString().replace('\\', '/'));
                }
            }
        }
        assertEquals(new TreeSet<>(PROGRAMMATIC_READERS), readers, "a class reading Config by computed names: "
                + "add what it reads to readByCode() so the README table test sees it");
    }

    /** Every name in a @ConfigProperty of the compiled classes, plus the computed ones. */
    private static Set<String> readByCode() throws Exception {
        Set<String> names = new TreeSet<>();
        injections().values().forEach(p -> names.add(p.name()));
        // RateLimitSettings: one limit per Limited
        Arrays.stream(Limited.values()).map(Limited::property).forEach(names::add);
        // IssuerKeys: per key role, the keys, the keystore password (or its file) and the active kid
        for (KeyRole role : KeyRole.values()) {
            names.addAll(List.of(role.keysProperty(), role.passwordProperty(), role.passwordProperty() + ".file",
                    role.activeKidProperty()));
        }
        names.add(EncryptionKeyLoader.KEYS_PROPERTY);
        names.addAll(List.of(CertificateChainLoader.CHAIN_PROPERTY, CertificateChainLoader.TRUST_ANCHOR_PROPERTY));
        return names;
    }

    private static Map<AnnotatedElement, ConfigProperty> injections() throws IOException, URISyntaxException,
            ClassNotFoundException {
        Path classes = Path.of(Startup.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<AnnotatedElement, ConfigProperty> found = new java.util.LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(f -> f.toString().endsWith(".class")).sorted().toList();
        }
        for (Path file : files) {
            String name = classes.relativize(file).toString().replace('\\', '/').replace('/', '.');
            Class<?> type = Class.forName(name.substring(0, name.length() - ".class".length()), false,
                    ConfigurationTableTest.class.getClassLoader());
            for (java.lang.reflect.Field field : type.getDeclaredFields()) {
                put(found, field, field.getAnnotation(ConfigProperty.class));
            }
            List<Executable> executables = new ArrayList<>(Arrays.asList(type.getDeclaredConstructors()));
            executables.addAll(Arrays.asList(type.getDeclaredMethods()));
            for (Executable executable : executables) {
                for (Parameter parameter : executable.getParameters()) {
                    put(found, parameter, parameter.getAnnotation(ConfigProperty.class));
                }
            }
        }
        assertTrue(found.size() > 20, "found only " + found.size() + " @ConfigProperty injections in " + classes);
        return found;
    }

    private static void put(Map<AnnotatedElement, ConfigProperty> found, AnnotatedElement where, ConfigProperty property) {
        if (property != null) {
            found.put(where, property);
        }
    }

    private record Row(String env, String defaultCell) {
    }

    /** The rows of the table under "## Configuration" whose header starts with "| Property |". */
    private static Map<String, Row> table(String readme) {
        int section = readme.indexOf("\n## Configuration\n");
        assertTrue(section >= 0, "README.md has no '## Configuration' section");
        int header = readme.indexOf("\n| Property | Environment variable | Default | Meaning |", section);
        assertTrue(header >= 0, "README.md's configuration section has no table '| Property | Environment variable | Default | Meaning |'");
        Map<String, Row> rows = new TreeMap<>();
        String[] lines = readme.substring(header + 1).split("\n");
        for (int i = 2; i < lines.length && lines[i].startsWith("|"); i++) {
            Matcher row = ROW.matcher(lines[i]);
            assertTrue(row.matches(), "README.md: not a row of `property` | `VARIABLE` | default | meaning: " + lines[i]);
            assertTrue(rows.put(row.group(1), new Row(row.group(2), row.group(3).strip())) == null,
                    "README.md: two rows for " + row.group(1));
        }
        return rows;
    }

    private static String readme() {
        try {
            return Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
