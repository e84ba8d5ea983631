package io.heliosdb.core.crash;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compares what a crash child's stdout delivered with what its {@link AckLog} holds. The log is the
 * truth the audit uses; stdout only paces the kill. A difference is no durability problem, but it is
 * reported, because an acknowledgement missing from stdout is exactly what once made a deletion the
 * parent had not heard of look like a lost commit.
 *
 * @param missed     acknowledgement lines the child logged that stdout never delivered
 * @param unparsed   stdout lines that are no acknowledgement the child logged (foreign output, or a mangled line)
 * @param phantom    acknowledgement lines stdout delivered that the log lacks: impossible unless the log is broken
 * @param stdoutCut  whether stdout was not read to its end after the kill
 */
record AckChannel(List<String> missed, List<String> unparsed, List<String> phantom, boolean stdoutCut) {

    /** Compares {@code delivered} (every stdout line, without {@link ChildJvm#END}) with {@code logged}. */
    static AckChannel compare(List<String> delivered, List<String> logged, Pattern ack, boolean stdoutReadToEnd) {
        Set<String> log = new HashSet<>(logged);
        Set<String> heard = new LinkedHashSet<>();
        List<String> unparsed = new ArrayList<>();
        List<String> phantom = new ArrayList<>();
        for (String line : delivered) {
            if (log.contains(line)) {
                heard.add(line);
            } else if (ack.matcher(line).matches()) {
                phantom.add(line);
            } else if (!line.equals("READY") && !line.startsWith("ERR")) {
                unparsed.add(line);
            }
        }
        List<String> missed = logged.stream().filter(line -> !heard.contains(line)).toList();
        return new AckChannel(missed, unparsed, phantom, !stdoutReadToEnd);
    }

    boolean clean() {
        return missed.isEmpty() && unparsed.isEmpty() && phantom.isEmpty() && !stdoutCut;
    }

    /** One line for the test's output, with unparsed lines escaped so control bytes show. */
    String describe() {
        return "stdout missed " + missed + (stdoutCut ? " (stdout was not read to its end)" : "")
                + "; unparsed stdout lines " + unparsed.stream().map(AckChannel::escape).toList()
                + (phantom.isEmpty() ? "" : "; on stdout but not in the ack log " + phantom);
    }

    private static String escape(String line) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : line.toCharArray()) {
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
