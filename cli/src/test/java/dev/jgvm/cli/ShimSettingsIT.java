package dev.jgvm.cli;

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
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real shims and the real launcher: settings baked into the shims follow config.toml without a jgvm command. */
class ShimSettingsIT {
    @TempDir Path tmp;
    Path home;
    Path project;

    record Run(int exit, String out, String err) {}

    @BeforeEach
    void installOneVersion() throws Exception {
        home = tmp.resolve("jgvm");
        Path lib = BuiltJars.copyTo(tmp.resolve("lib"));
        new LauncherWriter().write(lib, home, home.resolve("bin/jgvm"));
        Path a = FixtureDistribution.of("1.22.5").writeTarGz(Files.createDirectories(tmp.resolve("dl")));
        Run r = run(List.of(home.resolve("bin/jgvm").toString(), "install", "--from", a.toString(), "--sha256", FixtureDistribution.sha256(a)), tmp);
        assertEquals(0, r.exit(), r.err());
        project = Files.createDirectories(tmp.resolve("project"));
    }

    private Run run(List<String> cmd, Path cwd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("JGVM_") || k.startsWith("_JGVM_"));
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("PWD", cwd.toString());
        pb.environment().put("HOME", tmp.toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("JGVM_HOME", home.toString());
        pb.environment().put("JGVM_PLATFORM", "linux/amd64");
        pb.environment().put("JGVM_MIRRORS", "dl+" + tmp.resolve("no-mirror").toUri());
        pb.environment().put("JGVM_ORIGINS", "none");
        pb.environment().put("JGVM_NO_TRAIN", "1");
        Process p = pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] err = p.getErrorStream().readAllBytes();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private Run shim(String shell, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(shell.split(" ")));
        cmd.add(home.resolve("shims/go").toString());
        cmd.addAll(List.of(args));
        return run(cmd, project);
    }

    private void editConfig(String toml) throws IOException {
        Files.writeString(home.resolve("config.toml"), toml);
        // An edit made after the shims were written, however fast this machine is.
        Files.setLastModifiedTime(home.resolve("shims/.settings"), FileTime.from(Instant.now().minusSeconds(10)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "busybox sh"})
    void aConfigDatedInTheFutureCostsOneRehashNotOnePerRun(String shell) throws Exception {
        Files.writeString(project.resolve(".go-version"), "1.22.5\n");
        editConfig("auto_install = false\n");
        Files.setLastModifiedTime(home.resolve("config.toml"), FileTime.from(Instant.now().plusSeconds(3600)));

        Run first = shim(shell, "version");
        // From now on the launcher cannot start a JVM: a second rehash would fail loudly.
        Files.writeString(home.resolve("bin/jgvm"), "#!/bin/sh\necho \"error: jgvm ran: $*\" >&2\nexit 1\n");
        Run second = shim(shell, "version");

        assertEquals(0, first.exit(), first.err());
        assertEquals(0, second.exit(), second.err());
        assertEquals("", second.err());
        assertTrue(second.out().startsWith("go version go1.22.5 "), second.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "busybox sh"})
    void variablesSetForOneJgvmCommandAreNotBakedIntoTheShims(String shell) throws Exception {
        // JGVM_AUTO_INSTALL=0 jgvm rehash, say in a CI step: the shims are rewritten, but the variable was for that
        // command; the shims read the variables themselves at each run, and carry only what config.toml says.
        List<String> rehash = List.of("env", "JGVM_AUTO_INSTALL=0", "JGVM_READ_GO_MOD=0", "JGVM_GOTOOLCHAIN=path",
                home.resolve("bin/jgvm").toString(), "rehash");
        assertEquals(0, run(rehash, tmp).exit());
        Files.writeString(project.resolve("go.mod"), "module m\n\ngo 1.21\n\ntoolchain go1.23.0\n");
        Files.writeString(project.resolve(".go-version"), "1.22.5\n");

        Run plain = shim(shell, "version");

        assertEquals(0, plain.exit(), plain.err());   // path mode would stop here: go.mod asks for go1.23.0, not installed
        assertTrue(plain.out().startsWith("go version go1.22.5 "), plain.out());

        Files.delete(project.resolve(".go-version"));
        Run fromGoMod = shim(shell, "version");

        // read_go_mod is on: go.mod's toolchain line is the selection, and auto_install (on) tries to install it.
        assertEquals(127, fromGoMod.exit());
        assertTrue(fromGoMod.err().contains("installing"), fromGoMod.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "busybox sh", "bash --posix"})
    void aChangedConfigTakesEffectAtTheShimsNextRun(String shell) throws Exception {
        Files.writeString(project.resolve(".go-version"), "1.23.0\n");
        editConfig("auto_install = false\n");

        Run off = shim(shell, "version");

        assertEquals(127, off.exit());
        assertFalse(off.err().contains("installing it"), off.err());
        assertTrue(off.err().contains("error: go 1.23.0 is not installed (selected by " + project.resolve(".go-version") + ")\n"), off.err());

        // go.mod asks for a version that is not installed; with read_go_mod off the global default (1.22.5) runs.
        Files.writeString(project.resolve("go.mod"), "module m\n\ngo 1.21\n\ntoolchain go1.21.13\n");
        Files.delete(project.resolve(".go-version"));
        editConfig("auto_install = false\nread_go_mod = false\n");

        Run noGoMod = shim(shell, "version");

        assertEquals(0, noGoMod.exit(), noGoMod.err());
        assertTrue(noGoMod.out().startsWith("go version go1.22.5 "), noGoMod.out());
    }
}
