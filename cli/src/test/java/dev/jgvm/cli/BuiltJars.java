package dev.jgvm.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The jars this module's build made (the CLI and its dependencies), for tests that run the real launcher. */
final class BuiltJars {
    private BuiltJars() {}

    /** Copies {@code jgvm-cli.jar} and every dependency jar into {@code lib} (made if missing), as install.sh lays them out. */
    static Path copyTo(Path lib) throws IOException {
        Files.createDirectories(lib);
        Files.copy(Path.of("target/jgvm-cli.jar"), lib.resolve("jgvm-cli.jar"));
        try (Stream<Path> jars = Files.list(Path.of("target/lib"))) {
            for (Path j : jars.toList()) Files.copy(j, lib.resolve(j.getFileName()));
        }
        return lib;
    }
}
