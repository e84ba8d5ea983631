package io.heliosdb.wire;

import io.heliosdb.api.HeliosBatchException;
import io.heliosdb.api.HeliosException;
import io.heliosdb.wire.protocol.BackendMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Bind/Execute pairs of one prepared INSERT, UPDATE or DELETE on the unnamed portal, held back to run as one
 * kernel batch ({@link io.heliosdb.api.PreparedQuery#executeBatch}: one snapshot and plan set-up for all),
 * as pgJDBC's executeBatch sends them: Parse once, then Bind/Execute for every row before one Sync. The
 * answers are queued in the order row-by-row execution sends them and go out when the batch ran; an error
 * at entry k answers what came before it, then k's own error, and nothing of what follows.
 */
final class PipelinedBatch {
    /** Entries beyond which the batch runs without waiting for the next message (bounds the memory held). */
    static final int MAX_ENTRIES = 1024;

    /** Answers without fields, shared by every row (messages are immutable records). */
    private static final BackendMessage BIND_COMPLETE = new BackendMessage.BindComplete();

    /** Command tags (without the count) of statements whose batch gives each execution's row count. */
    private static final Set<String> COUNTED = Set.of("INSERT 0", "UPDATE", "DELETE", "MERGE");

    final PreparedStatement statement;
    private final String tagPrefix;
    /** What to send, in order; a null stands for the CommandComplete of the next entry. */
    private final List<BackendMessage> answers = new ArrayList<>();
    private final List<Object[]> entries = new ArrayList<>();
    /** Parameters of a Bind not yet executed, or null; with the result formats it asked for. */
    private Object[] bound;
    private short[] boundFormats;
    private Object[] lastExecuted;
    private short[] lastFormats;
    /** While the entries run: the one running now, and the notices each raised (by entry; null until one does). */
    private int runningEntry;
    private java.util.TreeMap<Integer, List<BackendMessage>> notices;

    private PipelinedBatch(PreparedStatement statement, String tagPrefix) {
        this.statement = statement;
        this.tagPrefix = tagPrefix;
    }

    /**
     * A batch to follow an Execute of {@code statement} that completed with {@code tag}, or null when its later
     * executions cannot be run as one batch (a statement returning rows, COPY, a transaction command, DDL).
     */
    static PipelinedBatch after(PreparedStatement statement, String tag) {
        if (statement.query() == null || statement.query().readOnly() || !statement.query().columns().isEmpty()
                || statement.query().copy() != null || tag == null) {
            return null;
        }
        String prefix = countedPrefix(tag);
        return prefix == null ? null : new PipelinedBatch(statement, prefix);
    }

    /** The tag without its row count when a batch can give that count (INSERT's OID field is always 0), else null. */
    static String countedPrefix(String tag) {
        int space = tag.lastIndexOf(' ');
        if (space <= 0 || space == tag.length() - 1) {
            return null;
        }
        for (int i = space + 1; i < tag.length(); i++) {
            if (tag.charAt(i) < '0' || tag.charAt(i) > '9') {
                return null;
            }
        }
        String prefix = tag.substring(0, space);
        return COUNTED.contains(prefix) ? prefix : null;
    }

    /** A batch of the same statement, for the executions after this one's. */
    PipelinedBatch next() {
        return new PipelinedBatch(statement, tagPrefix);
    }

    /** Whether a Bind of {@code target} to the unnamed portal joins the batch. */
    boolean joinsBind(PreparedStatement target, String portal) {
        return bound == null && target == statement && portal.isEmpty();
    }

    void bind(Object[] values, short[] resultFormats) {
        bound = values;
        boundFormats = resultFormats;
        answers.add(BIND_COMPLETE);
    }

    /** Whether a Describe or Execute of {@code portal} applies to the portal this batch has bound. */
    boolean holdsBoundPortal(String portal) {
        return bound != null && portal.isEmpty();
    }

    /** Queues the answer to a message that joined the batch without running anything (ParseComplete, NoData). */
    void answer(BackendMessage message) {
        answers.add(message);
    }

    /**
     * Whether a Parse of the unnamed statement, which is {@code current} now, with this text and these parameter
     * types makes the batch's statement again (so the batch goes on with it).
     */
    boolean reparses(PreparedStatement current, String sql, int[] parameterOids) {
        return bound == null && current == statement && statement.sql().equals(sql)
                && java.util.Arrays.equals(statement.declaredOids(), parameterOids);
    }

    void execute() {
        entries.add(bound);
        lastExecuted = bound;
        lastFormats = boundFormats;
        bound = null;
        answers.add(null);
    }

    boolean full() {
        return entries.size() >= MAX_ENTRIES;
    }

    /**
     * Runs the entries and sends the answers; returns the unnamed portal as row-by-row execution would have left
     * it (the last Bind, or the last Execute completed), or null when nothing was bound. A failing entry's own
     * error is thrown after the answers of the messages before its Execute went out; {@code beforeEntries} may
     * fail them all (a cancel that came while they were held, as it would have stopped the statement running).
     */
    Portal run(PgOutput out, Runnable beforeEntries) {
        long[] counts;
        try {
            if (!entries.isEmpty()) {
                beforeEntries.run();
            }
            counts = entries.isEmpty() ? new long[0] : statement.query().executeBatch(entries, this::entryStarts);
        } catch (HeliosBatchException e) {
            long[] before = e.countsBefore();
            send(out, before == null ? new long[0] : before, before == null ? 0 : Math.min(e.entry(), before.length));
            throw e.getCause() instanceof HeliosException own ? own : e;
        } catch (RuntimeException e) {
            send(out, new long[0], 0);
            throw e;
        }
        send(out, counts, counts.length);
        if (bound != null) {
            return new Portal(statement, bound, boundFormats);
        }
        if (lastExecuted == null) {
            return null;
        }
        Portal done = new Portal(statement, lastExecuted, lastFormats);
        done.completedTag = tag(counts[counts.length - 1]);
        return done;
    }

    private void entryStarts(int entry) {
        runningEntry = entry;
        if (notices != null) {
            notices.tailMap(entry, true).clear();   // the batch started over: its entries raise them again
        }
    }

    /** A notice raised while the entries run: held to go out with the answers of the entry that raised it. */
    void notice(BackendMessage notice) {
        if (notices == null) {
            notices = new java.util.TreeMap<>();
        }
        notices.computeIfAbsent(runningEntry, e -> new ArrayList<>()).add(notice);
    }

    /**
     * Sends the answers up to (not including) the CommandComplete of entry {@code upTo}; each entry's notices go
     * just before its CommandComplete (or its error), where row-by-row execution sends them.
     */
    private void send(PgOutput out, long[] counts, int upTo) {
        int entry = 0;
        // Rows mostly share their count (INSERT 0 1): one CommandComplete for a run of equal counts.
        BackendMessage complete = null;
        long completeCount = -1;
        for (BackendMessage answer : answers) {
            if (answer != null) {
                out.send(answer);
                continue;
            }
            if (notices != null) {
                List<BackendMessage> raised = notices.remove(entry);
                if (raised != null) {
                    raised.forEach(out::send);
                }
            }
            if (entry < upTo) {
                long count = counts[entry++];
                if (complete == null || count != completeCount) {
                    complete = new BackendMessage.CommandComplete(tag(count));
                    completeCount = count;
                }
                out.send(complete);
            } else {
                return;
            }
        }
    }

    private String tag(long count) {
        return tagPrefix + " " + count;
    }
}
