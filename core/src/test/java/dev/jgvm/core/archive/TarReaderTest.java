package dev.jgvm.core.archive;

import dev.jgvm.core.error.VerificationException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TarReaderTest {
    private static final String LONG = "go/src/" + "very-long-directory-name/".repeat(8) + "Äfoo.go";
    private static final byte[] CONTENT = "package main\n".getBytes(StandardCharsets.UTF_8);

    private static byte[] tar(int longFileMode, Map<String, String> globalPax) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> kv : globalPax.entrySet()) {
            String body = " %s=%s\n".formatted(kv.getKey(), kv.getValue());
            byte[] record = ((body.length() + 2) + body).getBytes(StandardCharsets.UTF_8);   // the length counts its two digits
            out.write(header("pax_global_header", 'g', record.length));
            out.write(Arrays.copyOf(record, 512));
        }
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name())) {
            t.setLongFileMode(longFileMode);
            t.putArchiveEntry(new TarArchiveEntry("go/"));
            t.closeArchiveEntry();
            TarArchiveEntry f = new TarArchiveEntry(LONG);
            f.setSize(CONTENT.length);
            f.setMode(0100755);
            t.putArchiveEntry(f);
            t.write(CONTENT);
            t.closeArchiveEntry();
            TarArchiveEntry link = new TarArchiveEntry("go/link", TarConstants.LF_SYMLINK);
            link.setLinkName("../" + LONG.substring(3));
            t.putArchiveEntry(link);
            t.closeArchiveEntry();
            TarArchiveEntry skipped = new TarArchiveEntry("go/unread");
            skipped.setSize(1000);
            t.putArchiveEntry(skipped);
            t.write(new byte[1000]);
            t.closeArchiveEntry();
        }
        return out.toByteArray();
    }

    /** A ustar header block written by hand, as Go's archive/tar or git archive would. */
    private static byte[] header(String name, char flag, int size) {
        byte[] h = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(n, 0, h, 0, n.length);
        put(h, 100, "%07o".formatted(0644));
        put(h, 124, "%011o".formatted(size));
        put(h, 136, "%011o".formatted(0));
        h[156] = (byte) flag;
        put(h, 257, "ustar");
        put(h, 263, "00");
        Arrays.fill(h, 148, 156, (byte) ' ');
        int sum = 0;
        for (byte b : h) sum += b & 0xff;
        put(h, 148, "%06o".formatted(sum));
        return h;
    }

    private static void put(byte[] h, int at, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, at, b.length);
    }

    private static List<String> read(byte[] tar, List<byte[]> contents) throws IOException {
        TarReader r = new TarReader(new ByteArrayInputStream(tar));
        List<String> out = new ArrayList<>();
        for (TarReader.Entry e; (e = r.next()) != null; ) {
            out.add(e.type() + " " + e.name() + " " + Integer.toOctalString(e.mode()) + " " + e.size() + (e.linkName().isEmpty() ? "" : " -> " + e.linkName()));
            if (e.type() == TarReader.Type.FILE && e.name().endsWith(".go")) contents.add(r.content().readAllBytes());
        }
        return out;
    }

    @Test
    void readsPaxAndGnuLongNamesAndLinksAlike() throws IOException {
        List<String> expected = List.of("DIRECTORY go/ 755 0", "FILE " + LONG + " 755 13",
                "SYMLINK go/link 644 0 -> ../" + LONG.substring(3), "FILE go/unread 644 1000");
        for (int mode : new int[] {TarArchiveOutputStream.LONGFILE_POSIX, TarArchiveOutputStream.LONGFILE_GNU}) {
            List<byte[]> contents = new ArrayList<>();

            assertEquals(expected, read(tar(mode, Map.of()), contents));
            assertArrayEquals(CONTENT, contents.get(0));
        }
    }

    @Test
    void aGlobalHeaderWithACommentIsIgnoredButOneThatMovesEntriesIsRefused() throws IOException {
        assertEquals(4, read(tar(TarArchiveOutputStream.LONGFILE_POSIX, Map.of("comment", "abc")), new ArrayList<>()).size());

        byte[] moving = tar(TarArchiveOutputStream.LONGFILE_POSIX, Map.of("path", "elsewhere"));
        VerificationException e = assertThrows(VerificationException.class, () -> read(moving, new ArrayList<>()));
        assertTrue(e.getMessage().contains("global pax header"), e.getMessage());
    }

    @Test
    void aHeaderWithAWrongChecksumIsNoTar() throws IOException {
        byte[] t = tar(TarArchiveOutputStream.LONGFILE_POSIX, Map.of());
        t[1] ^= 1;   // the first entry's name, covered by its header checksum

        IOException e = assertThrows(IOException.class, () -> read(t, new ArrayList<>()));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void aStreamCutInsideAnEntryIsTruncated() throws IOException {
        byte[] t = tar(TarArchiveOutputStream.LONGFILE_POSIX, Map.of());
        byte[] cut = Arrays.copyOf(t, t.length - 1024 - 600);   // inside go/unread's content

        assertThrows(EOFException.class, () -> read(cut, new ArrayList<>()));
    }

    @Test
    void sparseFilesAndUnknownTypesAreNotExtractedAsFiles() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(out)) {
            TarArchiveEntry sparse = new TarArchiveEntry("go/sparse", TarConstants.LF_GNUTYPE_SPARSE);
            t.putArchiveEntry(sparse);
            t.closeArchiveEntry();
        }

        TarReader.Entry e = new TarReader(new ByteArrayInputStream(out.toByteArray())).next();

        assertEquals(TarReader.Type.OTHER, e.type());
        assertEquals('S', e.flag());
    }

    @Test
    void endsAtTheFirstZeroBlockOrAtTheEndOfTheStream() throws IOException {
        assertNull(new TarReader(new ByteArrayInputStream(new byte[0])).next());
        assertNull(new TarReader(new ByteArrayInputStream(new byte[1024])).next());
        assertThrows(EOFException.class, () -> new TarReader(new ByteArrayInputStream(new byte[100])).next());
    }
}
