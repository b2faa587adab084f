package dev.jgvm.cli.command;

import com.google.gson.JsonObject;
import dev.jgvm.cli.render.Json;
import dev.jgvm.cli.render.Progress;
import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.error.UsageException;
import dev.jgvm.core.install.InstallService;
import dev.jgvm.core.install.Installer.Installation;
import dev.jgvm.core.select.Selector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code jgvm install}: verify and install Go versions. */
@Command(name = "install", addMethodSubcommands = false, description = "Download, verify and install Go versions (or a local archive with --from).")
public final class InstallCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SPEC", arity = "0..*", description = "1.22.5, 1.22 or latest; none: the version selected here.")
    List<String> specs = new ArrayList<>();

    @Option(names = "--from", paramLabel = "FILE", description = "Install this official-layout archive (go<version>.<os>-<arch>.tar.gz or .zip).")
    Path from;

    @Option(names = "--sha256", paramLabel = "HEX", description = "With --from: the archive's SHA-256, as published on go.dev/dl.")
    String sha256;

    @Option(names = "--platform", paramLabel = "OS/ARCH", description = "Install for this platform, e.g. linux/arm64 (also JGVM_PLATFORM).")
    String platform;

    @Option(names = "--force", description = "Reinstall even if the version is installed.")
    boolean force;

    @Option(names = "--mirror", paramLabel = "NAME", description = "Use only this mirror (a [[mirror]] name, official or china).")
    String mirror;

    @Option(names = "--offline", description = "Use only the cache; never open a socket.")
    boolean offline;

    @Option(names = "--allow-mirror-checksums", description = "Accept a digest the mirror itself serves when nothing stronger exists (reported).")
    boolean allowMirrorChecksums;

    private final Terminal t;
    private final Supplier<InstallService> installs;
    private final Supplier<Selector> selector;

    /** @param selector for the go.mod warning after an install */
    public InstallCommand(Terminal t, Supplier<InstallService> installs, Supplier<Selector> selector) {
        this.t = t;
        this.installs = installs;
        this.selector = selector;
    }

    @Override public Integer call() {
        if (from == null && sha256 != null) {
            // Nothing would compare it: a download is proven by the chain's evidence (DESIGN §6).
            throw new UsageException("--sha256 goes with --from: a download is proven by the mirrors' signatures and the official checksums",
                    "to pin a digest, download the archive and run 'jgvm install --from FILE --sha256 HEX'");
        }
        if (from == null) return installFromMirrors();
        if (!specs.isEmpty()) {
            throw new UsageException("give either versions or --from, not both", "the version comes from the archive's name or its go/VERSION file");
        }
        Installation done = installs.get().installFile(from, Optional.ofNullable(sha256), Optional.ofNullable(platform), force, Progress.listener(t));
        if (done.alreadyInstalled()) {
            t.info("go %s is already installed".formatted(done.version()));
            t.hint("use --force to reinstall it");
        } else if (done.becameDefault()) {
            t.info("go %s is now the global default (jgvm use --global changes it)".formatted(done.version()));
        }
        if (t.json()) {
            JsonObject o = new JsonObject();
            o.addProperty("version", done.version().name());
            o.addProperty("goroot", done.goroot().toString());
            o.addProperty("already_installed", done.alreadyInstalled());
            o.addProperty("global_default", done.becameDefault());
            t.out().println(Json.render(o));
        } else {
            t.out().println(done.goroot());
        }
        Selected.warn(t, selector.get().toolchainMismatch());
        return ExitCode.OK.code();
    }

    private int installFromMirrors() {
        var options = new InstallService.Options(Optional.ofNullable(platform), force, Optional.ofNullable(mirror), offline, allowMirrorChecksums);
        List<Installation> done = installs.get().install(specs, options, Progress.listener(t), i -> {
            if (i.alreadyInstalled()) t.info("go %s is already installed".formatted(i.version()));
            if (i.becameDefault()) t.info("go %s is now the global default (jgvm use --global changes it)".formatted(i.version()));
        });
        if (t.json()) {
            com.google.gson.JsonArray a = new com.google.gson.JsonArray();
            for (Installation i : done) {
                JsonObject o = new JsonObject();
                o.addProperty("version", i.version().name());
                o.addProperty("goroot", i.goroot().toString());
                o.addProperty("already_installed", i.alreadyInstalled());
                a.add(o);
            }
            t.out().println(Json.render(a));
        } else {
            for (Installation i : done) t.out().println(i.goroot());
        }
        Selected.warn(t, selector.get().toolchainMismatch());
        return ExitCode.OK.code();
    }
}
