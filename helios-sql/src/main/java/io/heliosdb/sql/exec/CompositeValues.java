package io.heliosdb.sql.exec;

import io.heliosdb.api.SqlType;
import io.heliosdb.sql.analyze.BoundExpr;
import io.heliosdb.sql.analyze.BoundExpr.BuiltinCall;
import io.heliosdb.sql.types.Casts;
import io.heliosdb.sql.types.RecordText;
import io.heliosdb.sql.types.TypedOrder;
import java.util.Comparator;
import java.util.function.UnaryOperator;

/**
 * The built-ins behind composite values (see {@code analyze.CompositeTypes}): {@code record_in} reads record text
 * as a type's fields and writes it back as PostgreSQL does, {@code record_field} takes one field's text out,
 * {@code record_cmp} compares two values field by field (NULL fields equal each other and sort last).
 */
final class CompositeValues {

    private CompositeValues() {
    }

    /** The evaluator of one of these built-ins, or null. */
    static Evaluator compile(BuiltinCall call, Evaluator[] args) {
        return switch (call.name()) {
            case "record_in" -> {
                Fields fields = Fields.of(call.args().get(1));
                Evaluator text = args[0];
                yield (row, rt) -> {
                    Object v = text.evaluate(row, rt);
                    return v == null ? null : fields.normalize(v.toString());
                };
            }
            case "record_field" -> {
                int index = (Integer) ((BoundExpr.Const) call.args().get(1)).value();
                Evaluator value = args[0];
                yield (row, rt) -> {
                    Object v = value.evaluate(row, rt);
                    if (v == null) {
                        return null;
                    }
                    String[] parts = RecordText.parse(v.toString(), -1);
                    return index < parts.length ? parts[index] : null;
                };
            }
            case "record_cmp" -> {
                Fields fields = Fields.of(call.args().get(2));
                Evaluator left = args[0];
                Evaluator right = args[1];
                yield (row, rt) -> {
                    Object l = left.evaluate(row, rt);
                    if (l == null) {
                        return null;
                    }
                    Object r = right.evaluate(row, rt);
                    return r == null ? null : fields.compare(l.toString(), r.toString());
                };
            }
            default -> null;
        };
    }

    /**
     * A composite type's field types, from the {@code oid:typmod,...} constant the analyzer wrote (a composite
     * field's own fields follow it in braces); {@code nested[i]} reads field i when it is composite.
     */
    private record Fields(SqlType[] types, UnaryOperator<Object>[] readers, Comparator<Object>[] orders,
                          Fields[] nested) {

        static Fields of(BoundExpr spec) {
            String text = (String) ((BoundExpr.Const) spec).value();
            int[] at = {0};
            return parse(text, at);
        }

        @SuppressWarnings("unchecked")
        private static Fields parse(String text, int[] at) {
            java.util.List<SqlType> types = new java.util.ArrayList<>();
            java.util.List<UnaryOperator<Object>> readers = new java.util.ArrayList<>();
            java.util.List<Fields> nested = new java.util.ArrayList<>();
            while (at[0] < text.length() && text.charAt(at[0]) != '}') {
                int colon = text.indexOf(':', at[0]);
                int end = colon + 1;
                while (end < text.length() && "-0123456789".indexOf(text.charAt(end)) >= 0) {
                    end++;
                }
                SqlType type = SqlType.ofOid(Integer.parseInt(text.substring(at[0], colon)));
                int typmod = Integer.parseInt(text.substring(colon + 1, end));
                at[0] = end;
                Fields inner = null;
                if (at[0] < text.length() && text.charAt(at[0]) == '{') {
                    at[0]++;
                    inner = parse(text, at);
                    at[0]++; // '}'
                }
                types.add(type);
                nested.add(inner);
                Fields composite = inner;
                readers.add(composite != null ? v -> composite.normalize(v.toString())
                        : type == SqlType.RECORD ? v -> v : Casts.converter(SqlType.TEXT, type, typmod, false));
                if (at[0] < text.length() && text.charAt(at[0]) == ',') {
                    at[0]++;
                }
            }
            Comparator<Object>[] orders = new Comparator[types.size()];
            for (int i = 0; i < orders.length; i++) {
                Fields inner = nested.get(i);
                orders[i] = inner != null ? (a, b) -> inner.compare(a.toString(), b.toString())
                        : TypedOrder.comparator(types.get(i));
            }
            return new Fields(types.toArray(new SqlType[0]), readers.toArray(new UnaryOperator[0]), orders,
                    nested.toArray(new Fields[0]));
        }

        /** The text read as these fields (22P02 and the fields' own input errors) and written back. */
        String normalize(String text) {
            String[] parts = RecordText.parse(text, types.length);
            for (int i = 0; i < parts.length; i++) {
                if (parts[i] != null) {
                    parts[i] = types[i].format(readers[i].apply(parts[i]));
                }
            }
            return RecordText.format(parts);
        }

        /** record_cmp: field by field, a NULL field after any value and equal to another NULL. */
        int compare(String l, String r) {
            String[] ls = RecordText.parse(l, types.length);
            String[] rs = RecordText.parse(r, types.length);
            for (int i = 0; i < ls.length; i++) {
                if (ls[i] == null || rs[i] == null) {
                    if (ls[i] != rs[i]) {
                        return ls[i] == null ? 1 : -1;
                    }
                    continue;
                }
                int c = orders[i].compare(readers[i].apply(ls[i]), readers[i].apply(rs[i]));
                if (c != 0) {
                    return Integer.signum(c);
                }
            }
            return 0;
        }
    }
}
