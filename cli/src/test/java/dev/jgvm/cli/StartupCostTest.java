package dev.jgvm.cli;

import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.env.Env;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What keeps picocli's start-up cheap (DESIGN §11: a JVM command within 2x the JVM floor; bench/startup.sh measures it).
 * These are the levers found with async-profiler that a new command could silently undo.
 */
class StartupCostTest {
    @Test
    void noCommandLooksForMethodSubcommands() throws Exception {
        // With the default (true) picocli reads the annotations of every public method of the command, Object's
        // included: two more annotation proxy classes (@IntrinsicCandidate, @Deprecated) generated at each start,
        // about a third of the annotation cost of `jgvm list --json` on JDK 25. jgvm has no method subcommands.
        List<String> scanning = new ArrayList<>();
        List<String> commands = NativeConfigurationTest.commandClasses();
        for (String name : commands) {
            Command c = Class.forName(name, false, getClass().getClassLoader()).getAnnotation(Command.class);
            if (c.addMethodSubcommands()) scanning.add(name);
        }
        assertTrue(commands.size() >= 20, "expected every jgvm command, found only " + commands);
        assertTrue(scanning.isEmpty(), "give these @Command(addMethodSubcommands = false): " + scanning);
    }

    @Test
    void picocliSkipsGroovyAndTimeConverterLookups() throws Exception {
        Class.forName(Main.class.getName(), true, getClass().getClassLoader());
        // The lookup of groovy.lang.Closure opens every jar on the class path; the java.time converters run the
        // static initializers of MonthDay and friends. Main turns both off before picocli's first use.
        assertEquals("true", System.getProperty("picocli.disable.closures"));
        assertTrue("java.time.MonthDay".matches(System.getProperty("picocli.converters.excludes").split(",")[1]));
    }

    @Test
    void theQuickCommandsAreParsedWithoutReadingAnAnnotation() {
        // Reading a picocli annotation generates a proxy class for its type at each start, which no start-up cache
        // holds: a third of `list --json`'s CPU on JDK 17, over half on JDK 25. CommandModels builds these models.
        for (String[] run : List.of(new String[] {"list", "--json"}, new String[] {"ls"}, new String[] {"current", "--json"})) {
            Terminal.Settings ts = new Terminal.Settings();
            PrintWriter sink = new PrintWriter(new StringWriter());
            Services services = new Services(Env.of("HOME", "/nonexistent"), new Terminal(sink, sink, ts), false);
            List<String> annotated = new ArrayList<>();
            collectAnnotated(Main.commandLine(services, ts, run).getCommandSpec(), annotated);
            assertTrue(annotated.isEmpty(), String.join(" ", run) + " reads the annotations of " + annotated);
        }
    }

    private static void collectAnnotated(CommandSpec spec, List<String> out) {
        for (ArgSpec a : spec.args()) {
            if (a.userObject() instanceof AnnotatedElement e) out.add(spec.qualifiedName() + ": " + e);
        }
        for (CommandSpec mixin : spec.mixins().values()) collectAnnotated(mixin, out);
        for (CommandLine sub : spec.subcommands().values()) collectAnnotated(sub.getCommandSpec(), out);
    }

    @Test
    void theRootUsageIsRenderedByTheBuild() {
        // `jgvm --help` rendered at each start builds every command's model from its annotations: 6x the JVM floor.
        for (String[] asked : List.of(new String[0], new String[] {"--help"}, new String[] {"-h"}, new String[] {"help"})) {
            assertTrue(RootUsage.asked(asked), String.join(" ", asked));
        }
        assertTrue(RootUsage.text().startsWith("Usage: jgvm "), RootUsage.text());
    }

    @Test
    void jsonIsWrittenWithoutGsonsWriter() throws Exception {
        // Gson's JsonWriter formats its escape table with String.format and compiles a regex in its static
        // initializer, and a Gson registers dozens of type adapters: ~10% of `list --json`'s CPU. Json writes the text.
        String json = classBytes(dev.jgvm.cli.render.Json.class);
        assertFalse(json.contains("com/google/gson/GsonBuilder") || json.contains("com/google/gson/stream/JsonWriter"),
                "Json uses Gson's writer again");
    }

    @Test
    void everyCommandsWayThroughMainAndTheSettingsLinksNoLambda() {
        // On JDK 17 each lambda or method reference linked at start costs about a millisecond of interpreted
        // method-handle work even with the start-up archive (SettingsLoader's 22 were ~10% of `list --json`). On
        // JDK 25 the AOT cache holds the lambdas the training linked, but the training never runs main.
        List<String> indy = new ArrayList<>();
        indy.addAll(invokedynamics(Main.class, "main", "shuttingDown", "run", "commandLine"));
        indy.addAll(invokedynamics(dev.jgvm.core.config.SettingsLoader.class, "load", "applyEnv", "console", "go", "goEnvFile", "set", "commaList"));
        assertTrue(indy.isEmpty(), "lambdas or method references on every command's way: " + indy);
    }

    /** The invokedynamic instructions in the named methods of {@code c}, by javap. */
    private static List<String> invokedynamics(Class<?> c, String... methods) {
        java.util.spi.ToolProvider javap = java.util.spi.ToolProvider.findFirst("javap").orElseThrow();
        StringWriter out = new StringWriter();
        int rc = javap.run(new PrintWriter(out), new PrintWriter(out), "-c", "-p", "-classpath", System.getProperty("java.class.path"), c.getName());
        assertEquals(0, rc, out.toString());
        List<String> wanted = List.of(methods);
        List<String> found = new ArrayList<>();
        String method = "";
        int seen = 0;
        for (String line : out.toString().split("\n")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^  \\S.*?([\\w$]+)\\(.*\\)( throws .*)?;$").matcher(line);
            if (m.matches()) {
                method = m.group(1);
                if (wanted.contains(method)) seen++;
            } else if (wanted.contains(method) && line.contains("invokedynamic")) {
                found.add(c.getSimpleName() + "." + method + ": " + line.strip());
            }
        }
        assertTrue(seen >= wanted.size(), "javap did not show every method of " + wanted + " in " + c.getName());
        return found;
    }

    @Test
    void settingsLoaderCompilesNoPatternWhenItsClassIsInitialized() {
        // Every command initializes SettingsLoader; its patterns cost ~13% of `list --json`'s CPU on JDK 17 when
        // they were compiled there. They live in a holder class, compiled when first used.
        for (java.lang.reflect.Field f : dev.jgvm.core.config.SettingsLoader.class.getDeclaredFields()) {
            assertFalse(java.lang.reflect.Modifier.isStatic(f.getModifiers()) && f.getType() == java.util.regex.Pattern.class,
                    "static Pattern in SettingsLoader: " + f.getName());
        }
    }

    @Test
    void theSystemEnvironmentMakesNoClockUntilAskedFor() throws Exception {
        // Clock.systemUTC() initializes ZoneOffset and its constants, ~3% of a quick command on JDK 25; few read the time.
        java.lang.reflect.Field clock = Env.class.getDeclaredField("clock");
        clock.setAccessible(true);
        Env env = Env.system();

        assertEquals(null, clock.get(env), "Env.system() made a clock");
        assertEquals(java.time.ZoneOffset.UTC, env.clock().getZone());
    }

    @Test
    void theEverydayCommandsCacheIsTrainedWithoutAnInstallOrTheNetwork() throws Exception {
        // On JDK 24+ a start loads every class its AOT cache holds: the full training's ~3500 put `list --json` at
        // 2.6x the floor on JDK 25, the everyday commands' own ~1900 at 2.0x. What an install, a signature check or a
        // download loads must stay out of it: run the quick training and look at what it loads.
        String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-Xshare:off", "-verbose:class", "-cp", System.getProperty("java.class.path"),
                Train.class.getName(), "quick").redirectErrorStream(true).start();
        p.getOutputStream().close();
        String loaded = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), loaded);
        assertTrue(loaded.contains(" dev.jgvm.cli.render.Json "), "the training did not render list --json:\n" + loaded);
        List<String> unwanted = new ArrayList<>();
        for (String line : loaded.split("\n")) {
            for (String prefix : List.of(" dev.jgvm.core.install.", " dev.jgvm.core.transport.", " dev.jgvm.core.verify.", " okhttp3.",
                    " org.bouncycastle.", " org.apache.commons.compress.", " com.sun.net.httpserver.")) {
                if (line.contains(prefix)) unwanted.add(line.strip());
            }
        }
        assertTrue(unwanted.isEmpty(), "the everyday commands' training loads " + unwanted);
    }

    @Test
    void theLauncherStartsWhatTheQuickTrainingRunsWithItsCache() throws Exception {
        // launcher.sh picks the lean cache by the first word that is not an option; Train.QUICK_RUNS must be such runs,
        // or the lean cache holds classes no command that uses it needs.
        String launcher;
        try (java.io.InputStream in = dev.jgvm.shims.LauncherWriter.class.getResourceAsStream("launcher.sh")) {
            launcher = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("_jgvm_lean=1\nfor _jgvm_a; do\n  case \\$_jgvm_a in\n    ([a-z|-]+)\\) break ;;")
                .matcher(launcher);
        assertTrue(m.find(), "launcher.sh chooses the lean cache differently now");
        List<String> lean = List.of(m.group(1).split("\\|"));
        for (String[] run : Train.QUICK_RUNS) {
            for (String a : run) {
                if (a.startsWith("-")) continue;
                assertTrue(lean.contains(a), "Train quick runs '" + String.join(" ", run) + "', which the launcher starts with the full cache");
                break;
            }
        }
    }

    private static String classBytes(Class<?> c) throws java.io.IOException {
        try (java.io.InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }
}
