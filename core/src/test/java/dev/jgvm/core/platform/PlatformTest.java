package dev.jgvm.core.platform;

import dev.jgvm.core.config.Settings;
import dev.jgvm.core.config.SettingsLoader;
import dev.jgvm.core.env.Env;
import dev.jgvm.core.error.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PlatformTest {
    record FakeMachine(String osName, String jvmArch, Optional<String> kernelMachine, boolean translatedByRosetta)
            implements PlatformDetector.Machine {}

    @ParameterizedTest(name = "{0} {1} uname={2} rosetta={3} -> {4}")
    @CsvSource(delimiter = '|', value = {
            "Linux|amd64|x86_64|false|linux/amd64",
            "Linux|aarch64|aarch64|false|linux/arm64",
            "Linux|arm|armv7l|false|linux/arm",
            "Linux|arm|armv6l|false|linux/arm",
            "Linux|x86|i686|false|linux/386",
            "Linux|x86|x86_64|false|linux/amd64",
            "Linux|ppc64le|ppc64le|false|linux/ppc64le",
            "Linux|s390x|s390x|false|linux/s390x",
            "Linux|riscv64|riscv64|false|linux/riscv64",
            "Linux|loongarch64|loongarch64|false|linux/loong64",
            "Mac OS X|aarch64|arm64|false|darwin/arm64",
            "Mac OS X|x86_64|x86_64|false|darwin/amd64",
            "Mac OS X|x86_64|x86_64|true|darwin/arm64",
            "FreeBSD|amd64|amd64|false|freebsd/amd64",
    })
    void detectsTheOperatingSystemsViewNotTheJvms(String os, String jvmArch, String uname, boolean rosetta, String expected) {
        Platform p = PlatformDetector.detect(Optional.empty(), new FakeMachine(os, jvmArch, Optional.of(uname), rosetta));

        assertEquals(expected, p.toString());
    }

    @Test
    void aThirtyTwoBitJvmOnSixtyFourBitWindowsGetsSixtyFourBitGo(@TempDir Path home) {
        Settings.Host host = new SettingsLoader().load(Env.of("HOME", home, "PROCESSOR_ARCHITECTURE", "x86", "PROCESSOR_ARCHITEW6432", "AMD64")).host();

        Platform p = new PlatformDetector(() -> new FakeMachine("Windows 11", "x86", Optional.empty(), false), host.platform(), host.processorArch())
                .platform(Optional.empty());

        assertEquals("windows/amd64", p.toString());
        assertEquals(".zip", p.archiveExtension());
    }

    @Test
    void theOverrideWinsOverDetection() {
        PlatformDetector d = new PlatformDetector(() -> new FakeMachine("Linux", "amd64", Optional.of("x86_64"), false),
                Optional.of("darwin/arm64"), Optional.empty());

        assertEquals("darwin/arm64", d.platform(Optional.empty()).toString());
        assertEquals("linux/arm", d.platform(Optional.of("linux/armv6l")).toString());
        assertEquals("linux/amd64", d.detected().toString());
    }

    @Test
    void anOverrideGoDoesNotKnowIsAUsageErrorNamingWhereItCameFrom() {
        PlatformDetector d = new PlatformDetector(() -> new FakeMachine("Linux", "amd64", Optional.of("x86_64"), false), Optional.empty(), Optional.empty());

        for (String bad : List.of("foo", "linux/foo", "plan10/amd64", "/")) {
            PlatformDetector fromVariable = new PlatformDetector(() -> new FakeMachine("Linux", "amd64", Optional.of("x86_64"), false),
                    Optional.of(bad), Optional.empty());
            UsageException variable = assertThrows(UsageException.class, () -> fromVariable.platform(Optional.empty()));
            UsageException option = assertThrows(UsageException.class, () -> d.platform(Optional.of(bad)));

            assertEquals("JGVM_PLATFORM '%s' is not a platform Go supports".formatted(bad), variable.getMessage());
            assertEquals("--platform '%s' is not a platform Go supports".formatted(bad), option.getMessage());
        }
    }

    @Test
    void usesGosSpellingsForArchivesAndModules() {
        Platform arm = Platform.parse("linux/armv6l");

        assertEquals("linux-armv6l", arm.archiveSuffix());
        assertEquals("linux-arm", arm.moduleSuffix());
        assertEquals(arm, Platform.parse("linux-arm"));
        assertEquals("windows-386", Platform.parse("windows/386").archiveSuffix());
    }

    @Test
    void refusesUnknownPlatformsWithAHint() {
        UsageException e = assertThrows(UsageException.class, () -> Platform.parse("linux/x86_64"));

        assertEquals("'linux/x86_64' is not a Go platform", e.getMessage());
        assertEquals(2, e.exitCode().code());
    }
}
