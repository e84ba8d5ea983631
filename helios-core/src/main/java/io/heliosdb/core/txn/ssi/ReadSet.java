package io.heliosdb.core.txn.ssi;

import io.heliosdb.core.txn.LockKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One serializable transaction's SIREAD "locks": the keys its point reads asked for (found or not, so a later
 * insert of a missing key is caught) and the key ranges its scans covered (so an insert into a scanned range,
 * a phantom, is caught). Memory is bounded by coarsening, as PostgreSQL promotes tuple locks to page and
 * relation locks: too many keys become the ranges of their relations, too many ranges the ranges of theirs.
 * Coarser locks only add false conflicts, never lose one. Guarded by the tracker's lock.
 */
final class ReadSet {
    static final int MAX_POINTS = 4096;
    static final int MAX_RANGES = 256;

    private Set<LockKey> points = new HashSet<>();
    private List<KeyRange> ranges = new ArrayList<>();
    /** Approximate heap bytes of the points and ranges ({@link Footprint}). */
    private long bytes;

    void addPoint(String keyspace, byte[] key) {
        if (inRanges(keyspace, key)) {
            return;
        }
        if (points.add(new LockKey(keyspace, java.util.Arrays.copyOf(key, key.length)))) { // callers reuse buffers
            bytes += Footprint.POINT + Footprint.array(key.length);
        }
        if (points.size() > MAX_POINTS) {
            Set<LockKey> many = points;
            points = new HashSet<>();
            bytes = rangeBytes();
            for (LockKey point : many) {
                addRange(KeyRange.relationOf(point.keyspace(), point.key()));
            }
        }
    }

    void addRange(KeyRange range) {
        for (KeyRange held : ranges) {
            if (held.covers(range)) {
                return;
            }
        }
        ranges.add(range);
        bytes += Footprint.range(range);
        if (ranges.size() > MAX_RANGES) {
            List<KeyRange> many = ranges;
            ranges = new ArrayList<>();
            for (KeyRange r : many) {
                KeyRange relation = r.relation();
                if (ranges.stream().noneMatch(held -> held.covers(relation))) {
                    ranges.removeIf(relation::covers);
                    ranges.add(relation);
                }
            }
            bytes = pointBytes() + rangeBytes();
        }
    }

    private long rangeBytes() {
        long total = 0;
        for (KeyRange r : ranges) {
            total += Footprint.range(r);
        }
        return total;
    }

    private long pointBytes() {
        long total = 0;
        for (LockKey p : points) {
            total += Footprint.POINT + Footprint.array(p.key().length);
        }
        return total;
    }

    /** Approximate heap bytes held. */
    long approximateBytes() {
        return bytes;
    }

    /** Whether a write of {@code key} touches what was read. */
    boolean covers(String keyspace, byte[] key) {
        return points.contains(new LockKey(keyspace, key)) || inRanges(keyspace, key);
    }

    private boolean inRanges(String keyspace, byte[] key) {
        for (KeyRange range : ranges) {
            if (range.contains(keyspace, key)) {
                return true;
            }
        }
        return false;
    }

    /** Adds what {@code other} read (coarsening as needed). */
    void addAll(ReadSet other) {
        for (KeyRange range : other.ranges) {
            addRange(range);
        }
        for (LockKey point : other.points) {
            addPoint(point.keyspace(), point.key());
        }
    }

    /** Forgets every read (a transaction released from tracking). */
    void clear() {
        points = new HashSet<>();
        ranges = new ArrayList<>();
        bytes = 0;
    }

    int pointCount() {
        return points.size();
    }

    int rangeCount() {
        return ranges.size();
    }
}
