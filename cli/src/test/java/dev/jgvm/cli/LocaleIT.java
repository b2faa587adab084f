package dev.jgvm.cli;

import dev.jgvm.fixtures.ArchiveBuilder;
import dev.jgvm.fixtures.FixtureDistribution;
import dev.jgvm.shims.LauncherWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real launcher and JVM where users run without a UTF-8 locale (containers, cron, {@code env -i}, CI): file names
 * are bytes, whatever LANG says. Directories with non-ASCII names are made and checked through sh with their bytes
 * spelled in octal, so this test does not depend on the locale of the JVM running it either.
 */
class LocaleIT {
    /** "Ä" in UTF-8. */
    private static final String A_UML = "\\303\\204";
    /** A byte that is never valid UTF-8, and U+FFFD (what decoding it yields) in UTF-8. */
    private static final String BAD = "\\377";
    private static final String REPLACEMENT = "\\357\\277\\275";

    @TempDir Path tmp;
    Path home;
    Path launcher;

    record Run(int exit, String out, String err) {}

    @BeforeEach
    void layOutTheLauncher() throws IOException {
        home = tmp.resolve("jgvm");
        Path lib = BuiltJars.copyTo(tmp.resolve("lib"));
        launcher = home.resolve("bin/jgvm");
        new LauncherWriter().write(lib, home, launcher);
    }

    /**
     * Runs the launcher in {@code tmp/<dir>} (made first; {@code dir} is a printf format, so octal escapes give raw
     * bytes) with only the given locale variables, as {@code env -i} would leave them.
     */
    private Run jgvmIn(String dir, List<String> locale, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("sh", "-c",
                "d=$(printf \"$1\") && mkdir -p \"$d\" && cd \"$d\" && shift && exec \"$@\"", "sh", dir, launcher.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("HOME", tmp.toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("JGVM_HOME", home.toString());
        pb.environment().put("JGVM_PLATFORM", "linux/amd64");
        pb.environment().put("JGVM_MIRRORS", "dl+" + tmp.resolve("no-mirror").toUri());
        pb.environment().put("JGVM_ORIGINS", "none");
        pb.environment().put("JGVM_NO_TRAIN", "1");
        for (String kv : locale) pb.environment().put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        Process p = pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] err = p.getErrorStream().readAllBytes();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    /** Whether {@code tmp/<path>} exists, {@code path} being a printf format as in {@link #jgvmIn}. */
    private boolean exists(String path) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "test -e \"$(printf \"$1\")\"", "sh", path).directory(tmp.toFile()).start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        return p.exitValue() == 0;
    }

    private static List<String> locale(String how) {
        return switch (how) {
            case "LC_ALL=C" -> List.of("LC_ALL=C", "LANG=en_US.UTF-8");
            case "LANG=C" -> List.of("LANG=C");
            default -> List.of();   // env -i: nothing set at all
        };
    }

    private void install(List<String> locale) throws Exception {
        Path a = FixtureDistribution.of("1.22.5").writeTarGz(Files.createDirectories(tmp.resolve("dl")));
        Run r = jgvmIn(".", locale, "install", "--from", a.toString(), "--sha256", FixtureDistribution.sha256(a));
        assertEquals(0, r.exit(), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"LC_ALL=C", "LANG=C", "unset"})
    void anArchiveWithNonAsciiNamesInstallsWithoutAUtf8Locale(String how) throws Exception {
        // Go's own archives hold test/fixedbugs/issue27836.dir/Äfoo.go.
        Path archive = ArchiveBuilder.tarGz().minimalGo("1.22.5")
                .file("go/test/fixedbugs/issue27836.dir/\u00C4foo.go", "package foo\n", 0644)
                .file("go/test/fixedbugs/issue27836.dir/\u00C4main.go", "package main\n", 0644)
                .write(tmp.resolve("go1.22.5.linux-amd64.tar.gz"));

        Run r = jgvmIn(".", locale(how), "install", "--from", archive.toString(), "--sha256", FixtureDistribution.sha256(archive));

        assertEquals(0, r.exit(), r.err());
        assertTrue(exists("jgvm/versions/1.22.5/test/fixedbugs/issue27836.dir/" + A_UML + "foo.go"), "the name's UTF-8 bytes on disk");
        assertTrue(exists("jgvm/versions/1.22.5/test/fixedbugs/issue27836.dir/" + A_UML + "main.go"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"LC_ALL=C", "LANG=C", "unset"})
    void useListAndCurrentWorkInADirectoryWithANonAsciiName(String how) throws Exception {
        install(locale(how));
        String dir = "src/" + A_UML + "pfel";
        String shown = tmp.resolve("src/\u00C4pfel") + "/.go-version";

        Run use = jgvmIn(dir, locale(how), "use", "1.22.5");
        Run list = jgvmIn(dir, locale(how), "list");
        Run current = jgvmIn(dir, locale(how), "current", "-v");

        assertEquals(0, use.exit(), use.err());
        assertTrue(use.err().contains("selected by " + shown), use.err());
        assertTrue(exists(dir + "/.go-version"));
        assertEquals(0, list.exit(), list.err());
        assertTrue(list.out().startsWith("* 1.22.5"), list.out());
        assertEquals(0, current.exit(), current.err());
        assertEquals("1.22.5 (from " + shown + ")\n", current.out(), current.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"LC_ALL=C", "LANG=C.UTF-8"})
    void execRunsItsCommandInADirectoryWhoseNameIsNotUtf8(String how) throws Exception {
        List<String> locale = how.equals("LANG=C.UTF-8") ? List.of(how) : locale(how);
        install(locale);

        Run exec = jgvmIn("src/" + BAD + "proj", locale, "exec", "--", "pwd");

        assertEquals(0, exec.exit(), exec.err());
        assertEquals(tmp.resolve("src") + "/\uFFFDproj\n", exec.out(), "the byte itself, shown here as U+FFFD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"LC_ALL=C", "unset", "LANG=C.UTF-8"})
    void useWritesItsFileInADirectoryWhoseNameIsNotUtf8(String how) throws Exception {
        List<String> locale = how.equals("LANG=C.UTF-8") ? List.of(how) : locale(how);
        install(locale);
        String dir = "src/" + BAD + "proj";

        Run use = jgvmIn(dir, locale, "use", "1.22.5");

        assertEquals(0, use.exit(), use.err());
        assertTrue(exists(dir + "/.go-version"), "in that very directory");
        assertFalse(exists("src/" + REPLACEMENT + "proj"), "no sibling named with U+FFFD");
    }
}
