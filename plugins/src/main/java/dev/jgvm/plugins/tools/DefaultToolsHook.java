package dev.jgvm.plugins.tools;

import dev.jgvm.core.spi.InstallHook;
import dev.jgvm.core.spi.PluginCache;
import dev.jgvm.core.spi.PluginContext;
import dev.jgvm.core.spi.SpiVersion;
import dev.jgvm.core.version.GoVersion;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code [hooks] default_tools}: after a version is installed, {@code go install} each listed package with that Go.
 * Each runs in an empty directory of its own (no project's {@code go.mod} or {@code go.work} interferes), with
 * {@code GOTOOLCHAIN=local} (the new Go builds them itself, never a toolchain it downloads) and {@code GOROOT} and
 * {@code PATH} pointing at the new version; the rest of the user's environment ({@code GOPROXY}, {@code GOSUMDB},
 * {@code GOFLAGS}, {@code GOPATH}, {@code GOBIN}, proxies) passes through. The tools land where Go puts them:
 * {@code GOBIN}, else {@code GOPATH/bin}. A tool that fails is reported by name with Go's last words; the others
 * still run, and the install stands.
 */
public final class DefaultToolsHook implements InstallHook {
    private static final long TIMEOUT_MINUTES = 15;

    @Override public int spiVersion() { return SpiVersion.MAJOR; }

    @Override public String name() { return "default-tools"; }

    @Override public void installed(GoVersion version, Path goroot, PluginContext context) {
        List<String> tools = context.hooks().list("default_tools");
        if (tools.isEmpty()) return;
        Path go = goroot.resolve("bin").resolve(File.separatorChar == '\\' ? "go.exe" : "go");
        PluginCache cache = context.cache("default-tools");
        Path neutral;
        try {
            neutral = cache.scratch("run-");
        } catch (IOException e) {
            context.progress().warning("default tools were not installed with go %s: cannot create a working directory: %s".formatted(version, e.getMessage()));
            return;
        }
        try {
            List<String> failed = new ArrayList<>();
            for (String tool : tools) {
                context.progress().step("go install %s (go %s)".formatted(tool, version));
                String problem = install(go, goroot, tool, neutral, context.environment());
                if (problem == null) {
                    context.progress().step("installed default tool '%s' with go %s".formatted(tool, version));
                } else {
                    failed.add(tool);
                    context.progress().warning("default tool '%s' was not installed with go %s: %s".formatted(tool, version, problem));
                }
            }
            if (!failed.isEmpty() && failed.size() < tools.size()) {
                context.progress().step("%d of %d default tools installed".formatted(tools.size() - failed.size(), tools.size()));
            }
        } finally {
            deleteQuietly(cache, neutral);
        }
    }

    // Null when it worked, else what went wrong in one line.
    private static String install(Path go, Path goroot, String tool, Path dir, Map<String, String> env) {
        ProcessBuilder pb = new ProcessBuilder(go.toString(), "install", tool).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> e = pb.environment();
        e.clear();
        e.putAll(env);
        e.put("GOROOT", goroot.toString());
        e.put("GOTOOLCHAIN", "local");
        e.put("GOWORK", "off");
        e.put("PWD", dir.toString());
        String path = env.getOrDefault("PATH", "");
        e.put("PATH", goroot.resolve("bin") + (path.isEmpty() ? "" : File.pathSeparator + path));
        Process p;
        try {
            p = pb.start();
        } catch (IOException ex) {
            return "cannot run '%s': %s".formatted(go, ex.getMessage());
        }
        try {
            p.getOutputStream().close();
        } catch (IOException ignored) {
            // go install reads no input
        }
        String output = tail(p.getInputStream());
        try {
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return "'go install' did not finish within %d minutes".formatted(TIMEOUT_MINUTES);
            }
        } catch (InterruptedException ex) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        if (p.exitValue() == 0) return null;
        String last = output.strip();
        return last.isEmpty() ? "'go install' exited with %d".formatted(p.exitValue()) : "%s (exit %d)".formatted(last, p.exitValue());
    }

    // The last line Go printed that is not blank: only that is shown.
    private static String tail(InputStream in) {
        String last = "";
        try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) if (!line.isBlank()) last = line;
        } catch (IOException e) {
            // the process ended; what was read is enough
        }
        return last;
    }

    private static void deleteQuietly(PluginCache cache, Path dir) {
        try {
            cache.delete(dir);
        } catch (IOException e) {
            // a leftover empty directory under the cache; 'jgvm cache clean' removes it
        }
    }
}
