package io.heliosdb.bench.compare;

/**
 * How big and how long each run is; how long each phase of a run lasts is {@link Pacing#of}.
 *
 * @param name   {@code quick} or {@code full}
 * @param rows   rows of the table read by the point-select, scan and join workloads
 * @param rounds interleaved rounds (each pair runs once per round, in a fresh JVM)
 */
public record Scale(String name, int rows, int rounds) {

    /** Three rounds, as the issue asks of every comparison; the quick run measures fewer pairs instead. */
    public static Scale quick() {
        return new Scale("quick", 20_000, 3);
    }

    public static Scale full() {
        return new Scale("full", 1_000_000, 3);
    }

    public static Scale named(String name) {
        return switch (name) {
            case "quick" -> quick();
            case "full" -> full();
            default -> throw new IllegalArgumentException("unknown scale: " + name);
        };
    }

    /** Rows of the small side of the join (the 100k × 1M). */
    public int joinRows() {
        return Math.max(100, rows / 10);
    }

    public Scale withRows(int newRows) {
        return new Scale(name, newRows, rounds);
    }

    public Scale withRounds(int newRounds) {
        return new Scale(name, rows, newRounds);
    }
}
