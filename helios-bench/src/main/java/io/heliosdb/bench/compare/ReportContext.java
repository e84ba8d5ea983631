package io.heliosdb.bench.compare;

import java.util.List;

/**
 * What a report says about the run besides the numbers.
 *
 * @param title   heading, e.g. the date and scale
 * @param machine one line: cores, memory, OS, Java
 * @param notes   lines printed under the heading (scale, rounds, caveats)
 * @param targets every target of the run, in order, with its description
 * @param measured the start-up and heap targets as measured in this run
 * @param elapsed  where the run's wall-clock time went (empty: no such section)
 */
public record ReportContext(String title, String machine, List<String> notes, List<Target> targets,
                            List<MeasuredGoal> measured, List<Elapsed> elapsed) {

    /** A context without the elapsed-time section. */
    public ReportContext(String title, String machine, List<String> notes, List<Target> targets,
                         List<MeasuredGoal> measured) {
        this(title, machine, notes, targets, measured, List.of());
    }

    /** A context without measured (start-up, heap) goals. */
    public ReportContext(String title, String machine, List<String> notes, List<Target> targets) {
        this(title, machine, notes, targets, List.of(), List.of());
    }
}
