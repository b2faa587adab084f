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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A dl mirror that publishes checksums.txt and signature.asc at its root offers them without configuration. */
class SignedPairAtMirrorRootIT {
    @TempDir Path tmp;

    private Cli cli(FakeGoMirror m, Path home, boolean trustTheSigner) throws IOException {
        Files.createDirectories(home.resolve("keys"));
        if (trustTheSigner) Files.copy(m.trustedKey(), home.resolve("keys/mirror-release.asc"));
        // No checksums/signature keys, and no origin to ask: only the pair at the root can vouch for the archive.
        Files.writeString(home.resolve("config.toml"), """
                [[mirror]]
                name = "plain"
                type = "dl"
                url = "%s"
                """.formatted(m.url()));
        return Cli.inProcess(Env.of("JGVM_HOME", home, "HOME", tmp, "JGVM_PLATFORM", "linux/amd64", "JGVM_ORIGINS", "none",
                "JGVM_RETRY_BACKOFF_MS", "1").withCwd(tmp));
    }

    @Test
    void thePairSignedByATrustedKeyIsSignedEvidence() throws IOException {
        try (FakeGoMirror m = FakeGoMirror.serving(Scenario.TWO_STABLE_ONE_RC).start()) {
            Path home = tmp.resolve("jgvm");

            CliResult r = cli(m, home, true).run("install", "1.22.5");

            assertEquals(0, r.exitCode(), r.toString());
            String meta = Files.readString(home.resolve("meta/1.22.5.json"));
            assertTrue(meta.contains("\"kind\": \"signed\""), meta);
        }
    }

    @Test
    void thePairSignedByAKeyNobodyTrustsProvesNothing() throws IOException {
        try (FakeGoMirror m = FakeGoMirror.serving(Scenario.TWO_STABLE_ONE_RC).start()) {
            Path home = tmp.resolve("jgvm");

            Cli jgvm = cli(m, home, false);

            CliResult install = jgvm.run("install", "1.22.5");
            CliResult test = jgvm.run("mirror", "test", "plain");

            assertTrue(install.exitCode() != 0, install.toString());
            assertFalse(Files.exists(home.resolve("versions/1.22.5")));
            assertEquals(1, test.exitCode(), test.toString());
            assertTrue(test.err().contains("signature.asc is not by a key jgvm trusts"), test.err());
        }
    }
}
