package io.heliosdb.bench.compare;

/** Keeps the JIT from discarding values a workload reads but does not otherwise use. */
final class Blackhole {
    private static volatile int sink;

    private Blackhole() {
    }

    static void consume(Object value) {
        if (value != null && value.hashCode() == 0x5eed_0001) {
            sink++;
        }
    }
}
