package dev.jgvm.core.transport;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The transport knows nothing of Go (STYLE §10): it imports nothing else of jgvm, so core decides what answers mean. */
class TransportBoundaryTest {
    @Test
    void theTransportImportsNothingElseOfJgvm() throws IOException {
        Path dir = Path.of("src/main/java/dev/jgvm/core/transport");
        List<String> outside = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path f : files) {
            for (String line : Files.readAllLines(f)) {
                if (line.startsWith("import dev.jgvm.") && !line.startsWith("import dev.jgvm.core.transport.")) outside.add(f.getFileName() + ": " + line);
            }
        }

        assertTrue(files.size() > 5, "the transport's sources were found: " + files);
        assertEquals(List.of(), outside);
    }
}
