package dev.jgvm.core.resolve;

import dev.jgvm.core.config.SettingsLoader;
import dev.jgvm.core.env.Env;
import dev.jgvm.core.store.InstallStore;
import dev.jgvm.fixtures.ConformanceVectors;
import dev.jgvm.fixtures.ConformanceVectors.Case;
import dev.jgvm.fixtures.ConformanceVectors.Sandbox;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Java resolver against every conformance vector (the sh resolver runs the same ones in the shims module). */
class ConformanceVectorsTest {
    @TempDir Path tmp;

    @TestFactory
    Stream<DynamicTest> javaResolverAgreesWithEveryVector() {
        List<Case> cases = ConformanceVectors.all();
        assertTrue(cases.size() >= 60, "at least 60 cases, found " + cases.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private void check(Case c) throws IOException {
        Sandbox box = ConformanceVectors.materialize(c, Files.createDirectory(tmp.resolve(c.name())));
        assertTrue(Files.isDirectory(box.cwd()), "the case's working directory exists: " + box.cwd());
        Env env = Env.of(box.env().entrySet().stream().flatMap(e -> Stream.of(e.getKey(), e.getValue())).toArray()).withCwd(box.cwd());
        boolean readGoMod = env.get("JGVM_READ_GO_MOD").map(v -> SettingsLoader.envBool(v, "JGVM_READ_GO_MOD")).orElse(true);

        Resolution r = new VersionResolver().resolve(env, readGoMod, new InstallStore(box.home(), Duration.ofSeconds(1)));

        Map<String, String> expect = c.expect();
        String version = r.installed().map(v -> v.name()).orElse(r.spec());
        String source = switch (r.selection().source()) {
            case ENVIRONMENT -> "JGVM_GO_VERSION";
            case NONE -> "";
            default -> box.root().relativize(r.selection().origin().orElseThrow()).toString();
        };
        int exit = r.none() || r.missing() ? 3 : 0;
        assertEquals(expect.get("version") + " from " + expect.get("source") + " exit " + expect.get("exit"),
                version + " from " + source + " exit " + exit, c.name());
        // valid=0: the token selects, but is no spec jgvm can act on (a near miss such as 1.22.05).
        if (!r.none()) {
            boolean valid = isSpec(r.spec());
            assertEquals(!"0".equals(expect.get("valid")), valid, c.name() + ": '" + r.spec() + "' is a spec");
        }
    }

    private static boolean isSpec(String token) {
        try {
            dev.jgvm.core.version.VersionSpec.parse(token);
            return true;
        } catch (dev.jgvm.core.error.UsageException e) {
            return false;
        }
    }
}
