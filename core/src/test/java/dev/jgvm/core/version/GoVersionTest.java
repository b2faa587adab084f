package dev.jgvm.core.version;

import dev.jgvm.core.error.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Go's ordering rules from internal/gover, as tables written for jgvm. */
class GoVersionTest {
    // x, y, sign of compare(x, y): every row is also checked reversed.
    @ParameterizedTest(name = "compare({0}, {1}) = {2}")
    @CsvSource(delimiter = '|', value = {
            "''|''|0", "junk|junk|0", "''|junk|0", "junk|1.0|-1", "1.21X|1|-1", "1.21x|1.21|1", "1.21x|1.21rc1|1",
            "1|1.0|0", "1|1.0.0|0", "1.0|1.0.0|0", "1|1.1|-1", "1.0|1.0.1|-1",
            "1.4|1.5|-1", "1.9|1.10|-1", "1.10|1.19|-1", "1.2|1.10|-1",
            "1.7|1.7.1|-1", "1.18|1.18.0|0", "1.20|1.20.0|0", "1.20rc1|1.20|-1", "1.18rc1|1.18|-1",
            "1.21|1.21.0|-1", "1.21|1.21rc1|-1", "1.21rc1|1.21.0|-1", "1.21rc2|1.21.0|-1", "1.22|1.22.0|-1",
            "1.21.0|1.21.1|-1", "1.21.9|1.21.10|-1", "1.21.10|1.22rc1|-1",
            "1.18alpha1|1.18beta1|-1", "1.18beta2|1.18rc1|-1", "1.18beta1|1.18beta2|-1", "1.18rc1|1.18rc2|-1",
            "1.18rc9|1.18rc10|-1", "1.18rc1|1.18.1|-1", "1.18beta|1.18beta1|-1",
            "1.5|1.99999999999999998|-1", "1.99999999999999998|1.99999999999999999|-1", "1.99999999999999999|2|-1",
            "2|2.0|0", "1.21|2|-1", "1.21.3|1.21.3|0",
            "1.01|1.1|-1", "1.1.01|1.1|-1", "1.21rc01|1.21|-1", "1..1|1.1|-1", "1.21.|1.21|-1", "1.21-rc1|1.21|-1",
            "v1.21|1.21|-1", "go1.21|1.21|-1", "1.21RC1|1.21|-1", "' 1.21'|1.21|-1", "1.21.3rc1|1.0|-1",
    })
    void ordersLikeGover(String x, String y, int sign) {
        assertEquals(sign, Integer.signum(GoVersion.compare(x, y)));
        assertEquals(-sign, Integer.signum(GoVersion.compare(y, x)));
    }

    @ParameterizedTest(name = "isValid({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
            "1|true", "1.0|true", "1.21|true", "1.21.0|true", "1.21rc1|true", "1.21beta1|true", "1.21alpha|true",
            "1.999testmod|true", "1.99999999999999999|true", "1.21.3|true",
            "''|false", "x|false", "1.|false", "1.21.|false", "1.21.3rc1|false", "1.21rc|true", "1.21RC1|false",
            "1.21-rc1|false", "01.21|false", "1.021|false", "1.21.03|false", "1.21rc01|false", "go1.21|false",
            "1.21.1.1|false", "1.99999999999999999x|true", "1.600+auto|false", "1.99999999999999999.|false",
    })
    void validatesLikeGover(String x, boolean valid) {
        assertEquals(valid, GoVersion.isValid(x));
    }

    @ParameterizedTest(name = "lang({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
            "1|1", "1.0|1", "1.0.0|1", "1.2|1.2", "1.2.3|1.2", "1.21rc1|1.21", "1.21.0|1.21", "2.1|2.1", "junk|''",
    })
    void languageVersionLikeGover(String x, String lang) {
        assertEquals(lang, GoVersion.lang(x));
    }

    @ParameterizedTest(name = "isLang({0}) = {1}")
    @CsvSource(delimiter = '|', value = {"1.21|true", "1.22|true", "1.20|false", "1.21.0|false", "1.21rc1|false", "junk|false"})
    void languageVersionsAreThoseWithoutAPatch(String x, boolean lang) {
        assertEquals(lang, GoVersion.isLang(x));
    }

    @Test
    void maxKeepsTheFirstOnATie() {
        assertEquals("1.20", GoVersion.max("1.20", "1.20.0"));
        assertEquals("1.21.0", GoVersion.max("1.21", "1.21.0"));
        assertEquals("1.2", GoVersion.max("junk", "1.2"));
    }

    @ParameterizedTest(name = "{0} is named {1}")
    @CsvSource(delimiter = '|', value = {
            "1.22.5|1.22.5", "go1.22.5|1.22.5", "1.20|1.20", "1.20.0|1.20", "go1.20|1.20", "1.21.0|1.21.0",
            "1.21rc2|1.21rc2", "go1.21rc2|1.21rc2", "1|1", "1.0|1", "1.0.1|1.0.1", "1.9.2rc2|1.9.2rc2", "1.21|1.21",
            "1.4beta1|1.4beta1",
    })
    void namesReleasesAsGoDoes(String text, String name) {
        GoVersion v = GoVersion.parse(text);

        assertEquals(name, v.name());
        assertEquals("go" + name, v.goName());
    }

    @Test
    void patchPreReleasesParseAndSortBeforeTheirRelease() {
        GoVersion rc = GoVersion.parse("go1.9.2rc2");

        assertTrue(GoVersion.parse("1.9.1").compareTo(rc) < 0);
        assertTrue(rc.compareTo(GoVersion.parse("1.9.2")) < 0);
        assertTrue(GoVersion.parse("1.9.2rc1").compareTo(rc) < 0);
        assertTrue(rc.isPreRelease());
        assertFalse(rc.isStable());
        assertTrue(GoVersion.compare("1.9.2rc2", "1.9.2") < 0, "gover calls it malformed, which also sorts first");
    }

    @Test
    void equalityIsGosNotTheSpelling() {
        assertEquals(GoVersion.parse("1.20"), GoVersion.parse("1.20.0"));
        assertEquals(GoVersion.parse("1.20").hashCode(), GoVersion.parse("go1.20.0").hashCode());
        assertFalse(GoVersion.parse("1.21").equals(GoVersion.parse("1.21.0")));
    }

    @Test
    void classifiesStableReleasesPreReleasesAndLanguageVersions() {
        assertTrue(GoVersion.parse("1.22.5").isStable());
        assertTrue(GoVersion.parse("1.20").isStable());
        assertFalse(GoVersion.parse("1.22").isStable());
        assertTrue(GoVersion.parse("1.22").isLanguageVersion());
        assertTrue(GoVersion.parse("1.22rc1").isPreRelease());
        assertEquals("1.22", GoVersion.parse("1.22.5").lang());
    }

    @Test
    void refusesMalformedTextWithAHint() {
        UsageException e = assertThrows(UsageException.class, () -> GoVersion.parse("1.22.x"));

        assertEquals("'1.22.x' is not a Go version", e.getMessage());
        assertTrue(e.hint().orElseThrow().contains("1.22.5"));
    }
}
