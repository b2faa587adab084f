package dev.jgvm.core.verify.sumdb;

import dev.jgvm.core.error.VerificationException;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The hashes of a tree of {@code size} records read from tiles of height 8 ({@code /tile/8/L/NNN[.p/W]}, as
 * golang.org/x/mod/sumdb/tlog lays them out): the tile at tile level L and index K holds the stored hashes of hash
 * level 8L for indexes 256K..256K+W-1. A hash at a level between tile levels is computed from the tile below.
 * Tiles are fetched once per instance through the given function (path → bytes). Not thread-safe.
 */
public final class Tiles implements Tlog.Hashes {
    public static final int HEIGHT = 8;
    private static final int WIDTH = 1 << HEIGHT;
    private final long size;
    private final Function<String, byte[]> fetch;
    private final Map<String, byte[]> seen = new HashMap<>();

    public Tiles(long size, Function<String, byte[]> fetch) {
        this.size = size;
        this.fetch = fetch;
    }

    @Override public byte[] at(int level, long index) {
        int tileLevel = level / HEIGHT;
        int shift = level - tileLevel * HEIGHT;
        long first = index << shift;
        int span = 1 << shift;
        long count = size >> (tileLevel * HEIGHT);
        if (first + span > count) throw new IllegalArgumentException("no complete subtree at level " + level + " index " + index);
        long k = first / WIDTH;
        int width = (int) Math.min(WIDTH, count - k * WIDTH);
        byte[] tile = tile(tileLevel, k, width);
        int within = (int) (first % WIDTH);
        byte[][] hashes = new byte[span][];
        for (int i = 0; i < span; i++) hashes[i] = Arrays.copyOfRange(tile, (within + i) * 32, (within + i + 1) * 32);
        for (int n = span; n > 1; n /= 2) {
            for (int i = 0; i < n / 2; i++) hashes[i] = Tlog.nodeHash(hashes[2 * i], hashes[2 * i + 1]);
        }
        return hashes[0];
    }

    /** The path of a tile, such as {@code tile/8/0/x097/380} or {@code tile/8/1/004.p/17}. */
    public static String path(int level, long index, int width) {
        return "tile/" + HEIGHT + "/" + level + "/" + encode(index) + (width < WIDTH ? ".p/" + width : "");
    }

    // 97380 -> x097/380; 5 -> 005: groups of three digits, every group but the last prefixed with x.
    static String encode(long n) {
        String s = String.format("%03d", n % 1000);
        for (n /= 1000; n > 0; n /= 1000) s = String.format("x%03d/", n % 1000) + s;
        return s;
    }

    private byte[] tile(int level, long index, int width) {
        String p = path(level, index, width);
        byte[] data = seen.get(p);
        if (data == null) {
            data = fetch.apply(p);
            if (data.length < width * 32) {
                throw VerificationException.tampered("the checksum database's tile %s holds %d bytes, not %d".formatted(p, data.length, width * 32),
                        "nothing was installed");
            }
            seen.put(p, data);
        }
        return data;
    }
}
