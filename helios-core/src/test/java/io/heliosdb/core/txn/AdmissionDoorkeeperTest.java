package io.heliosdb.core.txn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdmissionDoorkeeperTest {

    private static byte[] key(int i) {
        return new byte[] {0, 0, 0, 0, 0, 0, 0, 7, (byte) (i >>> 24), (byte) (i >>> 16), (byte) (i >>> 8), (byte) i};
    }

    @Test
    void forCapacity_unknown_admitsEverything() {
        assertThat(AdmissionDoorkeeper.forCapacity(0)).isNull();
    }

    @Test
    void admit_secondMissWithinTheWindow_isAdmitted() {
        AdmissionDoorkeeper doorkeeper = AdmissionDoorkeeper.forCapacity(1 << 20);
        assertThat(doorkeeper.admit(key(1))).isFalse();
        assertThat(doorkeeper.admit(key(2))).isFalse();
        assertThat(doorkeeper.admit(key(1))).isTrue();
        assertThat(doorkeeper.admit(key(1))).isTrue();
    }

    @Test
    void admit_afterAWindowOfOtherFirstMisses_forgetsTheKey() {
        int entries = 64;
        int window = 2 * entries;
        AdmissionDoorkeeper doorkeeper = AdmissionDoorkeeper.forCapacity(entries * AdmissionDoorkeeper.ASSUMED_ENTRY_BYTES);
        assertThat(doorkeeper.admit(key(-1))).isFalse();
        int firstMisses = 1;
        for (int i = 0; firstMisses < window; i++) {
            if (!doorkeeper.admit(key(i))) {
                firstMisses++;
            }
        }
        assertThat(doorkeeper.admit(key(-1))).as("the window ended and cleared every key").isFalse();
        assertThat(doorkeeper.admit(key(-1))).isTrue();
    }
}
