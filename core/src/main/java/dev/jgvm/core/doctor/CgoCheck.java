package dev.jgvm.core.doctor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code cgo}: {@code CGO_ENABLED}, the C compiler {@code go env CC} would use (CC, else {@code go env -w}'s, else
 * Go's default: clang on macOS, gcc elsewhere) present on PATH or not, and on macOS the Xcode command-line tools
 * ({@code xcrun}).
 */
public final class CgoCheck implements Check {
    @Override public List<Finding> examine(Situation s) {
        Optional<Situation.Setting> enabled = s.goSetting("CGO_ENABLED");
        if (enabled.filter(e -> e.value().equals("0")).isPresent()) {
            return List.of(Finding.ok("cgo", "cgo is off (CGO_ENABLED=0 from %s): no C compiler needed".formatted(enabled.get().from())));
        }
        boolean demanded = enabled.filter(e -> e.value().equals("1")).isPresent();
        boolean mac = s.machine().os().equals("darwin");
        Optional<Situation.Setting> ccSetting = s.goSetting("CC");
        String cc = ccSetting.map(Situation.Setting::value).orElse(mac ? "clang" : "gcc");
        String from = ccSetting.map(c -> "CC from " + c.from()).orElse("Go's default C compiler");
        String first = cc.strip().split("\\s+")[0];
        Optional<Path> found = s.onPath(first);
        String install = mac ? "run 'xcode-select --install'" : "install one (Debian/Ubuntu: 'sudo apt-get install gcc'; Fedora: 'sudo dnf install gcc'; Alpine: 'apk add build-base')";
        if (found.isEmpty()) {
            String consequence = demanded ? "CGO_ENABLED=1 asks for cgo, so builds fail"
                    : "Go builds with cgo off, and packages that import \"C\" (go-sqlite3 and the like) fail to build";
            String finding = "no C compiler: '%s' (%s) is not on PATH; %s".formatted(first, from, consequence);
            String fix = install + ", or set CC to a compiler you have, or CGO_ENABLED=0 if you need no cgo";
            return List.of(demanded ? Finding.fail("cgo", finding, fix) : Finding.warn("cgo", finding, fix));
        }
        if (mac) {
            Optional<Path> xcrun = s.onPath("xcrun");
            boolean tools = xcrun.isPresent() && Programs.run(s.env(), Duration.ofSeconds(10), List.of(xcrun.get().toString(), "--find", "clang"))
                    .filter(r -> r.exit() == 0).isPresent();
            if (!tools) {
                return List.of(Finding.fail("cgo", "the Xcode command-line tools are missing ('xcrun --find clang' fails), so cgo builds fail",
                        "run 'xcode-select --install', or CGO_ENABLED=0 if you need no cgo"));
            }
        }
        return List.of(Finding.ok("cgo", "cgo can build: '%s' (%s) is '%s'".formatted(first, from, found.get())));
    }
}
