package dev.jgvm.cli;

import dev.jgvm.fixtures.FakeGoMirror;
import dev.jgvm.fixtures.FixtureDistribution;
import dev.jgvm.fixtures.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A full disk, for real: JGVM_HOME on a 1 MiB tmpfs mounted in a private mount namespace ({@code unshare}, which needs
 * no root where user namespaces are allowed). The install must fail as a disk error naming the path, and leave no
 * staging directory or {@code .partial} behind.
 */
class DiskFullIT {
    @TempDir Path tmp;

    private record Run(int exit, String out, String err, String left) {}

    // Mounts the tmpfs on home, runs jgvm with args, then lists what is left in tmp/ and cache/downloads/.
    private Run onFullDisk(Path home, boolean fillFirst, Map<String, String> env, String... args) throws Exception {
        Files.createDirectories(home);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path setup = tmp.resolve("setup");
        Files.createDirectories(setup);
        String script = """
                home=$1; setup=$2; left=$3; fill=$4; shift 4
                mount -t tmpfs -o size=1m tmpfs "$home" || exit 99
                cp -R "$setup"/. "$home"/
                if [ "$fill" = 1 ]; then dd if=/dev/zero of="$home/filler" bs=4k 2>/dev/null; fi
                "$@"
                code=$?
                for d in tmp cache/downloads versions; do [ ! -d "$home/$d" ] || ls -A "$home/$d"; done >"$left"
                exit $code
                """;
        List<String> cmd = new ArrayList<>(List.of("unshare", "--map-root-user", "--mount", "sh", "-c", script, "sh",
                home.toString(), setup.toString(), tmp.resolve("left").toString(), fillFirst ? "1" : "0",
                java.toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
        pb.environment().putAll(env);
        pb.environment().put("JGVM_HOME", home.toString());
        pb.environment().put("HOME", tmp.toString());
        pb.environment().put("JGVM_PLATFORM", "linux/amd64");
        pb.redirectError(tmp.resolve("err").toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String err = Files.readString(tmp.resolve("err"));
        assertTrue(p.exitValue() != 99, "the tmpfs could not be mounted: " + err);
        return new Run(p.exitValue(), out, err, Files.readString(tmp.resolve("left")));
    }

    @Test
    void extractionOntoAFullDiskIsADiskErrorNamingThePathAndLeavesNoStaging() throws Exception {
        Path archive = FixtureDistribution.of("1.22.5").withPadding(2_000).writeTarGz(Files.createDirectories(tmp.resolve("dl")));

        Run r = onFullDisk(tmp.resolve("jgvm"), false, Map.of(), "install", "--from", archive.toString(), "--sha256", FixtureDistribution.sha256(archive));

        assertEquals(1, r.exit(), r.toString());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("error: cannot write '" + tmp.resolve("jgvm/tmp/staging-")), r.err());
        assertTrue(r.err().contains("No space left on device"), r.err());
        assertTrue(r.err().contains("hint: free space"), r.err());
        assertFalse(r.err().contains("truncated") || r.err().contains("network"), r.err());
        assertEquals("", r.left(), "nothing left in tmp/, cache/downloads/ or versions/");
    }

    @Test
    void aDownloadOntoAFullDiskIsADiskErrorAndLeavesNoPartial() throws Exception {
        try (FakeGoMirror m = FakeGoMirror.serving(Scenario.TWO_STABLE_ONE_RC).start()) {
            Path setup = Files.createDirectories(tmp.resolve("setup/keys"));
            Files.writeString(tmp.resolve("setup/config.toml"), m.configToml());
            Files.copy(m.trustedKey(), setup.resolve("mirror-release.asc"), StandardCopyOption.REPLACE_EXISTING);

            Run r = onFullDisk(tmp.resolve("jgvm"), true, m.env(), "install", "1.22.5");

            assertEquals(1, r.exit(), r.toString());
            assertTrue(r.err().contains("error: cannot write '" + tmp.resolve("jgvm")), r.err());
            assertTrue(r.err().contains("No space left on device"), r.err());
            assertFalse(r.err().contains("network") || r.err().contains("every mirror"), r.err());
            assertFalse(r.left().contains(".partial"), r.left());
            assertFalse(r.left().contains("staging-"), r.left());
        }
    }
}
