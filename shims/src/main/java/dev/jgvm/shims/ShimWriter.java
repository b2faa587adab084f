package dev.jgvm.shims;

import dev.jgvm.core.config.Settings;
import dev.jgvm.core.error.StoreException;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.version.GoVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes {@code shims/<cmd>} (POSIX sh, from {@code shim.sh} and {@code resolve.sh}) and {@code shims\<cmd>.cmd}
 * for every name in the {@link ShimSet}, with the settings the shims need baked in (JGVM_HOME, read_go_mod,
 * auto_install, gotoolchain; the environment still overrides each), a {@code go1.22.5}-style version command for every
 * installed version, and removes shims no longer wanted. Files
 * are replaced atomically and only when their content changes.
 */
public final class ShimWriter {
    private static final String SHIM = resource("shim.sh");
    private static final String RESOLVE = resource("resolve.sh");
    private static final String CMD = resource("shim.cmd");
    private static final String VERSION = resource("version.sh");
    private static final String TOOLCHAIN = resource("toolchain.sh");
    private static final String FAST = resource("fast.sh");
    private static final String VERSION_CMD = resource("version.cmd");
    /** Settings for the launcher's sh fast path, in {@code shims/} (never executable, so never a command). */
    static final String SETTINGS = ".settings";
    /** toolchain.sh for a go shim written without path mode, read when JGVM_GOTOOLCHAIN asks for it (never executable). */
    static final String TOOLCHAIN_FILE = ".toolchain";

    /** The sh shim for one command. */
    public String shScript(String cmd, Path home, Settings settings) { return shScript(cmd, home, settings, ""); }

    /**
     * The shim cut where its fast path ends: {@code exit 99} stands where the full path would begin. The conformance
     * vectors run it beside the real shim to tell whether the fast path decided a case (it execs the same version) or
     * left it to the full path (exit 99, nothing run); it is never written to {@code shims/}.
     */
    String fastPathProbe(String cmd, Path home, Settings settings) { return shScript(cmd, home, settings, "exit 99\n"); }

    private String shScript(String cmd, Path home, Settings settings, String afterFastPath) {
        // With gotoolchain in path mode the go shim checks, before Go's switch does, that the toolchain go.mod asks
        // for is installed (or installs it). With another setting the go shim carries one line instead: when
        // JGVM_GOTOOLCHAIN asks for path mode at run time, it reads the same functions from shims/.toolchain. Every
        // other shim carries none of that code.
        boolean go = cmd.equals("go");
        boolean switchCheck = go && pathMode(settings.gotoolchain());
        String autoInstall = settings.autoInstall() ? "1" : "0";
        String check = switchCheck ? "      _jgvm_switch " + autoInstall + "\n"
                : go ? "      case $_jgvm_gotc in path|*+path) [ -f \"$JGVM_HOME/shims/" + TOOLCHAIN_FILE + "\" ] && . \"$JGVM_HOME/shims/"
                        + TOOLCHAIN_FILE + "\" && _jgvm_switch " + autoInstall + " ;; esac\n"
                : "";
        // The fast path execs before the switch check could run: a shim that needs the check has none (and the fast
        // path leaves a JGVM_GOTOOLCHAIN in path mode to the full path).
        return SHIM.replace("@FAST@\n", (switchCheck ? "" : compact(FAST.replace("@CR@", "\r").replace("@BOM@", "\uFEFF"))) + afterFastPath)
                .replace("@TOOLCHAIN@\n", switchCheck ? compact(TOOLCHAIN) : "")
                .replace("@SWITCH@\n", check)
                .replace("@RESOLVE@", compact(resolver()))
                .replace("@HOME@", shQuote(home.toString()))
                .replace("@READ_GO_MOD@", settings.readGoMod() ? "1" : "0")
                .replace("@AUTO_INSTALL@", settings.autoInstall() ? "1" : "0")
                .replace("@GOTOOLCHAIN@", shQuote(settings.gotoolchain()))
                .replace("@CMD@", cmd);
    }

    /**
     * The version command {@code go<v>} (as golang.org/dl names its wrappers): runs exactly that installed version from
     * any directory, and is what Go's own toolchain switch finds on PATH (README, 'Shell set-up').
     */
    public String versionScript(GoVersion version, Path home) {
        return VERSION.replace("@HOME@", shQuote(home.toString())).replace("@VERSION@", version.name());
    }

    /** The Windows twin of {@link #versionScript}. */
    public String versionCmdScript(GoVersion version, Path home) {
        return VERSION_CMD.replace("@HOME@", home.toString()).replace("@VERSION@", version.name()).replace("\n", "\r\n");
    }

    /** The name of a version's command: {@code go1.22.5}, {@code go1.21rc2}, {@code go1.20}. */
    public static String versionCommand(GoVersion version) { return version.goName(); }

    /** GOTOOLCHAIN's path mode: {@code path}, or a minimum with {@code +path}. */
    static boolean pathMode(String gotoolchain) { return gotoolchain.equals("path") || gotoolchain.endsWith("+path"); }

    /** The sh functions for Go's toolchain switch (go.mod lookup, Go's version order), for the launcher's current. */
    public static String toolchainFunctions() { return TOOLCHAIN; }

    /** The resolver functions with their CR and BOM literals, as the shims and the launcher embed them. */
    public static String resolver() {
        return RESOLVE.replace("@CR@", "\r").replace("@BOM@", "\uFEFF");
    }

    // The shell parses every line of a shim at every go call, at about 90 instructions a byte in dash, indentation
    // included: the resolver's comments and indentation stay in resolve.sh (no template holds a multi-line string or
    // an indented here-document, whose text would change).
    static String compact(String script) {
        StringBuilder b = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            b.append(line.stripLeading()).append('\n');
        }
        return b.toString();
    }

    /** The Windows shim for one command: delegates to {@code jgvm exec}, which resolves the same way. */
    public String cmdScript(String cmd, Path home) {
        return CMD.replace("@HOME@", home.toString()).replace("@CMD@", cmd).replace("\n", "\r\n");
    }

    /**
     * Every file {@link #write} would leave in {@code shims/} (besides its settings file), with its content; the one
     * file whose name starts with a dot ({@code .toolchain}) is read by shims, never run.
     */
    public Map<String, String> expected(InstallStore store, Settings settings) {
        Map<String, String> files = new TreeMap<>();
        files.put(TOOLCHAIN_FILE, compact(TOOLCHAIN));
        Set<String> names = ShimSet.of(store);
        for (String name : names) {
            files.put(name, shScript(name, store.home(), settings));
            files.put(name + ".cmd", cmdScript(name, store.home()));
        }
        for (Map.Entry<String, GoVersion> e : versionCommands(store, names).entrySet()) {
            files.put(e.getKey(), versionScript(e.getValue(), store.home()));
            files.put(e.getKey() + ".cmd", versionCmdScript(e.getValue(), store.home()));
        }
        return files;
    }

    private static Map<String, GoVersion> versionCommands(InstallStore store, Set<String> names) {
        Map<String, GoVersion> versions = new TreeMap<>();
        for (GoVersion v : store.installed()) {
            if (ShimSet.safe(versionCommand(v)) && !names.contains(versionCommand(v))) versions.put(versionCommand(v), v);
        }
        return versions;
    }

    /** Rewrites {@code shims/} for the installed versions. Call with the shared lock held. */
    public void write(InstallStore store, Settings settings) {
        Set<String> names = ShimSet.of(store);
        Map<String, GoVersion> versions = versionCommands(store, names);
        Path dir = store.shimsDir();
        try {
            Files.createDirectories(dir);
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                for (Path p : ds) {
                    String n = p.getFileName().toString();
                    String base = n.endsWith(".cmd") ? n.substring(0, n.length() - 4) : n;
                    if (!names.contains(base) && !versions.containsKey(base) && !n.equals(SETTINGS) && !n.equals(TOOLCHAIN_FILE)) Files.deleteIfExists(p);
                }
            }
            // The launcher's JVM-free commands read the same baked settings as the shims.
            writeIfChanged(dir.resolve(SETTINGS), "_jgvm_gomod_default=" + (settings.readGoMod() ? "1" : "0") + "\n"
                    + "_jgvm_gotc_default=" + shQuote(settings.gotoolchain()) + "\n", false);
            writeIfChanged(dir.resolve(TOOLCHAIN_FILE), compact(TOOLCHAIN), false);
            for (String name : names) {
                writeIfChanged(dir.resolve(name), shScript(name, store.home(), settings), true);
                writeIfChanged(dir.resolve(name + ".cmd"), cmdScript(name, store.home()), false);
            }
            for (Map.Entry<String, GoVersion> e : versions.entrySet()) {
                writeIfChanged(dir.resolve(e.getKey()), versionScript(e.getValue(), store.home()), true);
                writeIfChanged(dir.resolve(e.getKey() + ".cmd"), versionCmdScript(e.getValue(), store.home()), false);
            }
            // Shims and the launcher take a config.toml newer than .settings as "not written since": one dated in the
            // future (a clock set wrong, an unpacked backup) must not make every shim run rehash again.
            Path config = store.home().resolve("config.toml");
            if (Files.isRegularFile(config) && Files.getLastModifiedTime(config).compareTo(Files.getLastModifiedTime(dir.resolve(SETTINGS))) > 0) {
                Files.setLastModifiedTime(dir.resolve(SETTINGS), Files.getLastModifiedTime(config));
            }
        } catch (IOException e) {
            throw new StoreException("cannot write shims in '%s': %s".formatted(dir, e.getMessage()), "check that JGVM_HOME is writable", e);
        }
    }

    private static void writeIfChanged(Path file, String content, boolean executable) throws IOException {
        if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content)
                && (!executable || Files.isExecutable(file))) {
            // Touch it anyway: the launcher compares its age with config.toml's.
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
            return;
        }
        InstallStore.writeAtomically(file, content);
        if (executable) {
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException windows) {
                // .cmd shims are the ones that run there
            }
        }
    }

    /** Quotes a value for sh: single quotes, with embedded single quotes closed, escaped and reopened. */
    public static String shQuote(String s) { return "'" + s.replace("'", "'\\''") + "'"; }

    /** A template from this package's resources. */
    static String resource(String name) {
        try (InputStream in = ShimWriter.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
