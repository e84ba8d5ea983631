package io.heliosdb.core.isolation;

import io.heliosdb.core.txn.TransactionalStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link IsolationSpecTest} with early lock release on (read when each database opens). */
class EarlyLockReleaseIsolationSpecTest extends IsolationSpecTest {
    @BeforeAll
    static void earlyLockReleaseOn() {
        System.setProperty(TransactionalStore.EARLY_LOCK_RELEASE_PROPERTY, "true");
    }

    @AfterAll
    static void earlyLockReleaseOff() {
        System.clearProperty(TransactionalStore.EARLY_LOCK_RELEASE_PROPERTY);
    }
}
