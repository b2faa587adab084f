package dev.jgvm.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jgvm.cli.Cli.CliResult;
import dev.jgvm.core.env.Env;
import dev.jgvm.fixtures.FakeGoMirror;
import dev.jgvm.fixtures.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plugin jars in JGVM_HOME/plugins, compiled and packed at test time: one that works, and broken ones (a class it
 * names but lacks, a provider whose constructor throws, a file that is no jar). {@code jgvm plugins} lists what
 * loaded and names each broken jar; other commands still work.
 */
class PluginsIT {
    @TempDir Path tmp;

    private static final String EMPTY_SOURCE = """
            package example.empty;

            import dev.jgvm.core.spi.*;
            import java.util.List;

            public final class EmptySourceType implements SourceType {
                @Override public int spiVersion() { return SpiVersion.MAJOR; }

                @Override public String type() { return "empty"; }

                @Override public Source create(MirrorTable mirror, PluginContext context) {
                    return new Source() {
                        @Override public String name() { return mirror.name(); }

                        @Override public List<Release> releases() { return List.of(); }
                    };
                }
            }
            """;

    private static final String THROWING = """
            package example.throwing;

            public final class ThrowingHook implements dev.jgvm.core.spi.InstallHook {
                public ThrowingHook() { throw new IllegalStateException("no licence server"); }

                @Override public int spiVersion() { return dev.jgvm.core.spi.SpiVersion.MAJOR; }

                @Override public void installed(dev.jgvm.core.version.GoVersion v, java.nio.file.Path goroot, dev.jgvm.core.spi.PluginContext c) {}
            }
            """;

    // A source type as a future jgvm's SPI would have it built: it says so, and core must not call it.
    private static final String FUTURE = """
            package example.future;

            import dev.jgvm.core.spi.*;

            public final class FutureSourceType implements SourceType {
                @Override public int spiVersion() { return SpiVersion.MAJOR + 1; }

                @Override public String type() { return "future"; }

                @Override public Source create(MirrorTable mirror, PluginContext context) { throw new AssertionError("refused plugins are never asked"); }
            }
            """;

    // Compiles one source file against jgvm's class path and packs it with its service file and manifest.
    private Path jar(Path dir, String fileName, String className, String source, String service, String serviceLine, String version) throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src-" + fileName));
        Path classes = Files.createDirectories(tmp.resolve("classes-" + fileName));
        Path java = src.resolve(className.substring(className.lastIndexOf('.') + 1) + ".java");
        Files.writeString(java, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"), java.toString()));
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        Path jar = dir.resolve(fileName);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/" + service));
            out.write((serviceLine + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    private Path lacking(Path dir) throws IOException {
        Path jar = dir.resolve("lacking-0.1.jar");
        try (OutputStream o = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(o)) {
            out.putNextEntry(new JarEntry("META-INF/services/dev.jgvm.core.spi.SourceType"));
            out.write("example.gone.GoneSourceType\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    @Test
    void listsBuiltInAndJarExtensionsAndNamesBrokenJarsWhileOtherCommandsWork() throws IOException {
        try (FakeGoMirror m = FakeGoMirror.serving(Scenario.TWO_STABLE_ONE_RC).start()) {
            Path home = tmp.resolve("jgvm");
            Path plugins = Files.createDirectories(home.resolve("plugins"));
            jar(plugins, "empty-source-2.3.1.jar", "example.empty.EmptySourceType", EMPTY_SOURCE,
                    "dev.jgvm.core.spi.SourceType", "example.empty.EmptySourceType", "2.3.1");
            jar(plugins, "throwing-hook.jar", "example.throwing.ThrowingHook", THROWING,
                    "dev.jgvm.core.spi.InstallHook", "example.throwing.ThrowingHook", "0.9");
            lacking(plugins);
            jar(plugins, "future-source-3.0.jar", "example.future.FutureSourceType", FUTURE,
                    "dev.jgvm.core.spi.SourceType", "example.future.FutureSourceType", "3.0");
            Files.writeString(plugins.resolve("notes.jar"), "this is not a zip file");
            Files.writeString(home.resolve("config.toml"), m.configToml());
            Env env = Env.of("JGVM_HOME", home, "HOME", tmp, "JGVM_PLATFORM", "linux/amd64").withCwd(tmp);
            for (Map.Entry<String, String> e : m.env().entrySet()) env = env.with(e.getKey(), e.getValue());
            Cli jgvm = Cli.inProcess(env);

            CliResult list = jgvm.run("plugins");
            CliResult json = jgvm.run("--json", "plugins");
            CliResult remote = jgvm.run("list-remote");
            CliResult viaPlugin = Cli.inProcess(env.with("JGVM_MIRRORS", "empty+file:///nowhere/")).run("list-remote");
            CliResult viaRefused = Cli.inProcess(env.with("JGVM_MIRRORS", "future+file:///nowhere/")).run("list-remote");

            assertEquals(0, list.exitCode(), list.toString());
            List<String> lines = list.out().lines().map(l -> l.replaceAll(" +", " ")).toList();
            assertTrue(lines.contains("source type dl " + version() + " built in"), list.out());
            assertTrue(lines.contains("source type goproxy " + version() + " built in"), list.out());
            assertTrue(lines.contains("source type bundle " + version() + " built in"), list.out());
            assertTrue(lines.contains("source type empty 2.3.1 empty-source-2.3.1.jar"), list.out());
            assertTrue(lines.contains("install hook default-tools " + version() + " built in"), list.out());
            assertTrue(list.err().contains("warn: plugin 'lacking-0.1.jar': "), list.err());
            assertTrue(list.err().contains("example.gone.GoneSourceType"), list.err());
            assertTrue(list.err().contains("warn: plugin 'notes.jar': not a jar"), list.err());
            assertTrue(list.err().contains("warn: plugin 'throwing-hook.jar': ") && list.err().contains("no licence server"), list.err());
            String spi = dev.jgvm.core.spi.SpiVersion.MAJOR + "." + dev.jgvm.core.spi.SpiVersion.MINOR;
            String refusal = "source type 'future' was built for plugin SPI %d; this jgvm has SPI %s, so it is not loaded"
                    .formatted(dev.jgvm.core.spi.SpiVersion.MAJOR + 1, spi);
            assertTrue(list.err().contains("warn: plugin 'future-source-3.0.jar': " + refusal), list.err());
            assertTrue(lines.contains("broken future-source-3.0.jar: " + refusal), list.out());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("broken notes.jar: not a jar")), list.out());
            assertTrue(lines.stream().noneMatch(l -> l.startsWith("source type future")), list.out());
            JsonObject o = JsonParser.parseString(json.out()).getAsJsonObject();
            assertEquals(4, o.getAsJsonArray("problems").size(), json.out());
            assertEquals(0, remote.exitCode(), remote.toString());
            assertEquals("1.22.5\n1.21.13\n", remote.out());
            assertEquals(3, viaPlugin.exitCode(), viaPlugin.toString());
            assertTrue(viaPlugin.err().contains("error: no release"), viaPlugin.err());
            assertEquals(2, viaRefused.exitCode(), viaRefused.toString());
            assertTrue(viaRefused.err().contains("has type 'future', which no plugin provides"), viaRefused.err());
        }
    }

    private static String version() { return dev.jgvm.cli.command.JgvmCommand.Version.number(); }
}
