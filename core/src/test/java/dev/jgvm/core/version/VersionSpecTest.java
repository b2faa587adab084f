package dev.jgvm.core.version;

import dev.jgvm.core.error.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VersionSpecTest {
    private static final List<GoVersion> AVAILABLE = List.of("1.19.13", "1.20", "1.20.14", "1.21.0", "1.21.13",
            "1.22rc1", "1.22.0", "1.22.5", "1.23rc2").stream().map(GoVersion::parse).toList();

    @Test
    void exactReleasesWithOrWithoutGo() {
        assertEquals(new VersionSpec.Exact(GoVersion.parse("1.22.5")), VersionSpec.parse("go1.22.5"));
        assertEquals("1.20", VersionSpec.parse("1.20.0").text());
        assertEquals("1.21rc2", VersionSpec.parse("go1.21rc2").text());
    }

    @Test
    void aLineMeansItsNewestStableRelease() {
        assertEquals(Optional.of(GoVersion.parse("1.22.5")), VersionSpec.parse("1.22").select(AVAILABLE));
        assertEquals(Optional.of(GoVersion.parse("1.20.14")), VersionSpec.parse("1.20").select(AVAILABLE));
        assertEquals(Optional.of(GoVersion.parse("1.21.13")), VersionSpec.parse("go1.21").select(AVAILABLE));
        assertEquals(Optional.empty(), VersionSpec.parse("1.23").select(AVAILABLE), "a release candidate is not a line's release");
    }

    @Test
    void anExactOldReleaseIsNotItsLine() {
        assertEquals(Optional.of(GoVersion.parse("1.20")), VersionSpec.parse("1.20.0").select(AVAILABLE));
    }

    @Test
    void latestIsTheNewestStableRelease() {
        assertEquals(Optional.of(GoVersion.parse("1.22.5")), VersionSpec.parse("latest").select(AVAILABLE));
    }

    @Test
    void systemNeverMatchesAnInstall() {
        assertInstanceOf(VersionSpec.System.class, VersionSpec.parse("system"));
        assertEquals(Optional.empty(), VersionSpec.parse("system").select(AVAILABLE));
    }

    @Test
    void aPreReleaseIsSelectedOnlyExactly() {
        assertEquals(Optional.of(GoVersion.parse("1.23rc2")), VersionSpec.parse("1.23rc2").select(AVAILABLE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.22.x", "v1.22", "stable", "1.22.5.1", "go", ">=1.22"})
    void refusesWhatIsNoSpec(String text) {
        UsageException e = assertThrows(UsageException.class, () -> VersionSpec.parse(text));

        assertEquals("'%s' is not a Go version".formatted(text), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2x", "1.22.5x", "1.21alpha1", "1.22rc", "go1.9beta"})
    void anExactVersionGoverAcceptsButNoReleaseCanHaveIsNotInstallable(String text) {
        VersionSpec spec = VersionSpec.parse(text);

        UsageException e = assertThrows(UsageException.class, spec::installable);

        assertEquals("'%s' is not a Go release name".formatted(spec.text()), e.getMessage());
        assertTrue(e.hint().orElseThrow().contains("jgvm list-remote --all"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.22.5", "go1.21rc2", "1.9beta1", "1.9.2rc2", "1.20", "1.22", "latest", "system", "1"})
    void releasesLinesAndNamesAreInstallable(String text) {
        VersionSpec spec = VersionSpec.parse(text);

        assertEquals(spec, spec.installable());
    }
}
