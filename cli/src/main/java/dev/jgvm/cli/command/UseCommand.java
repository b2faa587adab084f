package dev.jgvm.cli.command;

import com.google.gson.JsonObject;
import dev.jgvm.cli.render.Progress;
import dev.jgvm.cli.render.Json;
import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.select.Selector;
import dev.jgvm.core.version.GoVersion;
import dev.jgvm.core.version.VersionSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code jgvm use SPEC}: write {@code .go-version} here, or with {@code --global} the global default. */
@Command(name = "use", addMethodSubcommands = false, description = "Select a Go version for this directory (.go-version) or, with --global, everywhere.")
public final class UseCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SPEC", description = "1.22.5, 1.22 (newest installed 1.22.x), latest or system.")
    String spec;

    @Option(names = {"-g", "--global"}, description = "Set the global default (JGVM_HOME/version) instead.")
    boolean global;

    private final Terminal t;
    private final Supplier<Selector> selector;

    public UseCommand(Terminal terminal, Supplier<Selector> selector) {
        this.t = terminal;
        this.selector = selector;
    }

    @Override public Integer call() {
        VersionSpec wanted = VersionSpec.parse(spec);
        // use installs what it selects when it is missing.
        Selector.Used used = selector.get().use(wanted, global, t::info, Progress.listener(t));
        String what = used.version().map(x -> "go " + x.name() + (wanted instanceof VersionSpec.Exact ? "" : " (" + wanted.text() + ")"))
                .orElse("the system go");
        if (global) {
            t.info("%s is now the global default".formatted(what));
            used.stillHere().ifPresent(here -> t.info("here %s still selects %s".formatted(here.reason(), here.spec().orElse(""))));
        } else {
            t.info("%s selected by %s".formatted(what, used.file()));
            used.environmentOverride().ifPresent(v -> t.warn("JGVM_GO_VERSION=%s overrides it in this shell".formatted(v)));
        }
        // After the write, as the launcher's sh path says it too (LauncherParityIT).
        if (used.noSystemGo()) {
            t.warn("there is no go on PATH besides jgvm's shims, so 'system' runs nothing until one is installed");
            t.hint("install Go with your package manager, or pick a jgvm version with 'jgvm use <version>'");
        }
        // What is used here now, against the go.work/go.mod Go reads here (the launcher's sh path says the same).
        Selected.warn(t, used.mismatch());
        if (t.json()) {
            JsonObject o = new JsonObject();
            o.addProperty("version", used.version().map(GoVersion::name).orElse(wanted instanceof VersionSpec.System ? "system" : null));
            o.addProperty("spec", wanted.text());
            o.addProperty("global", global);
            o.addProperty("file", used.file().toString());
            t.out().println(Json.render(o));
        }
        return ExitCode.OK.code();
    }
}
