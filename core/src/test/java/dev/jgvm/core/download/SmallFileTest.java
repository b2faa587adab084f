package dev.jgvm.core.download;

import dev.jgvm.core.error.VerificationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A signature or checksums file that is far too large is refused, not loaded. */
class SmallFileTest {
    @TempDir Path tmp;

    @Test
    void a400MiBSignatureIsRefusedWithoutReadingIt() throws Exception {
        Path asc = tmp.resolve("signature.asc");
        try (RandomAccessFile f = new RandomAccessFile(asc.toFile(), "rw")) {
            f.setLength(400L << 20);   // sparse: costs no disk
        }

        VerificationException e = assertThrows(VerificationException.class, () -> SmallFile.read(asc, SmallFile.SIGNATURE));

        assertTrue(e.getMessage().contains("'signature.asc' is larger than 65536 bytes"), e.getMessage());
    }

    @Test
    void aFileUnderTheCapIsReadWhole() throws Exception {
        Path sums = Files.write(tmp.resolve("checksums.txt"), new byte[] {'a', 'b'});

        assertArrayEquals(new byte[] {'a', 'b'}, SmallFile.read(sums, SmallFile.CHECKSUMS));
    }
}
