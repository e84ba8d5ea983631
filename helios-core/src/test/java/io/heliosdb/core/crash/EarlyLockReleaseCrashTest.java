package io.heliosdb.core.crash;

import io.heliosdb.core.txn.TransactionalStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link KernelCrashTest} with early lock release on in the killed children ({@link ChildJvm} passes the
 * property on): a kill between a group's write and its sync must lose nothing acknowledged and show no
 * transaction in part.
 */
class EarlyLockReleaseCrashTest extends KernelCrashTest {
    @BeforeAll
    static void earlyLockReleaseOn() {
        System.setProperty(TransactionalStore.EARLY_LOCK_RELEASE_PROPERTY, "true");
    }

    @AfterAll
    static void earlyLockReleaseOff() {
        System.clearProperty(TransactionalStore.EARLY_LOCK_RELEASE_PROPERTY);
    }
}
