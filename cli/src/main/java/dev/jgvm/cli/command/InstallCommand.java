package dev.jgvm.cli.command;

import com.google.gson.JsonObject;
import dev.jgvm.cli.render.Json;
import dev.jgvm.cli.Services;
import dev.jgvm.cli.render.Progress;
import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.error.UsageException;
import dev.jgvm.core.event.ProgressListener;
import dev.jgvm.core.install.Installer.Installation;
import dev.jgvm.core.platform.Platform;
import dev.jgvm.core.dist.Checksum;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code jgvm install}: verify and install Go versions. */
@Command(name = "install", addMethodSubcommands = false, description = "Download, verify and install Go versions (or a local archive with --from).")
public final class InstallCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SPEC", arity = "0..*", description = "1.22.5, 1.22 or latest; none: the version selected here.")
    List<String> specs = new ArrayList<>();

    @Option(names = "--from", paramLabel = "FILE", description = "Install this official-layout archive (go<version>.<os>-<arch>.tar.gz or .zip).")
    Path from;

    @Option(names = "--sha256", paramLabel = "HEX", description = "The archive's SHA-256, as published on go.dev/dl.")
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

    private final Services services;

    public InstallCommand(Services services) { this.services = services; }

    @Override public Integer call() {
        Terminal t = services.terminal();
        if (from == null) return installFromMirrors(t);
        if (!specs.isEmpty()) {
            throw new UsageException("give either versions or --from, not both", "the version comes from the archive's name or its go/VERSION file");
        }
        Optional<Checksum> digest = Optional.ofNullable(sha256).map(Checksum::sha256);
        Platform target = services.platforms().platform(Optional.ofNullable(platform));
        Path file = services.env().cwd().resolve(from);
        Installation done = services.installer().installFromFile(file, digest, target, force, Progress.listener(t), services.localVerifier(),
                new dev.jgvm.core.download.ArchiveCache(services.store().cacheDir()));
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
        Selected.warnIfOlderThanGoMod(services);
        return ExitCode.OK.code();
    }

    private int installFromMirrors(Terminal t) {
        List<String> wanted = new ArrayList<>(specs);
        if (wanted.isEmpty()) {
            // No spec: the version selected here, as a shim would install it.
            var here = services.resolveHere();
            if (here.none()) throw Selected.noneSelected(services);
            wanted.add(here.spec());
        }
        Platform target = services.platforms().platform(Optional.ofNullable(platform));
        ProgressListener progress = Progress.listener(t);
        var remote = services.remoteInstaller(Optional.ofNullable(mirror), allowMirrorChecksums, offline, progress);
        List<Installation> done = new ArrayList<>();
        for (String spec : wanted) {
            Installation i = remote.install(dev.jgvm.core.version.VersionSpec.parse(spec), target, force, offline, progress);
            if (i.alreadyInstalled()) t.info("go %s is already installed".formatted(i.version()));
            if (i.becameDefault()) t.info("go %s is now the global default (jgvm use --global changes it)".formatted(i.version()));
            done.add(i);
        }
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
        Selected.warnIfOlderThanGoMod(services);
        return ExitCode.OK.code();
    }
}
