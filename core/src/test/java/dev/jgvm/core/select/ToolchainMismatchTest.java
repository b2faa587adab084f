package dev.jgvm.core.select;

import dev.jgvm.core.resolve.GoModule;
import dev.jgvm.core.version.GoVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ToolchainMismatchTest {
    @TempDir Path tmp;

    private Optional<ToolchainMismatch> check(String selected, String go, String toolchain, String gotoolchain) {
        GoModule m = new GoModule(Path.of("/src/api/go.mod"), go, toolchain);
        return ToolchainMismatch.find(GoVersion.parse(selected), Optional.of(m), gotoolchain, tmp.resolve("shims"));
    }

    @Test
    void nothingWhenTheSelectedVersionSatisfiesTheModuleOrThereIsNone() {
        assertEquals(Optional.empty(), check("1.22.5", "1.22.0", "", ""));
        assertEquals(Optional.empty(), check("1.22.5", "1.23.0", "default", ""));
        assertEquals(Optional.empty(), ToolchainMismatch.find(GoVersion.parse("1.22.5"), Optional.empty(), "", tmp));
    }

    @Test
    void withGotoolchainAutoGoDownloadsItselfAndPathModeIsSuggested() {
        ToolchainMismatch m = check("1.22.5", "1.23", "", "").orElseThrow();
        assertEquals("/src/api/go.mod needs go 1.23 or newer, but the selected go 1.22.5 is older;"
                + " with GOTOOLCHAIN=auto Go downloads go1.23.0 itself, outside jgvm's mirrors and checks", m.what());
        assertEquals("run 'jgvm install 1.23' and 'jgvm use 1.23', or set gotoolchain = \"path\" in config.toml", m.fix());
    }

    @Test
    void aNewerToolchainLineIsNamedWithTheReleaseToInstall() {
        ToolchainMismatch m = check("1.22.5", "1.21", "go1.22.9", "local+path").orElseThrow();
        assertEquals("/src/api/go.mod asks for toolchain go1.22.9, newer than the selected go 1.22.5;"
                + " with GOTOOLCHAIN=local+path Go's switch needs jgvm's go1.22.9, which is not installed", m.what());
        assertEquals("run 'jgvm install 1.22.9' and 'jgvm use 1.22.9'", m.fix());
    }

    @Test
    void whenJgvmHasTheVersionCommandGoSwitchesToIt() throws IOException {
        Files.createDirectories(tmp.resolve("shims"));
        Files.writeString(tmp.resolve("shims/go1.23.0"), "#!/bin/sh\n");
        ToolchainMismatch m = check("1.22.5", "1.23", "", "").orElseThrow();
        assertEquals("/src/api/go.mod needs go 1.23 or newer, but the selected go 1.22.5 is older; Go switches to jgvm's go1.23.0 for it", m.what());
        assertEquals("run 'jgvm use 1.23' to select it here", m.fix());
    }

    @Test
    void goBefore121CannotSwitch() {
        ToolchainMismatch m = check("1.20.14", "1.21.0", "", "").orElseThrow();
        assertEquals("/src/api/go.mod needs go 1.21.0 or newer, but the selected go 1.20.14 is older (Go before 1.21 cannot switch toolchains)", m.what());
        assertEquals("run 'jgvm install 1.21' and 'jgvm use 1.21'", m.fix());
    }
}
