package io.heliosdb.bench.compare;

import org.apache.commons.math3.distribution.ZipfDistribution;
import org.apache.commons.math3.random.Well19937c;

/**
 * Primary keys drawn from a zipfian distribution (exponent 0.99, YCSB's default skew) over
 * {@code [0, rows)}: rank 1 is the hottest. Ranks are scattered over the key space by a 64-bit mix,
 * so the hot rows are not neighbours (which would let a block cache win by locality alone).
 */
final class ZipfKeys {
    static final double EXPONENT = 0.99;

    private final ZipfDistribution ranks;
    private final int rows;

    ZipfKeys(int rows, long seed) {
        this.rows = rows;
        this.ranks = new ZipfDistribution(new Well19937c(seed), rows, EXPONENT);
    }

    int next() {
        return keyOf(ranks.sample(), rows);
    }

    /** The key a zipfian rank (1 = hottest) is scattered to; several ranks may share a key, some keys get none. */
    static int keyOf(long rank, int rows) {
        return (int) Math.floorMod(mix(rank), (long) rows);
    }

    /** Stafford's variant 13 of the SplitMix64 finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
