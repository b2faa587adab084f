package dev.jgvm.shims;

import dev.jgvm.core.store.InstallStore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

/**
 * Writes {@code bin/jgvm}, the POSIX sh launcher: the {@code launcher.sh} template with the shims' resolver
 * embedded (for the JVM-free daily commands), jgvm's version, the jar directory and the default JGVM_HOME.
 * install.sh runs {@link #main} with the JDK it found.
 */
public final class LauncherWriter {
    private static final String VERSION = readVersion();

    /** jgvm's version, from the build; the launcher answers {@code jgvm --version} with it. */
    public static String version() { return VERSION; }

    /** The launcher script for jars in {@code lib} and a default {@code home}. */
    public String script(Path lib, Path home) {
        return ShimWriter.resource("launcher.sh").replace("@RESOLVE@", ShimWriter.resolver() + ShimWriter.toolchainFunctions())
                .replace("@JGVM_VERSION@", ShimWriter.shQuote(VERSION))
                .replace("@JGVM_LIB@", ShimWriter.shQuote(lib.toString()))
                .replace("@JGVM_DEFAULT_HOME@", ShimWriter.shQuote(home.toString()));
    }

    /** Writes the launcher atomically and makes it executable. */
    public void write(Path lib, Path home, Path target) throws IOException {
        InstallStore.writeAtomically(target, script(lib, home));
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** {@code LauncherWriter LIB_DIR DEFAULT_HOME TARGET}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: LauncherWriter LIB_DIR DEFAULT_HOME TARGET");
            System.exit(2);
        }
        new LauncherWriter().write(Path.of(args[0]).toAbsolutePath().normalize(), Path.of(args[1]).toAbsolutePath().normalize(),
                Path.of(args[2]).toAbsolutePath());
    }

    private static String readVersion() {
        try (InputStream in = LauncherWriter.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
