package dev.jgvm.core.plugin;

import dev.jgvm.core.spi.SpiVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plugins built for another SPI are refused by jar name, and the others load: one built for a future major, and one
 * built against the SPI as it was before it had a version (compiled here against a stand-in of that old interface).
 */
class PluginRegistryTest {
    @TempDir Path tmp;

    @Test
    void aPluginBuiltBeforeTheSpiHadAVersionIsRefusedByNameAndTheOthersLoad() throws IOException {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        // The old contract: no spiVersion(). The stand-in interface is only compiled against, never packed.
        Path oldSpi = compile("old-spi", null, "dev/jgvm/core/spi/SourceType.java", """
                package dev.jgvm.core.spi;
                public interface SourceType {
                    String type();
                    Source create(MirrorTable mirror, PluginContext context);
                }
                """);
        Path oldPlugin = compile("old-plugin", oldSpi, "example/old/OldSourceType.java", """
                package example.old;
                import dev.jgvm.core.spi.*;
                public final class OldSourceType implements SourceType {
                    @Override public String type() { return "old"; }
                    @Override public Source create(MirrorTable mirror, PluginContext context) { throw new AssertionError("never asked"); }
                }
                """);
        jar(plugins.resolve("old-source.jar"), oldPlugin, "example.old.OldSourceType");
        Path current = compile("current-plugin", null, "example/now/NowSourceType.java", """
                package example.now;
                import dev.jgvm.core.spi.*;
                public final class NowSourceType implements SourceType {
                    @Override public int spiVersion() { return SpiVersion.MAJOR; }
                    @Override public String type() { return "now"; }
                    @Override public Source create(MirrorTable mirror, PluginContext context) { throw new AssertionError("not in this test"); }
                }
                """);
        jar(plugins.resolve("now-source.jar"), current, "example.now.NowSourceType");

        PluginRegistry registry = PluginRegistry.load(getClass().getClassLoader(), "test", plugins);

        assertEquals(List.of(new PluginRegistry.Problem("old-source.jar", ("source type 'old' was built for a plugin SPI without a version "
                + "(before %d); this jgvm has SPI %s, so it is not loaded").formatted(SpiVersion.MAJOR, SpiVersion.text()))), registry.problems());
        assertTrue(registry.sourceTypes().containsKey("now"), registry.sourceTypes().toString());
        assertTrue(!registry.sourceTypes().containsKey("old"), registry.sourceTypes().toString());
    }

    // Compiles one source file, with `first` ahead of jgvm's classes on the class path when given.
    private Path compile(String name, Path first, String file, String source) throws IOException {
        Path src = tmp.resolve("src-" + name).resolve(file);
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path out = Files.createDirectories(tmp.resolve("classes-" + name));
        String cp = (first == null ? "" : first + java.io.File.pathSeparator) + System.getProperty("java.class.path");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, diagnostics, diagnostics, "-d", out.toString(), "-cp", cp, src.toString());
        assertEquals(0, rc, diagnostics.toString(StandardCharsets.UTF_8));
        return out;
    }

    private static void jar(Path jar, Path classes, String provider) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/dev.jgvm.core.spi.SourceType"));
            out.write((provider + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }
}
