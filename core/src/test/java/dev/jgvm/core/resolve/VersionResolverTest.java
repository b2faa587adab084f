package dev.jgvm.core.resolve;

import dev.jgvm.core.env.Env;
import dev.jgvm.core.resolve.Selection.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The resolver's main paths; the full definition is the shared conformance vectors. */
class VersionResolverTest {
    @TempDir Path root;

    private Selection select(Path cwd, boolean readGoMod, Object... env) {
        Object[] kv = new Object[env.length + 2];
        kv[0] = "JGVM_HOME";
        kv[1] = root.resolve("home");
        System.arraycopy(env, 0, kv, 2, env.length);
        return new VersionResolver().select(Env.of(kv).withCwd(cwd), readGoMod);
    }

    @Test
    void theNearestDirectoryWins() throws IOException {
        Path project = Files.createDirectories(root.resolve("src/api/internal"));
        Files.writeString(root.resolve("src/.go-version"), "1.21.0\n");
        Files.writeString(root.resolve("src/api/.go-version"), "go1.22.5\n");

        Selection s = select(project, true);

        assertEquals(Optional.of("1.22.5"), s.spec());
        assertEquals(Source.PROJECT_FILE, s.source());
        assertEquals(root.resolve("src/api/.go-version").toString(), s.reason());
    }

    @Test
    void theEnvironmentVariableWinsOverFiles() throws IOException {
        Files.writeString(root.resolve(".go-version"), "1.21.0\n");

        Selection s = select(root, true, "JGVM_GO_VERSION", "1.20");

        assertEquals(Optional.of("1.20"), s.spec());
        assertEquals("JGVM_GO_VERSION", s.reason());
    }

    @Test
    void toleratesBomCrlfCommentsAndBlanks() throws IOException {
        Files.writeString(root.resolve(".go-version"), "\uFEFF# pinned for the api\r\n\r\n   go1.22.5   extra\r\n");

        assertEquals(Optional.of("1.22.5"), select(root, true).spec());
    }

    @Test
    void skipsAGarbageFileAndSaysWhy() throws IOException {
        Path sub = Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve(".go-version"), "1.21.0");
        Files.writeString(sub.resolve(".go-version"), "stable please\n");

        Selection s = select(sub, true);

        assertEquals(Optional.of("1.21.0"), s.spec());
        assertFalse(s.trace().get(0).used());
        assertEquals("'stable' is not a version", s.trace().get(0).reason());
    }

    @Test
    void goModCountsOnlyItsToolchainLineAndCanBeTurnedOff() throws IOException {
        Files.writeString(root.resolve("go.mod"), "module example.com/x\n\ngo 1.22\n\ntoolchain go1.22.5\n");
        Path child = Files.createDirectories(root.resolve("child"));
        Files.writeString(child.resolve("go.mod"), "module example.com/x/child\n\ngo 1.23\n");

        assertEquals(Optional.of("1.22.5"), select(child, true).spec());
        assertEquals(Source.NONE, select(child, false).source());
    }

    @Test
    void fallsBackToTheGlobalDefault() throws IOException {
        Files.createDirectories(root.resolve("home"));
        Files.writeString(root.resolve("home/version"), "1.21\n");

        Selection s = select(root, true);

        assertEquals(Optional.of("1.21"), s.spec());
        assertEquals(Source.GLOBAL_DEFAULT, s.source());
    }

    @Test
    void aHugeFileIsReadOnlyUpToItsFirst4096Bytes() throws IOException {
        Path big = Files.createDirectories(root.resolve("big"));
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(big.resolve(".go-version")))) {
            out.write("1.22.5 ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] junk = new byte[1 << 20];
            java.util.Arrays.fill(junk, (byte) 'x');
            for (int i = 0; i < 50; i++) out.write(junk);   // 50 MiB on one line
        }

        Selection s = select(big, true);

        assertEquals(Optional.empty(), s.spec(), "the first line does not end within 4096 bytes");
        assertEquals("no version in it", s.trace().get(0).reason());
    }
}
