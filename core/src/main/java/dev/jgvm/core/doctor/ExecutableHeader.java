package dev.jgvm.core.doctor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The operating system and architecture an executable was built for, read from its ELF, Mach-O or PE header and
 * spelled as Go spells them ({@code linux}/{@code amd64}, {@code darwin}/{@code arm64}, {@code windows}/{@code 386}).
 *
 * @param os   {@code linux} for any ELF (Go's other ELF systems are told apart by nothing jgvm needs), {@code darwin}, {@code windows}
 * @param arch GOARCH; {@code arm} for 32-bit ARM (Go's {@code armv6l} archives)
 */
public record ExecutableHeader(String os, String arch) {
    /** What the file's first bytes say; empty for a script, a missing file or a format jgvm does not know. */
    public static Optional<ExecutableHeader> read(Path file) {
        byte[] b;
        try (InputStream in = Files.newInputStream(file)) {
            b = in.readNBytes(4096);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (b.length >= 20 && b[0] == 0x7f && b[1] == 'E' && b[2] == 'L' && b[3] == 'F') return elf(b);
        if (b.length >= 8) {
            int magic = ByteBuffer.wrap(b, 0, 4).order(ByteOrder.BIG_ENDIAN).getInt();
            if (magic == 0xFEEDFACF || magic == 0xFEEDFACE) return macho(b, ByteOrder.BIG_ENDIAN);
            if (magic == 0xCFFAEDFE || magic == 0xCEFAEDFE) return macho(b, ByteOrder.LITTLE_ENDIAN);
        }
        if (b.length >= 64 && b[0] == 'M' && b[1] == 'Z') return pe(b);
        return Optional.empty();
    }

    private static Optional<ExecutableHeader> elf(byte[] b) {
        ByteOrder order = b[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        int machine = ByteBuffer.wrap(b, 18, 2).order(order).getShort() & 0xffff;
        boolean is64 = b[4] == 2;
        String arch = switch (machine) {
            case 0x3E -> "amd64";
            case 0xB7 -> "arm64";
            case 0x03 -> "386";
            case 0x28 -> "arm";
            case 0x15 -> order == ByteOrder.LITTLE_ENDIAN ? "ppc64le" : "ppc64";
            case 0x16 -> "s390x";
            case 0xF3 -> is64 ? "riscv64" : "riscv";
            case 0x102 -> "loong64";
            case 0x08 -> is64 ? (order == ByteOrder.LITTLE_ENDIAN ? "mips64le" : "mips64") : (order == ByteOrder.LITTLE_ENDIAN ? "mipsle" : "mips");
            default -> "machine 0x" + Integer.toHexString(machine);
        };
        return Optional.of(new ExecutableHeader("linux", arch));
    }

    private static Optional<ExecutableHeader> macho(byte[] b, ByteOrder order) {
        int cpu = ByteBuffer.wrap(b, 4, 4).order(order).getInt();
        String arch = switch (cpu) {
            case 0x01000007 -> "amd64";
            case 0x0100000C -> "arm64";
            case 0x00000007 -> "386";
            case 0x0000000C -> "arm";
            default -> "cpu 0x" + Integer.toHexString(cpu);
        };
        return Optional.of(new ExecutableHeader("darwin", arch));
    }

    private static Optional<ExecutableHeader> pe(byte[] b) {
        int off = ByteBuffer.wrap(b, 0x3C, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (off < 0 || off + 6 > b.length || b[off] != 'P' || b[off + 1] != 'E' || b[off + 2] != 0 || b[off + 3] != 0) return Optional.empty();
        int machine = ByteBuffer.wrap(b, off + 4, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffff;
        String arch = switch (machine) {
            case 0x8664 -> "amd64";
            case 0xAA64 -> "arm64";
            case 0x014C -> "386";
            case 0x01C4 -> "arm";
            default -> "machine 0x" + Integer.toHexString(machine);
        };
        return Optional.of(new ExecutableHeader("windows", arch));
    }

    @Override public String toString() { return os + "/" + arch; }
}
