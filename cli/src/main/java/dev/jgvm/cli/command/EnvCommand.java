package dev.jgvm.cli.command;

import com.google.gson.JsonObject;
import dev.jgvm.cli.render.Json;
import dev.jgvm.cli.Services;
import dev.jgvm.cli.render.Terminal;
import dev.jgvm.core.error.ExitCode;
import dev.jgvm.core.error.StoreException;
import dev.jgvm.core.error.UsageException;
import dev.jgvm.core.version.GoVersion;
import dev.jgvm.shims.ShellInit;
import dev.jgvm.shims.ShimWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code jgvm env}: the exports for the version selected here, for CI and scripts. */
@Command(name = "env", addMethodSubcommands = false, description = "Print GOROOT and PATH exports for the Go version selected here.")
public final class EnvCommand implements Callable<Integer> {
    /** Output dialects; bash and zsh read the sh one. */
    enum Shell { sh, bash, zsh, fish, pwsh, github }

    @Option(names = "--shell", paramLabel = "SHELL", defaultValue = "sh", description = "sh, bash, zsh (all three the same), fish, pwsh or github (writes GITHUB_ENV and GITHUB_PATH).")
    Shell shell;

    private final Services services;

    public EnvCommand(Services services) { this.services = services; }

    @Override public Integer call() {
        Terminal t = services.terminal();
        GoVersion v = Selected.installed(services, services.resolveHere());
        Path goroot = services.store().goroot(v);
        String bin = goroot.resolve("bin").toString();
        String toolchain = services.settings().gotoolchain();
        if (t.json()) {
            JsonObject vars = new JsonObject();
            environment(services, goroot).forEach((k, val) -> {
                if (k.equals("GOROOT") || k.equals("PATH") || k.equals("GOTOOLCHAIN")) vars.addProperty(k, val);
            });
            JsonObject o = new JsonObject();
            o.addProperty("version", v.name());
            o.addProperty("goroot", goroot.toString());
            o.add("env", vars);
            t.out().println(Json.render(o));
            return ExitCode.OK.code();
        }
        switch (shell) {
            case sh, bash, zsh -> {
                t.out().println("export GOROOT=" + sq(goroot.toString()));
                t.out().println("export PATH=" + sq(bin) + ":\"$PATH\"");
                if (!toolchain.isEmpty()) t.out().println("export GOTOOLCHAIN=" + sq(toolchain));
            }
            case fish -> {
                t.out().println("set -gx GOROOT " + sq(goroot.toString()));
                t.out().println("set -gx PATH " + sq(bin) + " $PATH");
                if (!toolchain.isEmpty()) t.out().println("set -gx GOTOOLCHAIN " + sq(toolchain));
            }
            case pwsh -> {
                t.out().println("$env:GOROOT = " + pq(goroot.toString()));
                t.out().println("$env:PATH = " + pq(bin) + " + [IO.Path]::PathSeparator + $env:PATH");
                if (!toolchain.isEmpty()) t.out().println("$env:GOTOOLCHAIN = " + pq(toolchain));
            }
            case github -> github(t, goroot, bin, toolchain);
        }
        return ExitCode.OK.code();
    }

    /** The child environment for a GOROOT: GOROOT set, its bin/ first on PATH, GOTOOLCHAIN when configured. */
    static Map<String, String> environment(Services s, Path goroot) {
        Map<String, String> env = new LinkedHashMap<>(s.env().vars());
        env.put("GOROOT", goroot.toString());
        String path = s.env().get("PATH").orElse("");
        env.put("PATH", goroot.resolve("bin") + (path.isEmpty() ? "" : File.pathSeparator + path));
        String toolchain = s.settings().gotoolchain();
        if (!toolchain.isEmpty()) env.put("GOTOOLCHAIN", toolchain);
        return env;
    }

    // GitHub Actions reads later steps' environment from the files these variables name.
    private void github(Terminal t, Path goroot, String bin, String toolchain) {
        Path envFile = services.env().get("GITHUB_ENV").map(Path::of).orElseThrow(() -> new UsageException(
                "GITHUB_ENV is not set", "--shell github is for GitHub Actions steps; use --shell sh elsewhere"));
        Path pathFile = services.env().get("GITHUB_PATH").map(Path::of).orElseThrow(() -> new UsageException(
                "GITHUB_PATH is not set", "--shell github is for GitHub Actions steps; use --shell sh elsewhere"));
        append(envFile, "GOROOT=" + goroot + "\n" + (toolchain.isEmpty() ? "" : "GOTOOLCHAIN=" + toolchain + "\n"));
        append(pathFile, bin + "\n");
        t.info("set GOROOT=%s and added %s to PATH for the next steps".formatted(goroot, bin));
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new StoreException("cannot write '%s': %s".formatted(file, e.getMessage()), null, e);
        }
    }

    private static String sq(String s) { return ShimWriter.shQuote(s); }

    private static String pq(String s) { return ShellInit.psQuote(s); }
}
