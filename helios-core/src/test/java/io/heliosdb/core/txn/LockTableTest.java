package io.heliosdb.core.txn;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.core.txn.LockTable.Mode;
import org.junit.jupiter.api.Test;

class LockTableTest {
    private static final LockKey ROW = new LockKey("rows", new byte[] {1, 2});

    /** What another owner may take while owner 1 holds {@code held}. */
    private static boolean compatible(Mode held, Mode wanted) {
        LockTable table = new LockTable();
        assertThat(table.tryAcquire(1, ROW, held)).isTrue();
        return table.tryAcquire(2, ROW, wanted);
    }

    @Test
    void rowLockModes_conflictAsPostgreSqlsRowLevelLocks() {
        assertThat(compatible(Mode.KEY_SHARE, Mode.NO_KEY_EXCLUSIVE)).isTrue();
        assertThat(compatible(Mode.NO_KEY_EXCLUSIVE, Mode.KEY_SHARE)).isTrue();
        assertThat(compatible(Mode.KEY_SHARE, Mode.SHARED)).isTrue();
        assertThat(compatible(Mode.SHARED, Mode.SHARED)).isTrue();
        assertThat(compatible(Mode.KEY_SHARE, Mode.EXCLUSIVE)).isFalse();
        assertThat(compatible(Mode.SHARED, Mode.NO_KEY_EXCLUSIVE)).isFalse();
        assertThat(compatible(Mode.NO_KEY_EXCLUSIVE, Mode.SHARED)).isFalse();
        assertThat(compatible(Mode.NO_KEY_EXCLUSIVE, Mode.NO_KEY_EXCLUSIVE)).isFalse();
        assertThat(compatible(Mode.EXCLUSIVE, Mode.KEY_SHARE)).isFalse();
    }

    @Test
    void holdingTwoModes_isHoldingTheStronger() {
        LockTable table = new LockTable();
        assertThat(table.tryAcquire(1, ROW, Mode.KEY_SHARE)).isTrue();
        assertThat(table.tryAcquire(1, ROW, Mode.NO_KEY_EXCLUSIVE)).isTrue();
        assertThat(table.tryAcquire(2, ROW, Mode.KEY_SHARE)).as("no key update admits key share").isTrue();
        assertThat(table.tryAcquire(3, ROW, Mode.SHARED)).as("but not share").isFalse();
        table.releaseAll(1, java.util.List.of(ROW));
        assertThat(table.tryAcquire(3, ROW, Mode.SHARED)).isTrue();
    }
}
