package io.heliosdb.sqllogictest;

import java.util.List;

/**
 * What running one script gave: records passed, failed and skipped (by a condition), records not run
 * because of sampling or {@code halt}, and the first few failures for the report.
 */
record FileOutcome(String file, int passed, int failed, int skipped, int notRun, long millis, List<Failure> failures) {

    /** One failed record: its line and why. */
    record Failure(int line, String reason) {
    }

    int run() {
        return passed + failed;
    }

    double passRate() {
        return run() == 0 ? 1.0 : (double) passed / run();
    }
}
