package dev.jgvm.core.version;

import dev.jgvm.core.error.UsageException;

import java.util.Optional;

/**
 * A valid Go version: a release ({@code 1.22.5}, {@code 1.20}, {@code 1.21rc2}) or a language version
 * ({@code 1.21}, which for Go 1.21 and later names no release).
 *
 * <p>Parsing and ordering follow Go's {@code internal/gover} exactly
 * (https://go.dev/src/internal/gover/gover.go): {@code 1.20 == 1.20.0}; from Go 1.21 on a missing patch is a
 * language version that sorts before every release of that line ({@code 1.21 < 1.21rc1 < 1.21.0});
 * {@code alpha < beta < rc < release}; numbers have no leading zeros and any number of digits. The static
 * {@link #compare(String, String)}, {@link #isValid}, {@link #isLang}, {@link #lang} and {@link #max} are
 * gover's functions on raw strings, without the {@code go} prefix: malformed strings sort below every valid one
 * and equal to each other, as in Go.
 *
 * <p>One deliberate extension: gover rejects pre-releases of patch releases, but Go did publish a few
 * ({@code go1.8.5rc4}, {@code go1.9.2rc2}). {@link #parse} accepts them so their archives can be named and
 * installed, and {@link #compareTo} orders them between the previous patch and their own release
 * ({@code 1.9.1 < 1.9.2rc2 < 1.9.2}). The raw-string functions stay exactly gover's and call them malformed.
 *
 * <p>Immutable; equality is Go's ({@code 1.20} equals {@code 1.20.0}).
 */
public final class GoVersion implements Comparable<GoVersion> {
    private final String major;
    private final String minor;
    private final String patch;   // "" for a language version or a 1.N pre-release
    private final String kind;    // "", "alpha", "beta", "rc" (any lower-case word, as gover)
    private final String pre;     // the pre-release number, may be ""

    private GoVersion(String major, String minor, String patch, String kind, String pre) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.kind = kind;
        this.pre = pre;
    }

    /**
     * Parses Go's spellings, with or without the {@code go} prefix: {@code 1.22.3}, {@code go1.22.3},
     * {@code 1.21rc2}, {@code 1.20} (meaning 1.20.0).
     *
     * @throws UsageException when the text is not a valid Go version
     */
    public static GoVersion parse(String text) {
        return tryParse(text).orElseThrow(() -> new UsageException(
                "'%s' is not a Go version".formatted(text),
                "write a Go release such as 1.22.5, go1.22.5 or 1.21rc2"));
    }

    /** Like {@link #parse} but empty instead of throwing. */
    public static Optional<GoVersion> tryParse(String text) {
        if (text == null) return Optional.empty();
        String t = text.startsWith("go") ? text.substring(2) : text;
        return Optional.ofNullable(parseRaw(t, true));
    }

    /**
     * Go's {@code gover.Compare} on two version strings without the {@code go} prefix: negative, zero or positive.
     * Malformed strings compare equal to each other and lower than any valid version.
     */
    public static int compare(String x, String y) {
        GoVersion vx = parseRaw(x, false);
        GoVersion vy = parseRaw(y, false);
        if (vx == null || vy == null) return vx == vy ? 0 : (vx == null ? -1 : 1);
        return vx.compareTo(vy);
    }

    /** Go's {@code gover.IsValid}. */
    public static boolean isValid(String x) { return parseRaw(x, false) != null; }

    /** Go's {@code gover.Max}: the larger of two version strings, {@code x} on a tie. */
    public static String max(String x, String y) { return compare(x, y) < 0 ? y : x; }

    /** Go's {@code gover.IsLang}: a valid version with no patch and no pre-release ({@code 1.21}; {@code 1.20} has an implied patch {@code 0} and is not one). */
    public static boolean isLang(String x) {
        GoVersion v = parseRaw(x, false);
        return v != null && v.patch.isEmpty() && v.kind.isEmpty() && v.pre.isEmpty();
    }

    /** Go's {@code gover.Lang}: the language version, {@code 1.21.3 -> 1.21}, {@code 1.0 -> 1}; "" when malformed. */
    public static String lang(String x) {
        GoVersion v = parseRaw(x, false);
        if (v == null) return "";
        return v.lang();
    }

    @Override
    public int compareTo(GoVersion o) {
        int c = cmpInt(major, o.major);
        if (c != 0) return c;
        c = cmpInt(minor, o.minor);
        if (c != 0) return c;
        c = cmpInt(patch, o.patch);
        if (c != 0) return c;
        c = compareKind(o);
        if (c != 0) return c;
        return cmpInt(pre, o.pre);
    }

    private int compareKind(GoVersion o) {
        if (!patch.isEmpty() && kind.isEmpty() != o.kind.isEmpty()) {
            // Only reachable through the patch pre-release extension: there the release sorts last.
            return kind.isEmpty() ? 1 : -1;
        }
        return Integer.signum(kind.compareTo(o.kind)); // "" < alpha < beta < rc, as gover's cmp.Compare
    }

    /** A stable release: no pre-release and not a bare language version such as {@code 1.21}. */
    public boolean isStable() { return kind.isEmpty() && !patch.isEmpty(); }

    /** An alpha, beta or release candidate. */
    public boolean isPreRelease() { return !kind.isEmpty(); }

    /**
     * Whether Go could have published a release of this name: no pre-release, or a beta or release candidate with its
     * number ({@code 1.21rc2}). gover also accepts any other lower-case kind ({@code 1.2x}, {@code 1.21alpha1}), which
     * no release has, and a language version ({@code 1.21}) names none either.
     */
    public boolean canNameRelease() {
        if (kind.isEmpty()) return !isLanguageVersion();
        return (kind.equals("beta") || kind.equals("rc")) && !pre.isEmpty();
    }

    /** A language version that names no release ({@code 1.21}, {@code 1.22}: Go 1.21 and later without a patch). */
    public boolean isLanguageVersion() { return patch.isEmpty() && kind.isEmpty(); }

    /** The language version: {@code 1.22} for {@code 1.22.5}, {@code 1} for {@code 1.0}. */
    public String lang() {
        if (minor.isEmpty() || major.equals("1") && minor.equals("0")) return major;
        return major + "." + minor;
    }

    public String major() { return major; }

    public String minor() { return minor; }

    /**
     * The release name without {@code go}, as used for {@code versions/<v>}: {@code 1.22.5}, {@code 1.21rc2},
     * {@code 1.20} (Go named its x.y.0 releases {@code go1.x} before 1.21), {@code 1} for Go 1.0.
     */
    public String name() {
        StringBuilder b = new StringBuilder(major);
        boolean dropPatch = patch.isEmpty() || patch.equals("0") && cmpInt(minor, "21") < 0 && kind.isEmpty();
        boolean dropMinor = dropPatch && minor.equals("0") && major.equals("1") && kind.isEmpty();
        if (!dropMinor) b.append('.').append(minor);
        if (!dropPatch) b.append('.').append(patch);
        return b.append(kind).append(pre).toString();
    }

    /** Go's release name, for example {@code go1.22.3}: archive and directory names use it. */
    public String goName() { return "go" + name(); }

    @Override public boolean equals(Object o) { return o instanceof GoVersion v && compareTo(v) == 0; }

    @Override public int hashCode() { return name().hashCode(); }

    @Override public String toString() { return name(); }

    // gover.parse; with patchPreReleases, also the extension described on the class. Null when malformed.
    private static GoVersion parseRaw(String x, boolean patchPreReleases) {
        int[] at = {0};
        String major = cutInt(x, at);
        if (major == null) return null;
        if (at[0] == x.length()) return new GoVersion(major, "0", "0", "", ""); // "1" means 1.0.0
        if (x.charAt(at[0]) != '.') return null;
        at[0]++;
        String minor = cutInt(x, at);
        if (minor == null) return null;
        if (at[0] == x.length()) {
            // Patch missing is the same as ".0" before Go 1.21; from 1.21 on it is a language version.
            return new GoVersion(major, minor, cmpInt(minor, "21") < 0 ? "0" : "", "", "");
        }
        String patch = "";
        if (x.charAt(at[0]) == '.') {
            at[0]++;
            patch = cutInt(x, at);
            if (patch == null) return null;
            if (at[0] == x.length()) return new GoVersion(major, minor, patch, "", "");
            // gover refuses a pre-release of a patch release; only the extension accepts one.
            if (!patchPreReleases) return null;
        }
        int start = at[0];
        int i = start;
        while (i < x.length() && (x.charAt(i) < '0' || x.charAt(i) > '9')) {
            if (x.charAt(i) < 'a' || x.charAt(i) > 'z') return null;
            i++;
        }
        if (i == start) return null;
        String kind = x.substring(start, i);
        if (i == x.length()) return new GoVersion(major, minor, patch, kind, "");
        at[0] = i;
        String pre = cutInt(x, at);
        if (pre == null || at[0] != x.length()) return null;
        return new GoVersion(major, minor, patch, kind, pre);
    }

    // gover.cutInt: a run of digits with no leading zero; advances at[0]; null when there is none.
    private static String cutInt(String x, int[] at) {
        int start = at[0];
        int i = start;
        while (i < x.length() && x.charAt(i) >= '0' && x.charAt(i) <= '9') i++;
        if (i == start || x.charAt(start) == '0' && i - start != 1) return null;
        at[0] = i;
        return x.substring(start, i);
    }

    // gover.cmpInt: decimal strings of any length, compared by length then digits.
    private static int cmpInt(String x, String y) {
        if (x.equals(y)) return 0;
        if (x.length() != y.length()) return x.length() < y.length() ? -1 : 1;
        return x.compareTo(y) < 0 ? -1 : 1;
    }
}
