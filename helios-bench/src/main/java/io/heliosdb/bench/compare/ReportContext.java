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
 */
public record ReportContext(String title, String machine, List<String> notes, List<Target> targets,
                            List<MeasuredGoal> measured) {

    /** A context without measured (start-up, heap) goals. */
    public ReportContext(String title, String machine, List<String> notes, List<Target> targets) {
        this(title, machine, notes, targets, List.of());
    }
}
