package io.heliosdb.sqllogictest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the sqllogictest format the way SQLite's reference tool reads it: one trailing CR dropped per
 * line, lines starting with '#' dropped everywhere, records separated by blank lines.
 */
final class SltScriptParser {

    /** A malformed script; the reference tool stops at the first one too. */
    static final class FormatException extends RuntimeException {
        FormatException(String file, int line, String message) {
            super(file + ":" + line + ": " + message);
        }
    }

    private record Line(int number, String text) {
    }

    private SltScriptParser() {
    }

    static List<SltRecord> parse(String file, String text) {
        List<List<Line>> blocks = blocks(text);
        List<SltRecord> records = new ArrayList<>();
        for (List<Line> block : blocks) {
            records.add(record(file, block));
        }
        return records;
    }

    /** Splits into blank-line separated blocks after dropping comment lines (a comment never ends a record). */
    private static List<List<Line>> blocks(String text) {
        List<List<Line>> blocks = new ArrayList<>();
        List<Line> current = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    blocks.add(current);
                    current = new ArrayList<>();
                }
            } else {
                current.add(new Line(i + 1, line));
            }
        }
        if (!current.isEmpty()) {
            blocks.add(current);
        }
        return blocks;
    }

    private static SltRecord record(String file, List<Line> block) {
        List<SltRecord.Condition> conditions = new ArrayList<>();
        int at = 0;
        while (at < block.size()) {
            String[] tokens = tokens(block.get(at).text());
            if (tokens[0].equals("skipif") || tokens[0].equals("onlyif")) {
                if (tokens.length < 2) {
                    throw new FormatException(file, block.get(at).number(), "condition without an engine name");
                }
                conditions.add(new SltRecord.Condition(tokens[0].equals("skipif"), tokens[1]));
                at++;
            } else {
                break;
            }
        }
        if (at == block.size()) {
            throw new FormatException(file, block.get(block.size() - 1).number(), "conditions without a record");
        }
        Line head = block.get(at);
        String[] tokens = tokens(head.text());
        List<Line> body = block.subList(at + 1, block.size());
        List<SltRecord.Condition> conds = List.copyOf(conditions);
        switch (tokens[0]) {
            case "statement" -> {
                if (tokens.length < 2 || !(tokens[1].equals("ok") || tokens[1].equals("error"))) {
                    throw new FormatException(file, head.number(), "statement must be 'ok' or 'error'");
                }
                return new SltRecord.Statement(head.number(), conds, tokens[1].equals("error"), join(body));
            }
            case "query" -> {
                return query(file, head, tokens, conds, body);
            }
            case "hash-threshold" -> {
                if (tokens.length < 2) {
                    throw new FormatException(file, head.number(), "hash-threshold needs a number");
                }
                return new SltRecord.HashThreshold(head.number(), conds, Integer.parseInt(tokens[1]));
            }
            case "halt" -> {
                return new SltRecord.Halt(head.number(), conds);
            }
            default -> throw new FormatException(file, head.number(), "unknown record kind '" + tokens[0] + "'");
        }
    }

    private static SltRecord query(String file, Line head, String[] tokens, List<SltRecord.Condition> conds,
                                   List<Line> body) {
        if (tokens.length < 2) {
            throw new FormatException(file, head.number(), "query needs a type string");
        }
        SltRecord.SortMode sort = SltRecord.SortMode.NOSORT;
        if (tokens.length > 2) {
            try {
                sort = SltRecord.SortMode.valueOf(tokens[2].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new FormatException(file, head.number(), "unknown sort mode '" + tokens[2] + "'");
            }
        }
        String label = tokens.length > 3 ? tokens[3] : null;
        int separator = -1;
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i).text().equals("----")) {
                separator = i;
                break;
            }
        }
        List<Line> sql = separator < 0 ? body : body.subList(0, separator);
        List<String> expected = new ArrayList<>();
        if (separator >= 0) {
            for (Line l : body.subList(separator + 1, body.size())) {
                expected.add(l.text());
            }
        }
        return new SltRecord.Query(head.number(), conds, tokens[1], sort, label, join(sql), List.copyOf(expected));
    }

    private static String[] tokens(String line) {
        return line.trim().split("\\s+");
    }

    private static String join(List<Line> lines) {
        StringBuilder sb = new StringBuilder();
        for (Line l : lines) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(l.text());
        }
        return sb.toString();
    }
}
