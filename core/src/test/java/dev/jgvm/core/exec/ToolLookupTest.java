package dev.jgvm.core.exec;

import dev.jgvm.core.env.Env;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.error.ToolNotFoundException;
import dev.jgvm.core.resolve.Resolution;
import dev.jgvm.core.resolve.Selection;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.version.GoVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToolLookupTest {
    @TempDir Path tmp;

    private Path executable(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private static Resolution selected(String spec, Optional<GoVersion> installed) {
        return new Resolution(new Selection(Optional.of(spec), Selection.Source.PROJECT_FILE, Optional.empty(), List.of()), installed);
    }

    @Test
    void systemIsTheFirstOnPathOutsideTheShims() throws IOException {
        InstallStore store = new InstallStore(tmp.resolve("jgvm"), Duration.ofSeconds(1));
        executable(store.shimsDir().resolve("go"));
        Path real = executable(tmp.resolve("usr/bin/go"));
        ToolLookup tools = new ToolLookup(store, Env.of("PATH", store.shimsDir() + ":" + tmp.resolve("usr/bin")));

        Path found = tools.binary(selected("system", Optional.empty()), Optional.empty(), "go");

        assertEquals(real, found);
    }

    @Test
    void aToolTheSelectedVersionLacksIsNamedWithTheExitCodeOfItsCaller() throws IOException {
        InstallStore store = new InstallStore(tmp.resolve("jgvm"), Duration.ofSeconds(1));
        GoVersion v = GoVersion.parse("1.22.5");
        executable(store.goroot(v).resolve("bin/go"));
        ToolLookup tools = new ToolLookup(store, Env.of("PATH", ""));
        Resolution r = selected("1.22.5", Optional.of(v));

        ToolNotFoundException which = assertThrows(ToolNotFoundException.class, () -> tools.binary(r, Optional.of(v), "gopls"));
        ToolNotFoundException shim = tools.shimMissing(r, "gopls").orElseThrow();

        assertEquals(store.goroot(v).resolve("bin/go"), tools.binary(r, Optional.of(v), "go"));
        assertTrue(tools.shimMissing(r, "go").isEmpty());
        assertTrue(which.getMessage().startsWith("go 1.22.5 has no 'gopls' (selected by "), which.getMessage());
        assertEquals(ExitCode.FAILURE, which.exitCode());
        assertEquals(ExitCode.SHIM_NOT_FOUND, shim.exitCode());
    }

    @Test
    void theHintSaysOtherVersionsHaveTheToolOnlyWhenOneDoes() throws IOException {
        InstallStore store = new InstallStore(tmp.resolve("jgvm"), Duration.ofSeconds(1));
        GoVersion v = GoVersion.parse("1.22.5");
        executable(store.goroot(v).resolve("bin/go"));
        executable(store.goroot(GoVersion.parse("1.24.0")).resolve("bin/newtool"));
        ToolLookup tools = new ToolLookup(store, Env.of("PATH", ""));
        Resolution r = selected("1.22.5", Optional.of(v));

        ToolNotFoundException elsewhere = assertThrows(ToolNotFoundException.class, () -> tools.binary(r, Optional.of(v), "newtool"));
        ToolNotFoundException nowhere = assertThrows(ToolNotFoundException.class, () -> tools.binary(r, Optional.of(v), "nosuch"));

        assertEquals("'newtool' comes with other Go versions; pick one with 'jgvm use <version>'", elsewhere.hint().orElseThrow());
        assertEquals("no installed Go version has a command 'nosuch'; check the name", nowhere.hint().orElseThrow());
    }

    @Test
    void execFindsItsCommandOnTheChildsPathOrExitsLikeAShim() throws IOException {
        Path gofmt = executable(tmp.resolve("goroot/bin/gofmt"));

        ToolNotFoundException e = assertThrows(ToolNotFoundException.class, () -> ToolLookup.onChildPath("nope", tmp.resolve("goroot/bin").toString()));

        assertEquals(gofmt.toString(), ToolLookup.onChildPath("gofmt", tmp.resolve("goroot/bin").toString()));
        assertEquals("./x", ToolLookup.onChildPath("./x", ""));
        assertEquals(ExitCode.SHIM_NOT_FOUND, e.exitCode());
    }
}
