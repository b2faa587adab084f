package dev.jgvm.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The native image (README, "Native image") cannot be built here, so its configuration is checked instead: picocli's
 * annotation processor writes it in every build, and a command class missing from it would be a command the native
 * {@code jgvm} cannot parse. Every {@code @Command} class under {@code dev.jgvm.cli} must be in the reflection
 * configuration, and the resource configuration must exist.
 */
class NativeConfigurationTest {
    private static final String DIR = "META-INF/native-image/picocli-generated/dev.jgvm/jgvm-cli/";

    @Test
    void everyCommandClassIsInTheReflectionConfiguration() throws Exception {
        String reflect = resource("reflect-config.json");
        List<String> commands = commandClasses();
        assertTrue(commands.size() >= 20, "expected every jgvm command, found only " + commands);
        List<String> missing = new ArrayList<>();
        for (String name : commands) {
            if (!reflect.contains("\"name\" : \"" + name + "\"") && !reflect.contains("\"name\":\"" + name + "\"")) missing.add(name);
        }
        assertTrue(missing.isEmpty(), "command classes the native image could not reflect over: " + missing);
    }

    @Test
    void resourceAndProxyConfigurationAreWritten() throws Exception {
        assertFalse(resource("resource-config.json").isBlank());
        assertNotNull(resource("proxy-config.json"));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = NativeConfigurationTest.class.getClassLoader().getResourceAsStream(DIR + name)) {
            assertNotNull(in, DIR + name + " is not on the class path: picocli's annotation processor did not run");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Binary names of every class compiled into the cli module that carries {@code @Command}, nested ones included. */
    static List<String> commandClasses() throws URISyntaxException, IOException, ClassNotFoundException {
        Path root = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path pkg = root.resolve("dev/jgvm/cli");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(pkg)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String binary = root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(binary, false, NativeConfigurationTest.class.getClassLoader());
                if (c.isAnnotationPresent(Command.class)) found.add(binary);
            }
        }
        return found;
    }
}
