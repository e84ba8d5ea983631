package io.heliosdb.sqllogictest;

import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Row;
import io.heliosdb.api.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs parsed records on one session as SQLite's reference tool does: conditions against a fixed engine
 * name, statement success/failure, queries rendered, sorted, hashed or listed, labels kept consistent.
 */
final class SltRunner {
    /** The reference tool's threshold until the file sets one. */
    static final int DEFAULT_HASH_THRESHOLD = 8;
    /** Failures kept per file for the report; -Dslt.keepFailures raises it when hunting causes. */
    private static final int KEPT_FAILURES = Integer.getInteger("slt.keepFailures", 40);

    private final String engine;
    private final int queryStride;

    /**
     * @param engine      the engine name conditions are matched against (ours runs as {@code postgresql})
     * @param queryStride run every query whose ordinal is a multiple of this (1 = all); statements always run
     */
    SltRunner(String engine, int queryStride) {
        this.engine = engine;
        this.queryStride = queryStride;
    }

    FileOutcome run(String file, List<SltRecord> records, Session session) {
        long start = System.nanoTime();
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        int notRun = 0;
        int threshold = DEFAULT_HASH_THRESHOLD;
        int queryOrdinal = 0;
        Map<String, String> labels = new HashMap<>();
        List<FileOutcome.Failure> failures = new ArrayList<>();
        boolean halted = false;
        for (SltRecord record : records) {
            if (halted) {
                if (!(record instanceof SltRecord.HashThreshold)) {
                    notRun++;
                }
                continue;
            }
            boolean skip = record.skippedFor(engine);
            if (record instanceof SltRecord.Query q) {
                if (skip) {
                    // The reference tool still ties a skipped record's written result to its label.
                    if (q.label() != null) {
                        labels.putIfAbsent(q.label(), expectedHash(q.expected()));
                    }
                    skipped++;
                    continue;
                }
                if (queryOrdinal++ % queryStride != 0) {
                    notRun++;
                    continue;
                }
            } else if (skip) {
                skipped++;
                continue;
            }
            String failure;
            if (record instanceof SltRecord.HashThreshold h) {
                threshold = h.threshold();
                continue;
            } else if (record instanceof SltRecord.Halt) {
                halted = true;
                continue;
            } else if (record instanceof SltRecord.Statement s) {
                failure = statement(s, session);
            } else {
                failure = query((SltRecord.Query) record, session, threshold, labels);
            }
            if (failure == null) {
                passed++;
            } else {
                failed++;
                if (failures.size() < KEPT_FAILURES) {
                    failures.add(new FileOutcome.Failure(record.line(), failure));
                }
            }
        }
        return new FileOutcome(file, passed, failed, skipped, notRun, (System.nanoTime() - start) / 1_000_000,
                List.copyOf(failures));
    }

    /** Null on success, else why the record failed. */
    private static String statement(SltRecord.Statement s, Session session) {
        try (QueryResult result = session.execute(stripSemicolon(s.sql()))) {
            while (result.next()) {
                result.row();
            }
        } catch (RuntimeException e) {
            return s.expectError() ? null : "statement failed: " + message(e);
        }
        return s.expectError() ? "statement succeeded but an error was expected" : null;
    }

    private static String query(SltRecord.Query q, Session session, int threshold, Map<String, String> labels) {
        List<String> values = new ArrayList<>();
        int width = q.types().length();
        try (QueryResult result = session.execute(stripSemicolon(q.sql()))) {
            if (result.columns().size() != width) {
                return "expected " + width + " columns, got " + result.columns().size();
            }
            while (result.next()) {
                Row row = result.row();
                for (int i = 0; i < width; i++) {
                    Object value = row.get(i);
                    values.add(ResultRenderer.render(q.types().charAt(i), value, value == null ? null : row.getText(i)));
                }
            }
        } catch (RuntimeException e) {
            return "query failed: " + message(e);
        }
        List<String> sorted = ResultRenderer.sort(values, width, q.sort());
        List<String> actual = ResultRenderer.block(sorted, threshold);
        if (!actual.equals(q.expected())) {
            return "wrong result: got " + abbreviate(actual) + ", expected " + abbreviate(q.expected());
        }
        if (q.label() != null) {
            String hash = ResultRenderer.md5(sorted);
            String previous = labels.putIfAbsent(q.label(), hash);
            if (previous != null && !previous.equals(hash)) {
                return "result differs from earlier records labelled " + q.label();
            }
        }
        return null;
    }

    /** The MD5 a written block stands for: the hash itself, or the hash of the listed values. */
    static String expectedHash(List<String> expected) {
        if (expected.size() == 1 && expected.get(0).contains(" values hashing to ")) {
            String line = expected.get(0);
            return line.substring(line.lastIndexOf(' ') + 1);
        }
        return ResultRenderer.md5(expected);
    }

    private static String stripSemicolon(String sql) {
        String t = sql.stripTrailing();
        return t.endsWith(";") ? t.substring(0, t.length() - 1) : t;
    }

    private static String message(RuntimeException e) {
        String m = e.getClass().getSimpleName() + ": " + e.getMessage();
        return m.length() > 200 ? m.substring(0, 200) + "..." : m;
    }

    private static String abbreviate(List<String> lines) {
        String s = String.join("|", lines);
        return s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }
}
