package dev.jgvm.core.resolve;

import dev.jgvm.core.env.Env;
import dev.jgvm.core.resolve.Selection.Source;
import dev.jgvm.core.resolve.Selection.Step;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.version.GoVersion;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides which version a directory uses and why (README, 'Which version a directory uses'): {@code JGVM_GO_VERSION}; else, walking from the
 * working directory up to {@code /}, the first directory with a usable {@code .go-version}, {@code .tool-versions},
 * {@code go.work} or {@code go.mod} (toolchain line only), in that order; else {@code JGVM_HOME/version}.
 *
 * <p>The shims' sh resolver ({@code shim.sh} in the shims module) implements the same rules; the conformance
 * vectors in test-fixtures are the shared definition, and both are tested against them. A token is usable when,
 * after dropping a leading {@code go}, it is {@code latest}, {@code system}, or a digit (or {@code v} and a digit)
 * followed only by digits, lower-case letters and dots; anything else makes the file count as skipped. A usable token
 * need not be a Go version ({@code 1.22.05}, {@code v1.22.5}): the commands call those "not a Go version". Stateless
 * and thread-safe.
 */
public final class VersionResolver {
    private static final String[] PROJECT_FILES = {".go-version", ".tool-versions", "go.work", "go.mod"};

    /**
     * Selects the version for the environment's working directory.
     *
     * @param readGoMod whether {@code go.work}/{@code go.mod} toolchain lines count (config {@code read_go_mod})
     */
    public Selection select(Env env, boolean readGoMod) {
        List<Step> trace = new ArrayList<>();
        Optional<String> fromEnv = env.get("JGVM_GO_VERSION").map(v -> dropGo(firstWord(blanksTrimmed(v))));
        if (fromEnv.isPresent() && usable(fromEnv.get())) {
            return new Selection(fromEnv, Source.ENVIRONMENT, Optional.empty(), trace);
        }
        for (Path dir = env.cwd(); dir != null; dir = dir.getParent()) {
            for (String name : PROJECT_FILES) {
                if (!readGoMod && name.startsWith("go.")) continue;
                Path file = dir.resolve(name);
                if (!Files.isRegularFile(file)) continue;
                Token t = read(file, name);
                trace.add(new Step(file, t.value() != null, t.reason()));
                if (t.value() != null) return new Selection(Optional.of(t.value()), Source.PROJECT_FILE, Optional.of(file), trace);
            }
        }
        Path global = env.jgvmHome().resolve("version");
        if (Files.isRegularFile(global)) {
            Token t = read(global, ".go-version");
            trace.add(new Step(global, t.value() != null, t.reason()));
            if (t.value() != null) return new Selection(Optional.of(t.value()), Source.GLOBAL_DEFAULT, Optional.of(global), trace);
        }
        return new Selection(Optional.empty(), Source.NONE, Optional.empty(), trace);
    }

    /**
     * The spec the global default ({@code JGVM_HOME/version}) names, read as {@link #select} reads it (first token,
     * comments, BOM and CRLF tolerated); empty when the file is absent or names no version.
     */
    public Optional<String> globalDefault(Env env) {
        Path global = env.jgvmHome().resolve("version");
        return Files.isRegularFile(global) ? Optional.ofNullable(read(global, ".go-version").value()) : Optional.empty();
    }

    /** Selects the version here and finds the installed version that satisfies it, as the shims do. */
    public Resolution resolve(Env env, boolean readGoMod, InstallStore store) {
        Selection s = select(env, readGoMod);
        Optional<GoVersion> v = s.spec().filter(t -> !t.equals("system")).flatMap(store::find);
        return new Resolution(s, v);
    }

    /** Whether a token (already without {@code go}) can name a version; see the class comment. */
    public static boolean usable(String token) {
        if (token.equals("latest") || token.equals("system")) return true;
        // v1.22.5 selects too, and is then called "not a Go version" like 1.22.05: a near miss the user should hear of.
        int first = token.startsWith("v") ? 1 : 0;
        if (token.length() <= first || token.charAt(first) < '0' || token.charAt(first) > '9') return false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c == '.')) return false;
        }
        return true;
    }

    /** Drops one leading {@code go}, as Go's release names and {@code toolchain} lines carry it. */
    public static String dropGo(String token) { return token.startsWith("go") ? token.substring(2) : token; }

    /** The usable token of a file, or null and why not. */
    private record Token(String value, String reason) {}

    private static Token read(Path file, String kind) {
        List<String> lines;
        try {
            lines = lines(file);
        } catch (AccessDeniedException e) {
            return new Token(null, "not readable");   // the shims' words too
        } catch (IOException e) {
            return new Token(null, "unreadable: " + e.getMessage());
        }
        return switch (kind) {
            case ".go-version" -> goVersionFile(lines);
            case ".tool-versions" -> toolVersions(lines);
            default -> toolchainLine(lines);
        };
    }

    private static Token goVersionFile(List<String> lines) {
        for (String line : lines) {
            String s = blanksTrimmed(line);
            if (s.isEmpty() || s.startsWith("#")) continue;
            String token = dropGo(firstWord(s));
            return usable(token) ? new Token(token, "used") : new Token(null, "'%s' is not a version".formatted(firstWord(s)));
        }
        return new Token(null, "no version in it");
    }

    private static Token toolVersions(List<String> lines) {
        for (String line : lines) {
            String[] words = blanksTrimmed(line).split("[ \t]+");
            if (words.length == 0 || !(words[0].equals("golang") || words[0].equals("go"))) continue;
            if (words.length < 2) return new Token(null, "'%s' line has no version".formatted(words[0]));
            String token = dropGo(words[1]);
            return usable(token) ? new Token(token, "used") : new Token(null, "'%s' is not a version".formatted(words[1]));
        }
        return new Token(null, "no golang or go line");
    }

    private static Token toolchainLine(List<String> lines) {
        for (String line : lines) {
            String[] words = blanksTrimmed(line).split("[ \t]+");
            if (words.length < 1 || !words[0].equals("toolchain")) continue;
            if (words.length < 2) return new Token(null, "toolchain line has no version");
            String token = dropGo(words[1]);
            return usable(token) ? new Token(token, "used") : new Token(null, "toolchain '%s' is not a version".formatted(words[1]));
        }
        return new Token(null, "no toolchain line (the go line is a minimum, never a pin)");
    }

    /** Only this many lines of a version file are read, by the shims too. */
    static final int MAX_LINES = 100;

    /**
     * Only a line that ends within this many bytes of a version file (NUL bytes not counted) is read, by the shims too:
     * a huge file, even one long line, costs no more than a small one. A line ends at its newline, or at the end of a
     * shorter file; the line that reaches the limit is not read, nor anything after it.
     */
    static final int MAX_BYTES = 4096;

    /** At most this much of a file is looked at for its first {@link #MAX_BYTES} bytes that are not NUL. */
    private static final int MAX_RAW_BYTES = 1 << 20;

    // Lines without a UTF-8 BOM or carriage returns, cut as MAX_LINES and MAX_BYTES say: the shells' read counts as
    // this does (bytes, NUL bytes dropped, the newline counted), so both sides stop at the same line.
    private static List<String> lines(Path file) throws IOException {
        byte[] text = new byte[MAX_BYTES];
        int n = 0;
        try (var in = Files.newInputStream(file)) {
            byte[] buf = new byte[8192];
            int raw = 0;
            for (int r; n < MAX_BYTES && raw < MAX_RAW_BYTES && (r = in.read(buf, 0, Math.min(buf.length, MAX_RAW_BYTES - raw))) > 0; raw += r) {
                // NUL bytes are dropped, as the shells' read does (dash, bash and busybox alike).
                for (int i = 0; i < r && n < MAX_BYTES; i++) if (buf[i] != 0) text[n++] = buf[i];
            }
        }
        List<String> out = new ArrayList<>();
        for (int start = 0; start < n && out.size() < MAX_LINES; ) {
            int end = start;
            while (end < n && text[end] != '\n') end++;
            // A line that has not ended before the limit is not read: it may go on past it.
            if (end == MAX_BYTES) break;
            String l = new String(text, start, end - start, StandardCharsets.UTF_8);
            if (out.isEmpty() && l.startsWith("\uFEFF")) l = l.substring(1);
            out.add(l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
            start = end + 1;
        }
        return out;
    }

    // Only spaces and tabs count as blanks, as for the shell's read with the default IFS.
    private static String blanksTrimmed(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && (s.charAt(a) == ' ' || s.charAt(a) == '\t')) a++;
        while (b > a && (s.charAt(b - 1) == ' ' || s.charAt(b - 1) == '\t')) b--;
        return s.substring(a, b);
    }

    private static String firstWord(String stripped) {
        int i = 0;
        while (i < stripped.length() && stripped.charAt(i) != ' ' && stripped.charAt(i) != '\t') i++;
        return stripped.substring(0, i);
    }
}
