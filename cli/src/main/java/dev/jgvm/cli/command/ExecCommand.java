package dev.jgvm.cli.command;

import dev.jgvm.cli.Services;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.error.StoreException;
import dev.jgvm.core.error.ToolNotFoundException;
import dev.jgvm.core.error.UsageException;
import dev.jgvm.core.error.VersionNotFoundException;
import dev.jgvm.core.resolve.Resolution;
import dev.jgvm.core.resolve.Selection;
import dev.jgvm.core.version.GoVersion;
import dev.jgvm.core.version.VersionSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code jgvm exec [--version SPEC] -- CMD...}: run a command with a Go version's environment. */
@Command(name = "exec", description = "Run a command with a Go version's GOROOT and PATH.")
public final class ExecCommand implements Callable<Integer> {
    @Option(names = "--version", paramLabel = "SPEC", description = "The Go version to use (default: the one selected here).")
    String version;

    @Parameters(paramLabel = "CMD", arity = "1..*", description = "The command and its arguments (after --).")
    List<String> command;

    @Option(names = "--shim", hidden = true, description = "Behave as a shim (the Windows .cmd shims use it): exit 127 when no version or command is found.")
    boolean shim;

    private final Services services;

    public ExecCommand(Services services) { this.services = services; }

    @Override public Integer call() {
        if (services.terminal().json()) {
            throw new UsageException("'jgvm exec' prints what its command prints; it has no JSON output", "leave out --json");
        }
        try {
            return run();
        } catch (VersionNotFoundException | ToolNotFoundException e) {
            // The same contract as the sh shims: 127 and a hint when there is no version or no command to run.
            services.terminal().error(e.getMessage());
            e.hint().ifPresent(services.terminal()::hint);
            return ExitCode.SHIM_NOT_FOUND.code();
        }
    }

    private int run() {
        GoVersion v = version();
        Path goroot = services.store().goroot(v);
        Map<String, String> env = EnvCommand.environment(services, goroot);
        String exe = find(command.get(0), env.get("PATH"));
        ProcessBuilder pb = new ProcessBuilder(command);
        // ProcessBuilder takes the directory as text: a name that is not UTF-8 (kept as bytes by Env) would turn into
        // another, absent directory. Such a cwd is always this process's own, which the child inherits anyway.
        Path cwd = services.env().cwd();
        if (Files.isDirectory(Path.of(cwd.toString()))) pb.directory(cwd.toFile());
        pb.command().set(0, exe);
        pb.environment().clear();
        pb.environment().putAll(env);
        try {
            if (services.systemStreams()) {
                // The child gets jgvm's own stdin, stdout and stderr: its bytes pass through untouched.
                return ChildProcess.run(pb.inheritIO());
            }
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Process p = pb.start();
            Thread errPump = pump(p.getErrorStream(), services.terminal().err());
            pumpInto(p.getInputStream(), services.terminal().out());
            errPump.join();
            return p.waitFor();
        } catch (IOException e) {
            throw new StoreException("cannot run '%s': %s".formatted(exe, e.getMessage()), "check that it is an executable program");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.FAILURE.code();
        }
    }

    private GoVersion version() {
        if (version == null) {
            Resolution here = services.resolveHere();
            if (shim && !here.none() && !here.system()) {
                String cmd = command.get(0);
                here.installed().filter(v -> !Files.isRegularFile(services.store().goroot(v).resolve("bin").resolve(cmd))
                        && !Files.isRegularFile(services.store().goroot(v).resolve("bin").resolve(cmd + ".exe")))
                        .ifPresent(v -> {
                            throw new ToolNotFoundException("go %s has no '%s' (go %s selected by %s)".formatted(v, cmd, v, here.selection().reason()),
                                    "'%s' comes with other Go versions; pick one with 'jgvm use <version>'".formatted(cmd), ExitCode.SHIM_NOT_FOUND);
                        });
            }
            return Selected.installed(services, here);
        }
        VersionSpec spec = VersionSpec.parse(version);
        Optional<GoVersion> v = spec.select(services.store().installed());
        if (v.isPresent()) return v.get();
        Selection sel = new Selection(Optional.of(spec.text()), Selection.Source.COMMAND_LINE, Optional.empty(), List.of());
        if (spec instanceof VersionSpec.System) {
            throw new VersionNotFoundException("'system' is not a jgvm version", "run the command directly to use the Go on your PATH");
        }
        throw Selected.notInstalled(new Resolution(sel, Optional.empty()));
    }

    // Looked up on the child's PATH, so the selected GOROOT/bin wins over anything else.
    private static String find(String cmd, String path) {
        if (cmd.contains("/") || cmd.contains(File.separator)) return cmd;
        return Selected.onPath(path, cmd, dir -> false).map(Path::toString).orElseThrow(() -> new ToolNotFoundException("'%s' not found in the selected Go's bin/ or on PATH".formatted(cmd),
                "check the command's name; 'jgvm which' shows the selected Go", ExitCode.SHIM_NOT_FOUND));
    }

    private static Thread pump(InputStream in, PrintWriter to) {
        Thread t = new Thread(() -> pumpInto(in, to), "exec-stderr");
        t.start();
        return t;
    }

    // In process (tests) there are only writers: a decoder that keeps state across reads, so a character split
    // between two reads stays whole.
    private static void pumpInto(InputStream in, PrintWriter to) {
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            char[] buf = new char[8192];
            for (int n; (n = r.read(buf)) > 0; ) {
                synchronized (to) {
                    to.write(buf, 0, n);
                    to.flush();
                }
            }
        } catch (IOException e) {
            // the child closed its end
        }
    }
}
