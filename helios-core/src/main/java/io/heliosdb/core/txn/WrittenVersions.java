package io.heliosdb.core.txn;

import io.heliosdb.spi.WriteBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The history versions written since the last vacuum pass, so that a background pass visits only those instead of
 * scanning the whole versions keyspace (which, under an update load, holds mostly deleted entries to step over).
 *
 * <p>A version key is added only after the commit that wrote it is in storage, so a pass never treats a version
 * that does not exist as one: that would shorten the window of the version below it (see {@link VersionVacuum}).
 * A pass puts back what it had to keep. Whenever that record may be incomplete (the versions stored before the
 * store opened, a failed commit, a pass that did not finish, more keys than {@link #LIMIT}), the next pass scans
 * everything again. A version missing from here is only reclaimed later, never removed wrongly: the pass reads the
 * complete history from storage for every key whose deletion marker it may remove.
 */
final class WrittenVersions {
    /** Keys held at most (each is a reference to a commit's own key array): beyond it the next pass scans. */
    static final int LIMIT = 1 << 17;

    private List<byte[]> keys = new ArrayList<>();
    /** The next pass must scan everything; true at first, for the versions stored before this store opened. */
    private boolean incomplete = true;

    /** After {@code batch} reached storage: remembers the history versions it wrote. */
    void written(WriteBatch batch) {
        List<WriteBatch.Op> ops = batch.ops();
        synchronized (this) {
            if (incomplete) {
                return;
            }
            for (WriteBatch.Op op : ops) {
                if (op.keyspace().equals(VersionLayout.VERSIONS) && !op.isDelete()) {
                    add(op.key());
                }
            }
        }
    }

    /** A version a pass kept: the next pass looks at it again. */
    synchronized void keep(List<byte[]> kept) {
        kept.forEach(this::add);
    }

    /** A commit failed after it may have reached storage, or a pass stopped early: the next pass scans everything. */
    synchronized void lost() {
        incomplete = true;
        keys = new ArrayList<>();
    }

    /**
     * What the next pass visits, sorted as the versions keyspace orders them (by key, then newest first) with no
     * key twice; null: the pass must scan the whole keyspace ({@code scanAll} asks for that too).
     */
    List<byte[]> take(boolean scanAll) {
        List<byte[]> taken;
        synchronized (this) {
            boolean all = incomplete || scanAll;
            taken = keys;
            keys = new ArrayList<>();
            incomplete = false;
            if (all) {
                return null;
            }
        }
        taken.sort(Arrays::compareUnsigned);
        List<byte[]> distinct = new ArrayList<>(taken.size());
        for (byte[] k : taken) {
            if (distinct.isEmpty() || !Arrays.equals(distinct.get(distinct.size() - 1), k)) {
                distinct.add(k);
            }
        }
        return distinct;
    }

    private void add(byte[] versionKey) {
        if (incomplete) {
            return;
        }
        if (keys.size() >= LIMIT) {
            lost();
            return;
        }
        keys.add(versionKey);
    }
}
