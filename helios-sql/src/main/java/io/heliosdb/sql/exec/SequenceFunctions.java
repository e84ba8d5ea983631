package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.ExecutionContext;
import io.heliosdb.sql.analyze.IdentityColumns;
import io.heliosdb.sql.schema.TableDef;

/** nextval, currval, setval, lastval and pg_get_serial_sequence: they reach the kernel at run time. */
final class SequenceFunctions {

    private SequenceFunctions() {
    }

    /** The evaluator for one of these functions, or null when {@code name} is none of them. */
    static Evaluator evaluator(String name, Evaluator[] args) {
        return switch (name) {
            case "nextval" -> (row, rt) -> {
                Object seq = args[0].evaluate(row, rt);
                return seq == null ? null : rt.context().nextval(sequenceName((String) seq));
            };
            case "currval" -> (row, rt) -> {
                Object seq = args[0].evaluate(row, rt);
                return seq == null ? null : rt.context().currval(sequenceName((String) seq));
            };
            case "lastval" -> (row, rt) -> rt.context().lastval();
            case "setval" -> (row, rt) -> {
                Object seq = args[0].evaluate(row, rt);
                Object value = args[1].evaluate(row, rt);
                Object called = args.length > 2 ? args[2].evaluate(row, rt) : Boolean.TRUE;
                if (seq == null || value == null || called == null) {
                    return null;
                }
                return rt.context().setval(sequenceName((String) seq), ((Number) value).longValue(), (Boolean) called);
            };
            case "pg_get_serial_sequence" -> (row, rt) -> {
                Object table = args[0].evaluate(row, rt);
                Object column = args[1].evaluate(row, rt);
                return table == null || column == null ? null : serialSequence(rt.context(), (String) table, (String) column);
            };
            default -> null;
        };
    }

    private static Object serialSequence(ExecutionContext ctx, String tableText, String column) {
        String name = sequenceName(tableText);
        TableDef table = ctx.table(name).orElseThrow(() -> new HeliosException(SqlState.UNDEFINED_TABLE,
                "relation \"" + tableText + "\" does not exist"));
        int index = table.columnIndex(column);
        if (index < 0) {
            throw new HeliosException(SqlState.UNDEFINED_COLUMN, "column \"" + column + "\" of relation \""
                    + table.name() + "\" does not exist");
        }
        String sequence = IdentityColumns.ownedSequence(table.columns().get(index));
        return sequence == null ? null : "public." + sequence;
    }

    /**
     * A relation name given as text, as regclass input reads it: unquoted parts fold to lower case,
     * "double quoted" ones keep their case, and the default schema {@code public.} may lead.
     */
    static String sequenceName(String text) {
        String s = text.strip();
        StringBuilder out = new StringBuilder();
        java.util.List<String> parts = new java.util.ArrayList<>();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    out.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == '.' && !quoted) {
                parts.add(out.toString());
                out.setLength(0);
            } else {
                out.append(quoted ? c : Character.toLowerCase(c));
            }
        }
        parts.add(out.toString());
        if (parts.size() == 2 && parts.get(0).equals("public")) {
            return parts.get(1);
        }
        return String.join(".", parts);
    }
}
