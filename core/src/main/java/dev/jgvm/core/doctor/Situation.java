package dev.jgvm.core.doctor;

import dev.jgvm.core.config.Settings;
import dev.jgvm.core.env.Env;
import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.resolve.Resolution;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.version.GoVersion;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the checks look at, gathered once by the caller: the environment (the only view of variables, working
 * directory and clock), settings, the store, the version selected here, the machine's platform, the shims this jgvm
 * would write, the JDK running jgvm and the mirror chain in effect.
 *
 * @param machine        the platform jgvm installs for: {@code JGVM_PLATFORM}, else the machine's own
 * @param expectedShims  each file {@code shims/} should hold (name to content), as this jgvm would write it
 * @param jdk            the JDK the launcher started
 * @param mirrors        the mirror chain in effect: names and URLs
 */
public record Situation(Env env, Settings settings, InstallStore store, Resolution resolution, Platform machine,
                        Map<String, String> expectedShims, Jdk jdk, List<Settings.MirrorConfig> mirrors) {
    public Situation {
        Objects.requireNonNull(env, "env");
        expectedShims = Map.copyOf(expectedShims);
        mirrors = List.copyOf(mirrors);
    }

    /**
     * A JDK: where it lives, its version and the architecture it runs as.
     *
     * @param home    its {@code java.home}
     * @param version its version string ({@code 21.0.5})
     * @param arch    its {@code os.arch} ({@code aarch64}, {@code x86_64}, {@code amd64})
     */
    public record Jdk(Path home, String version, String arch) {
        /** A JDK that runs as this JVM does. */
        public Jdk(Path home, String version) { this(home, version, System.getProperty("os.arch", "")); }

        /** The feature release: 21 for {@code 21.0.5}, 8 for {@code 1.8.0_402}. */
        public int feature() {
            String v = version.startsWith("1.") ? version.substring(2) : version;
            String digits = v.split("[^0-9]", 2)[0];
            return digits.isEmpty() ? 0 : Integer.parseInt(digits);
        }
    }

    /** The installed version selected here, if any. */
    public Optional<GoVersion> selected() { return resolution.installed(); }

    /** Every executable {@code cmd} on PATH, in PATH order, each directory once. */
    public List<Path> allOnPath(String cmd) {
        List<Path> found = new ArrayList<>();
        List<Path> seen = new ArrayList<>();
        for (String dir : env.get("PATH").orElse("").split(":")) {
            if (dir.isEmpty()) continue;
            Path d;
            try {
                d = Path.of(dir).normalize();
            } catch (InvalidPathException e) {
                continue;
            }
            if (seen.contains(d)) continue;
            seen.add(d);
            Path p = d.resolve(cmd);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) found.add(p);
        }
        return found;
    }

    /** The first executable {@code cmd} on PATH, or {@code cmd} itself when it is an absolute path to one. */
    public Optional<Path> onPath(String cmd) {
        if (cmd.startsWith("/")) {
            Path p = Path.of(cmd);
            return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        return allOnPath(cmd).stream().findFirst();
    }

    /** Where {@code go env -w} writes: {@code GOENV}, else {@code go/env} in the user's configuration directory. */
    public Optional<Path> goEnvFile() {
        Optional<String> goenv = env.get("GOENV");
        if (goenv.isPresent()) return goenv.get().equals("off") ? Optional.empty() : Optional.of(Path.of(goenv.get()));
        Path base;
        switch (machine.os()) {
            case "darwin" -> base = env.home().resolve("Library/Application Support");
            case "windows" -> {
                Optional<String> appData = env.get("AppData").or(() -> env.get("APPDATA"));
                if (appData.isEmpty()) return Optional.empty();
                base = Path.of(appData.get());
            }
            default -> base = env.get("XDG_CONFIG_HOME").map(Path::of).orElse(env.home().resolve(".config"));
        }
        return Optional.of(base.resolve("go/env"));
    }

    /** The variables {@code go env -w} set, as Go reads that file. */
    public Map<String, String> goEnvWritten() { return goEnvFile().map(Situation::keyValues).orElse(Map.of()); }

    /** A Go variable as the selected Go sees it: the environment, else {@code go env -w}'s file, else {@code $GOROOT/go.env}. */
    public Optional<Setting> goSetting(String name) {
        Optional<String> v = env.get(name);
        if (v.isPresent()) return Optional.of(new Setting(v.get(), "the environment"));
        Optional<Path> file = goEnvFile();
        String w = goEnvWritten().get(name);
        if (w != null && !w.isEmpty()) return Optional.of(new Setting(w, "'" + file.orElseThrow() + "' (go env -w)"));
        if (selected().isPresent()) {
            Path goEnv = store.goroot(selected().get()).resolve("go.env");
            String g = keyValues(goEnv).get(name);
            if (g != null && !g.isEmpty()) return Optional.of(new Setting(g, "'" + goEnv + "'"));
        }
        return Optional.empty();
    }

    /** A value and where it came from, for findings. */
    public record Setting(String value, String from) {}

    /** KEY=VALUE lines as Go's env files hold them ({@code #} comments, blank lines ignored). */
    static Map<String, String> keyValues(Path file) {
        Map<String, String> m = new LinkedHashMap<>();
        try {
            if (!Files.isRegularFile(file)) return m;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String l = line.strip();
                int eq = l.indexOf('=');
                if (l.isEmpty() || l.startsWith("#") || eq <= 0) continue;
                m.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
            }
        } catch (IOException e) {
            // an unreadable file sets nothing, as for Go
        }
        return m;
    }

    /** Whether {@code p} is {@code dir} or inside it, comparing real paths where they exist. */
    static boolean within(Path p, Path dir) {
        return real(p).startsWith(real(dir));
    }

    static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
