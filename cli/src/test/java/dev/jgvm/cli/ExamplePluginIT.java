package dev.jgvm.cli;

import dev.jgvm.cli.Cli.CliResult;
import dev.jgvm.core.env.Env;
import dev.jgvm.fixtures.FixtureDistribution;
import dev.jgvm.fixtures.GnuPG;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example plugin of {@code examples/local-folder-source} (README, 'Writing a plugin'), built as a third party
 * would build it: its sources compiled against jgvm's classes alone, packed with its service file, dropped in
 * {@code JGVM_HOME/plugins}, configured as a {@code [[mirror]]} of its type, and used by {@code install} end to end
 * with a fixture archive and a signed SHA256SUMS made at test time.
 */
class ExamplePluginIT {
    private static final Path EXAMPLE = Path.of("../examples/local-folder-source");

    @TempDir Path tmp;

    @Test
    void theExampleBuildsAndInstallsAVersionFromAFolderWithSignedChecksums() throws IOException {
        Path home = tmp.resolve("jgvm");
        Path jar = buildExample(Files.createDirectories(home.resolve("plugins")));
        Path folder = Files.createDirectories(tmp.resolve("usb stick/go"));
        Path archive = FixtureDistribution.of("1.22.5").writeTarGz(folder);
        FixtureDistribution.of("1.21.13").writeTarGz(folder);
        Files.writeString(folder.resolve("README.txt"), "not an archive");
        Path sums = Files.writeString(folder.resolve("SHA256SUMS"), FixtureDistribution.sha256(archive) + "  " + archive.getFileName() + "\n");
        GnuPG gpg = GnuPG.in(tmp);
        String signer = gpg.generateKey("USB release <usb@example.test>", "ed25519");
        gpg.detachSign(signer, sums, folder.resolve("SHA256SUMS.asc"));
        gpg.exportPublic(signer, Files.createDirectories(home.resolve("keys")).resolve("usb.asc"), true);
        Files.writeString(home.resolve("config.toml"), """
                [[mirror]]
                name = "usb"
                type = "folder"
                url = "%s"
                """.formatted(folder.toUri()));
        Cli jgvm = Cli.inProcess(Env.of("JGVM_HOME", home, "HOME", tmp, "JGVM_PLATFORM", "linux/amd64", "JGVM_ORIGINS", "none").withCwd(tmp));

        CliResult plugins = jgvm.run("plugins");
        CliResult install = jgvm.run("install", "1.22");
        CliResult unlisted = jgvm.run("install", "1.21.13");

        assertEquals(0, plugins.exitCode(), plugins.toString());
        assertTrue(plugins.out().lines().map(l -> l.replaceAll(" +", " "))
                .anyMatch(l -> l.equals("source type folder 1.0.0 " + jar.getFileName())), plugins.out());
        assertFalse(plugins.out().contains("broken"), plugins.out());
        assertEquals(0, install.exitCode(), install.toString());
        assertTrue(Files.isRegularFile(home.resolve("versions/1.22.5/bin/go")), install.toString());
        String meta = Files.readString(home.resolve("meta/1.22.5.json"));
        assertTrue(meta.contains("\"kind\": \"signed\""), meta);
        // 1.21.13 is in the folder but not in the signed SHA256SUMS: nothing vouches for it, so nothing is installed.
        assertEquals(4, unlisted.exitCode(), unlisted.toString());
        assertFalse(Files.exists(home.resolve("versions/1.21.13")));
    }

    @Test
    void aKeyTheExampleDoesNotTakeIsRefusedByCoreNamingTheMirror() throws IOException {
        Path home = tmp.resolve("jgvm");
        buildExample(Files.createDirectories(home.resolve("plugins")));
        Files.writeString(home.resolve("config.toml"), """
                [[mirror]]
                name = "usb"
                type = "folder"
                url = "%s"
                colour = "red"
                """.formatted(Files.createDirectories(tmp.resolve("empty")).toUri()));

        CliResult r = Cli.inProcess(Env.of("JGVM_HOME", home, "HOME", tmp, "JGVM_PLATFORM", "linux/amd64", "JGVM_ORIGINS", "none")
                .withCwd(tmp)).run("install", "1.22.5");

        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("error: [[mirror]] 'usb' has unknown key 'colour' for its type 'folder'"), r.err());
        assertTrue(r.err().contains("hint: keys a 'folder' mirror takes: checksums, fallback, name, password_env, signature, type, url, username"), r.err());
    }

    @Test
    void theExampleIsBuiltAgainstThisVersionOfJgvm() throws IOException {
        String pom = Files.readString(EXAMPLE.resolve("pom.xml"));

        assertEquals(dev.jgvm.cli.command.JgvmCommand.Version.number(), tag(pom, "jgvm.version"),
                "examples/local-folder-source/pom.xml must depend on the jgvm it documents");
    }

    @Test
    void theExamplesPomPinsACompilerPluginThatHonoursTheRelease() throws IOException {
        // Maven's default compiler plugin ignores maven.compiler.release and compiles for Java 5, which JDK 17 refuses:
        // `mvn package` as the README says failed with "Source option 5 is no longer supported".
        String pom = Files.readString(EXAMPLE.resolve("pom.xml"));
        Matcher m = Pattern.compile("<artifactId>maven-compiler-plugin</artifactId>\\s*<version>(\\d+)\\.(\\d+)").matcher(pom);

        assertTrue(m.find(), "examples/local-folder-source/pom.xml must pin maven-compiler-plugin");
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        assertTrue(major > 3 || major == 3 && minor >= 6, "maven-compiler-plugin " + major + "." + minor + " does not read maven.compiler.release");
        assertEquals("17", tag(pom, "maven.compiler.release"));
    }

    // As `mvn package` in the example would: javac against jgvm's classes (the SPI is in jgvm-core), then a jar of the
    // classes, src/main/resources and a manifest with Implementation-Version.
    private Path buildExample(Path pluginsDir) throws IOException {
        Path classes = Files.createDirectories(tmp.resolve("example-classes"));
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path")));
        try (Stream<Path> s = Files.walk(EXAMPLE.resolve("src/main/java"))) {
            s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().forEach(args::add);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
        assertEquals(0, rc, diagnostics.toString(StandardCharsets.UTF_8));

        String pom = Files.readString(EXAMPLE.resolve("pom.xml"));
        String name = tag(pom, "artifactId") + "-" + tag(pom, "version") + ".jar";
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, tag(pom, "version"));
        Path jar = pluginsDir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf)) {
            for (Path root : List.of(classes, EXAMPLE.resolve("src/main/resources"))) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        out.putNextEntry(new JarEntry(root.relativize(f).toString().replace('\\', '/')));
                        Files.copy(f, out);
                        out.closeEntry();
                    }
                }
            }
        }
        return jar;
    }

    // The first <tag> after the pom's own coordinates begin (the project's, not a dependency's or a plugin's).
    private static String tag(String pom, String tag) {
        String project = pom.substring(pom.indexOf("<modelVersion>"));
        Matcher m = Pattern.compile("<" + Pattern.quote(tag) + ">([^<]+)</" + Pattern.quote(tag) + ">").matcher(project);
        assertTrue(m.find(), "no <" + tag + "> in the example's pom.xml");
        return m.group(1).strip();
    }
}
