package dev.jgvm.cli;

import dev.jgvm.cli.Cli.CliResult;
import dev.jgvm.core.env.Env;
import dev.jgvm.fixtures.FixtureDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code jgvm exec} as a real process: signals reach the child, which is never left running; output passes unchanged. */
class ExecSignalsIT {
    @TempDir Path tmp;

    private ProcessBuilder jgvm(Path home, String... args) throws Exception {
        Path a = FixtureDistribution.of("1.22.5").writeTarGz(Files.createDirectories(tmp.resolve("dl")));
        Env env = Env.of("JGVM_HOME", home, "HOME", tmp, "PATH", "/usr/bin:/bin", "JGVM_PLATFORM", "linux/amd64").withCwd(tmp);
        CliResult installed = Cli.inProcess(env).run("install", "--from", a.toString(), "--sha256", FixtureDistribution.sha256(a));
        assertEquals(0, installed.exitCode(), installed.toString());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // A terminal's dispositions, whatever this build inherited: under `nohup` (or a CI runner that ignores a signal)
        // an ignored signal stays ignored across exec, and a shell cannot trap one it was started ignoring.
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/env", "--default-signal=HUP,INT,TERM",
                java.toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName());
        pb.command().addAll(List.of(args));
        pb.environment().put("JGVM_HOME", home.toString());
        pb.environment().put("HOME", tmp.toString());
        pb.directory(tmp.toFile());
        return pb;
    }

    @ParameterizedTest
    @CsvSource({"INT, 3", "TERM, 4", "HUP, 5"})
    void aSignalSentToJgvmReachesTheChildAndJgvmExitsWithItsStatus(String signal, int status) throws Exception {
        Path marks = tmp.resolve("marks");
        String child = "trap 'echo got " + signal + " >>\"$0\"; exit " + status + "' " + signal + "; echo $$ >\"$0.pid\"; "
                + "while :; do sleep 0.1; done";
        ProcessBuilder pb = jgvm(tmp.resolve("jgvm"), "exec", "--", "sh", "-c", child, marks.toString());
        pb.redirectErrorStream(true).redirectOutput(tmp.resolve("log").toFile());

        Process p = pb.start();
        Path pidFile = tmp.resolve("marks.pid");
        for (int i = 0; i < 600 && !Files.exists(pidFile); i++) Thread.sleep(50);
        Thread.sleep(100);
        long childPid = Long.parseLong(Files.readString(pidFile).strip());
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor());

        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "jgvm ended");
        assertEquals(status, p.exitValue(), Files.readString(tmp.resolve("log")));
        assertEquals("got " + signal + "\n", Files.readString(marks));
        assertFalse(ProcessHandle.of(childPid).map(ProcessHandle::isAlive).orElse(false), "the child is not left running");
    }

    @Test
    void outputPassesThroughByteForByte() throws Exception {
        // 8191 ASCII bytes, then a character of three bytes across the 8 KiB mark, then bytes that are not UTF-8.
        String script = "head -c 8191 /dev/zero | tr '\\0' a; printf '\\342\\202\\254\\377\\376\\n'";
        ProcessBuilder pb = jgvm(tmp.resolve("jgvm"), "exec", "--", "sh", "-c", script);

        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));

        byte[] want = new byte[8191 + 6];
        java.util.Arrays.fill(want, 0, 8191, (byte) 'a');
        byte[] tail = {(byte) 0xe2, (byte) 0x82, (byte) 0xac, (byte) 0xff, (byte) 0xfe, '\n'};
        System.arraycopy(tail, 0, want, 8191, tail.length);
        assertEquals(0, p.exitValue());
        assertArrayEquals(want, out);
        assertEquals("", new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
