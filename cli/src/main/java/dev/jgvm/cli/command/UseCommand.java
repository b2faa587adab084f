package dev.jgvm.cli.command;

import com.google.gson.JsonObject;
import dev.jgvm.cli.render.Progress;
import dev.jgvm.cli.render.Json;
import dev.jgvm.cli.Services;
import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.resolve.Selection;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.core.version.GoVersion;
import dev.jgvm.core.version.VersionSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code jgvm use SPEC}: write {@code .go-version} here, or with {@code --global} the global default. */
@Command(name = "use", addMethodSubcommands = false, description = "Select a Go version for this directory (.go-version) or, with --global, everywhere.")
public final class UseCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SPEC", description = "1.22.5, 1.22 (newest installed 1.22.x), latest or system.")
    String spec;

    @Option(names = {"-g", "--global"}, description = "Set the global default (JGVM_HOME/version) instead.")
    boolean global;

    private final Services services;

    public UseCommand(Services services) { this.services = services; }

    @Override public Integer call() {
        Terminal t = services.terminal();
        InstallStore store = services.store();
        VersionSpec wanted = VersionSpec.parse(spec);
        Optional<GoVersion> v = wanted.select(store.installed());
        if (v.isEmpty() && !(wanted instanceof VersionSpec.System)) {
            // use installs what it selects when it is missing.
            t.info("go %s is not installed; installing it".formatted(wanted.text()));
            var platform = services.platforms().platform(Optional.empty());
            var done = services.remoteInstaller(Optional.empty(), false, false, Progress.listener(t))
                    .install(wanted, platform, false, false, Progress.listener(t));
            v = Optional.of(done.version());
        }
        Path file = global ? store.globalVersionFile() : services.env().cwd().resolve(".go-version");
        String what = v.map(x -> "go " + x.name() + (wanted instanceof VersionSpec.Exact ? "" : " (" + wanted.text() + ")")).orElse("the system go");
        if (global) {
            store.writeGlobalDefault(wanted.text());
            t.info("%s is now the global default".formatted(what));
            Selection here = services.resolver().select(services.env(), services.settings().readGoMod());
            if (here.source() == Selection.Source.PROJECT_FILE || here.source() == Selection.Source.ENVIRONMENT) {
                t.info("here %s still selects %s".formatted(here.reason(), here.spec().orElse("")));
            }
        } else {
            InstallStore.writeAtomically(file, wanted.text() + "\n");
            t.info("%s selected by %s".formatted(what, file));
            if (services.env().isSet("JGVM_GO_VERSION")) {
                t.warn("JGVM_GO_VERSION=%s overrides it in this shell".formatted(services.env().get("JGVM_GO_VERSION").orElse("")));
            }
        }
        // After the write, as the launcher's sh path says it too (LauncherParityIT).
        if (wanted instanceof VersionSpec.System && services.tools().onPathOutsideShims("go").isEmpty()) {
            t.warn("there is no go on PATH besides jgvm's shims, so 'system' runs nothing until one is installed");
            t.hint("install Go with your package manager, or pick a jgvm version with 'jgvm use <version>'");
        }
        // What is used here now, against the go.work/go.mod Go reads here (the launcher's sh path says the same).
        Selected.warnIfOlderThanGoMod(services);
        if (t.json()) {
            JsonObject o = new JsonObject();
            o.addProperty("version", v.map(GoVersion::name).orElse(wanted instanceof VersionSpec.System ? "system" : null));
            o.addProperty("spec", wanted.text());
            o.addProperty("global", global);
            o.addProperty("file", file.toString());
            t.out().println(Json.render(o));
        }
        return ExitCode.OK.code();
    }
}
