package dev.jgvm.cli;

import dev.jgvm.shims.LauncherWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** jgvm run from a directory that was deleted: one error on stderr, nothing on stdout for an eval to run. */
class DeletedDirectoryIT {
    @TempDir Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"env", "list", "install"})
    void aDeletedWorkingDirectoryIsOneErrorOnStderrAndNothingOnStdout(String command) throws Exception {
        Path home = tmp.resolve("jgvm");
        Path launcher = home.resolve("bin/jgvm");
        Path lib = Files.createDirectories(home.resolve("lib"));
        new LauncherWriter().write(lib, home, launcher);
        Path gone = Files.createDirectories(tmp.resolve("gone"));

        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "cd \"$1\" && rmdir \"$1\" && exec sh \"$2\" \"$3\"", "sh",
                gone.toString(), launcher.toString(), command);
        pb.environment().put("JGVM_HOME", home.toString());
        pb.redirectError(tmp.resolve("err").toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));

        assertEquals("", out);
        assertEquals(1, p.exitValue());
        // dash and busybox may say "getcwd() failed" themselves as they start; the rest is jgvm's one error.
        String err = Files.readString(tmp.resolve("err"));
        assertTrue(err.endsWith("error: the working directory no longer exists\nhint: cd to a directory that exists and run the command again\n"), err);
        assertFalse(err.contains("java") || err.contains("VM"), err);
    }
}
