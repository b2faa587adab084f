package dev.jgvm.core.resolve;

import dev.jgvm.core.env.Env;
import dev.jgvm.core.version.GoVersion;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The go.work or go.mod that the {@code go} command finds from a directory, with its {@code go} and {@code toolchain}
 * lines, and the toolchain Go 1.21+ switches to for it (cmd/go's toolchain selection, go.dev/doc/toolchain#select):
 * go.work wins when one is found walking up (unless {@code GOWORK=off}), else the nearest go.mod.
 *
 * @param file      the go.work or go.mod
 * @param go        its {@code go} line's version ({@code 1.22}, {@code 1.22.3}), empty when absent
 * @param toolchain its {@code toolchain} line's name ({@code go1.23.4}, {@code default}), empty when absent
 */
public record GoModule(Path file, String go, String toolchain) {
    private static final int MAX_BYTES = 1 << 20;

    /** The module or workspace the go command would find from the environment's working directory. */
    public static Optional<GoModule> find(Env env) {
        Optional<String> gowork = env.get("GOWORK");
        Optional<Path> file = Optional.empty();
        if (gowork.isPresent() && !gowork.get().equals("off") && !gowork.get().equals("auto")) {
            Path p = env.cwd().resolve(gowork.get());
            if (Files.isRegularFile(p)) file = Optional.of(p);
        } else if (gowork.isEmpty() || gowork.get().equals("auto")) {
            file = up(env.cwd(), "go.work");
        }
        if (file.isEmpty()) file = up(env.cwd(), "go.mod");
        return file.flatMap(GoModule::read);
    }

    /** Reads the {@code go} and {@code toolchain} lines of one file. */
    public static Optional<GoModule> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            String text = new String(in.readNBytes(MAX_BYTES), StandardCharsets.UTF_8);
            return Optional.of(new GoModule(file, directive(text, "go"), directive(text, "toolchain")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The toolchain name Go switches to in this module when {@code local} runs with GOTOOLCHAIN mode auto or path
     * (cmd/go's Select): the toolchain line when newer than {@code local}, then the go line when newer still (a
     * language version from 1.21 on names its .0 release). Empty when {@code local} suffices.
     *
     * @param local the running Go's version without {@code go} ({@code 1.22.5}), or the minimum of {@code GOTOOLCHAIN=go1.X+auto}
     */
    public Optional<String> switchTarget(String local) {
        String target = "";
        String min = local;
        if (toolchain.equals("default")) return Optional.empty();
        String tv = fromToolchain(toolchain);
        if (!tv.isEmpty() && GoVersion.compare(tv, min) > 0) {
            target = toolchain;
            min = tv;
        }
        if (GoVersion.isValid(go) && GoVersion.compare(go, min) > 0) {
            target = "go" + go;
            if (GoVersion.isLang(go) && GoVersion.compare(go, "1.21") >= 0) target += ".0";
        }
        return target.isEmpty() ? Optional.empty() : Optional.of(target);
    }

    /**
     * Whether {@code selected} is older than this module's {@code go} line (Go's minimum for the module): the
     * condition every jgvm command warns about.
     */
    public boolean needsNewerThan(GoVersion selected) {
        return GoVersion.isValid(go) && GoVersion.compare(go, selected.name()) > 0;
    }

    /** The {@code go} line's minimum as a release name Go would fetch: {@code go1.24.0} for {@code go 1.24}. */
    public String goLineToolchain() {
        return "go" + go + (GoVersion.isLang(go) && GoVersion.compare(go, "1.21") >= 0 ? ".0" : "");
    }

    /** Go's {@code gover.FromToolchain}: {@code go1.22.5} and {@code gccgo-go1.22.5} give 1.22.5; "" otherwise. */
    public static String fromToolchain(String name) {
        if (name.contains("/") || name.contains("\\")) return "";
        String v;
        if (name.startsWith("go")) v = name.substring(2);
        else if (name.contains("-go")) v = name.substring(name.indexOf("-go") + 3);
        else return "";
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ' ' || c == '\t' || c == '+' || c == '-') {
                v = v.substring(0, i);
                break;
            }
        }
        return GoVersion.isValid(v) ? v : "";
    }

    private static Optional<Path> up(Path from, String name) {
        for (Path d = from; d != null; d = d.getParent()) {
            Path f = d.resolve(name);
            if (Files.isRegularFile(f)) return Optional.of(f);
        }
        return Optional.empty();
    }

    // The first 'key value' line outside blocks, as go.mod's lexer sees it (comments after // dropped).
    private static String directive(String text, String key) {
        for (String raw : text.split("\n")) {
            String line = raw.replace("\r", "");
            int c = line.indexOf("//");
            if (c >= 0) line = line.substring(0, c);
            line = line.strip();
            if (line.startsWith(key) && line.length() > key.length() && Character.isWhitespace(line.charAt(key.length()))) {
                String v = line.substring(key.length()).strip();
                return v.split("\\s+")[0];
            }
        }
        return "";
    }
}
