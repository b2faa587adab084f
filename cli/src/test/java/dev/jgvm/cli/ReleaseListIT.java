package dev.jgvm.cli;

import dev.jgvm.cli.Cli.CliResult;
import dev.jgvm.core.env.Env;
import dev.jgvm.fixtures.FakeGoMirror;
import dev.jgvm.fixtures.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who decides what {@code latest} and {@code 1.22} mean: the official release list when it answers over HTTPS; a
 * mirror's listing only when it does not, and then jgvm says so and warns when it has seen a newer release than the
 * mirror lists. The primary mirror here froze its (signed) listing at go1.21.13 but serves every archive.
 */
class ReleaseListIT {
    @TempDir Path tmp;
    private Path home;

    private Cli cli(FakeGoMirror m, String... extraEnv) throws IOException {
        home = tmp.resolve("jgvm");
        Files.createDirectories(home.resolve("keys"));
        Files.writeString(home.resolve("config.toml"), m.configToml());
        Files.copy(m.trustedKey(), home.resolve("keys/mirror-release.asc"), StandardCopyOption.REPLACE_EXISTING);
        Env env = Env.of("JGVM_HOME", home, "HOME", tmp, "JGVM_PLATFORM", "linux/amd64").withCwd(tmp);
        for (var e : m.env().entrySet()) env = env.with(e.getKey(), e.getValue());
        for (int i = 0; i < extraEnv.length; i += 2) env = env.with(extraEnv[i], extraEnv[i + 1]);
        return Cli.inProcess(env);
    }

    @Test
    void theOfficialListDecidesLatestWhateverAFrozenMirrorLists() throws IOException {
        try (FakeGoMirror m = FakeGoMirror.serving(Scenario.FREEZING_MIRROR).start().officialList(true)) {
            Cli jgvm = cli(m);

            CliResult installed = jgvm.run("install", "latest");
            CliResult listed = jgvm.run("list-remote");

            assertEquals(0, installed.exitCode(), installed.toString());
            assertEquals(home.resolve("versions/1.22.5") + "\n", installed.out());
            assertFalse(installed.err().contains("listing of mirror"), installed.err());
            assertEquals("1.22.5\n1.21.13\n", listed.out());
        }
    }

    @Test
    void aMirrorsListingSaysWhoseItIsAndWarnsOfANewerReleaseSeenOnTheOfficialListBefore() throws IOException {
        try (FakeGoMirror m = FakeGoMirror.serving(Scenario.FREEZING_MIRROR).start().officialList(true)) {
            Cli jgvm = cli(m);
            CliResult earlier = jgvm.run("list-remote");
            m.officialList(false);

            CliResult installed = jgvm.run("install", "latest");
            CliResult listed = jgvm.run("list-remote");

            assertEquals(0, earlier.exitCode(), earlier.toString());
            assertEquals(0, installed.exitCode(), installed.toString());
            assertEquals(home.resolve("versions/1.21.13") + "\n", installed.out());
            assertTrue(installed.err().contains("info: go latest is 1.21.13 by the listing of mirror 'primary', not by the official release list ("),
                    installed.err());
            assertTrue(installed.err().contains("warn: mirror 'primary' lists nothing newer than go 1.21.13 for 'latest', but jgvm has seen go 1.22.5"),
                    installed.err());
            assertEquals("1.21.13\n", listed.out());
            assertTrue(listed.err().contains("info: this is the listing of mirror 'primary', not the official release list"), listed.err());
            assertTrue(listed.err().contains("warn: mirror 'primary' lacks releases jgvm has seen: 1.22.5"), listed.err());
        }
    }

    @Test
    void withNoOriginAFreezeIsNoticedFromWhatIsInstalled() throws IOException {
        try (FakeGoMirror m = FakeGoMirror.serving(Scenario.FREEZING_MIRROR).start()) {
            Cli jgvm = cli(m, "JGVM_ORIGINS", "none");
            // The backup's signed checksums vouch for 1.22.5, which the primary's frozen listing lacks.
            CliResult exact = jgvm.run("install", "1.22.5");

            CliResult line = jgvm.run("install", "latest");

            assertEquals(0, exact.exitCode(), exact.toString());
            assertEquals(0, line.exitCode(), line.toString());
            assertEquals(home.resolve("versions/1.21.13") + "\n", line.out());
            assertTrue(line.err().contains("by the listing of mirror 'primary', not by the official release list (no official origin is configured"),
                    line.err());
            assertTrue(line.err().contains("but jgvm has seen go 1.22.5"), line.err());
        }
    }
}
