package io.heliosdb.sql.analyze;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.SchemaLookup;
import io.heliosdb.sql.analyze.BoundExpr.BuiltinCall;
import io.heliosdb.sql.analyze.BoundExpr.Cast;
import io.heliosdb.sql.analyze.BoundExpr.CompareOp;
import io.heliosdb.sql.analyze.BoundExpr.Const;
import io.heliosdb.sql.ast.TypeName;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.QualifiedNames;
import io.heliosdb.sql.schema.TypeDef;
import java.util.List;
import java.util.function.Supplier;

/**
 * Values of composite types (CREATE TYPE ... AS): record text of {@code SqlType.RECORD} whose typmod is the type's
 * OID. Casts to a composite type read the text field by field ({@code record_in}, which also writes it back in
 * PostgreSQL's form), {@code (x).f} reads one field back as its type, and comparisons go field by field as
 * PostgreSQL's record_cmp does (a NULL field equals a NULL field and sorts after any value). The catalog the
 * names are resolved against is the one of the statement being analyzed on this thread.
 */
public final class CompositeTypes {
    private static final ThreadLocal<SchemaLookup> CATALOG = new ThreadLocal<>();

    private CompositeTypes() {
    }

    /** Runs {@code analysis} with {@code catalog} as the one type names resolve against. */
    public static <T> T with(SchemaLookup catalog, Supplier<T> analysis) {
        SchemaLookup outer = CATALOG.get();
        CATALOG.set(catalog);
        try {
            return analysis.get();
        } finally {
            if (outer == null) {
                CATALOG.remove();
            } else {
                CATALOG.set(outer);
            }
        }
    }

    /** Whether a value of this type and typmod is of a composite type. */
    public static boolean isComposite(SqlType type, int typmod) {
        return type == SqlType.RECORD && TypeDef.isCompositeTypmod(typmod);
    }

    static boolean isComposite(BoundExpr e) {
        return isComposite(e.type(), e.typmod());
    }

    /** {@code type} with a composite type's name resolved: record with the type's OID as typmod; 42704 if none. */
    public static TypeName resolve(SchemaLookup catalog, TypeName type) {
        if (!type.unresolved()) {
            return type;
        }
        TypeDef def = catalog == null ? null : catalog.compositeType(type.composite()).orElse(null);
        if (def == null) {
            throw new HeliosException(SqlState.UNDEFINED_OBJECT, "type \"" + type.composite() + "\" does not exist", null, null,
                    type.position(), null);
        }
        return new TypeName(SqlType.RECORD, def.oid());
    }

    /** As {@link #resolve(SchemaLookup, TypeName)} against the statement being analyzed. */
    static TypeName resolve(TypeName type) {
        return resolve(CATALOG.get(), type);
    }

    static TypeDef definition(int oid) {
        SchemaLookup catalog = CATALOG.get();
        TypeDef def = catalog == null ? null : catalog.compositeType(oid).orElse(null);
        if (def == null) {
            throw new HeliosException(SqlState.UNDEFINED_OBJECT, "cache lookup failed for type " + oid);
        }
        return def;
    }

    /** The type's name as PostgreSQL prints it in messages. */
    static String displayName(TypeDef def) {
        return displayName(CATALOG.get(), def);
    }

    /** As format_type writes the type: qualified when its schema is not on search_path. */
    public static String displayName(SchemaLookup catalog, TypeDef def) {
        String schema = QualifiedNames.schemaOf(def.name());
        String local = QualifiedNames.localName(def.name());
        boolean visible = catalog == null || catalog.searchPathSchemas().contains(schema);
        return visible ? quoted(local) : quoted(schema) + "." + quoted(local);
    }

    private static String quoted(String name) {
        return name.matches("[a-z_][a-z0-9_$]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /**
     * {@code e} as a value of composite type {@code oid}: as it is when it already is one, else its text (an
     * untyped literal, a text value, a row constructor or another record) read field by field.
     */
    static BoundExpr cast(ExpressionBinder binder, BoundExpr e, int oid, boolean explicit, String column) {
        if (e.type() == SqlType.RECORD && e.typmod() == oid) {
            return e;
        }
        TypeDef def = definition(oid);
        boolean text = e.type() == SqlType.UNKNOWN || (explicit && io.heliosdb.sql.types.TypeRules.isString(e.type()));
        if (!text && e.type() != SqlType.RECORD) {
            if (column != null) {
                throw new HeliosException(SqlState.DATATYPE_MISMATCH, "column \"" + column + "\" is of type "
                        + displayName(def) + " but expression is of type " + e.type().sqlName(), null,
                        "You will need to rewrite or cast the expression.", 0, null);
            }
            throw new HeliosException(SqlState.CANNOT_COERCE, "cannot cast type " + e.type().sqlName() + " to "
                    + displayName(def));
        }
        if (e instanceof BuiltinCall row && row.name().equals("row") && row.args().size() != def.fields().size()) {
            throw new HeliosException(SqlState.CANNOT_COERCE, "cannot cast type record to " + displayName(def),
                    "Input has too " + (row.args().size() < def.fields().size() ? "few" : "many") + " columns.", null,
                    0, null);
        }
        return read(e.type() == SqlType.UNKNOWN ? binder.coerce(e, SqlType.TEXT) : e, def);
    }

    /** Text (or a record) read as a value of {@code def}. */
    private static BoundExpr read(BoundExpr text, TypeDef def) {
        BoundExpr read = new BuiltinCall("record_in", List.of(text, new Const(fieldSpec(def), SqlType.TEXT)),
                SqlType.RECORD);
        return new Cast(read, SqlType.RECORD, def.oid(), true);
    }

    /**
     * The field types as {@code record_in} and {@code record_cmp} read them: {@code oid:typmod} per field,
     * comma-separated, a composite field's own fields following in braces.
     */
    static String fieldSpec(TypeDef def) {
        StringBuilder out = new StringBuilder();
        for (ColumnDef f : def.fields()) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(f.type().oid()).append(':').append(f.typmod());
            if (isComposite(f.type(), f.typmod())) {
                out.append('{').append(fieldSpec(definition(f.typmod()))).append('}');
            }
        }
        return out.toString();
    }

    /**
     * {@code x IS [NOT] NULL} of a composite value, as PostgreSQL tests rows: IS NULL when every field is null
     * (or the value is), IS NOT NULL when no field is.
     */
    static BoundExpr isNull(BoundExpr value, boolean negated) {
        TypeDef def = definition(value.typmod());
        BoundExpr all = null;
        for (int i = 0; i < def.fields().size(); i++) {
            BoundExpr test = new BoundExpr.IsNull(field(value, def, i), negated);
            all = all == null ? test : new BoundExpr.Logical(true, all, test);
        }
        return all == null ? new BoundExpr.IsNull(value, negated) : all;
    }

    /** {@code (x).field} of a composite value: the field's text read back as its type. */
    static BoundExpr field(BoundExpr value, String field, int position) {
        TypeDef def = definition(value.typmod());
        int index = def.fieldIndex(field);
        if (index < 0) {
            throw new HeliosException(SqlState.UNDEFINED_COLUMN, "column \"" + field + "\" not found in data type "
                    + displayName(def), null, null, position + 1, null);
        }
        return field(value, def, index);
    }

    static BoundExpr field(BoundExpr value, TypeDef def, int index) {
        ColumnDef f = def.fields().get(index);
        BoundExpr text = new BuiltinCall("record_field", List.of(value, new Const(index, SqlType.INTEGER)), SqlType.TEXT);
        if (isComposite(f.type(), f.typmod())) {
            return read(text, definition(f.typmod()));
        }
        return new Cast(text, f.type(), f.typmod(), true);
    }

    /** {@code (x).*}: every field, named. */
    static void expand(BoundExpr value, List<BoundExpr> items, List<String> names) {
        TypeDef def = definition(value.typmod());
        for (int i = 0; i < def.fields().size(); i++) {
            items.add(field(value, def, i));
            names.add(def.fields().get(i).name());
        }
    }

    /** {@code l op r} where either side is a composite value (the other is read as that type), else null. */
    static BoundExpr compare(ExpressionBinder binder, CompareOp op, BoundExpr l, BoundExpr r, int position) {
        if (!isComposite(l) && !isComposite(r)) {
            return null;
        }
        int oid = isComposite(l) ? l.typmod() : r.typmod();
        if (isComposite(l) && isComposite(r) && l.typmod() != r.typmod()) {
            throw new HeliosException(SqlState.UNDEFINED_FUNCTION, "operator does not exist: "
                    + displayName(definition(l.typmod())) + " " + op.symbol() + " " + displayName(definition(r.typmod())),
                    null, "No operator matches the given name and argument types. You might need to add explicit type casts.",
                    position, null);
        }
        TypeDef def = definition(oid);
        checkComparable(isComposite(l) ? r : l, def, position);
        l = cast(binder, l, oid, false, null);
        r = cast(binder, r, oid, false, null);
        BoundExpr order = new BuiltinCall("record_cmp", List.of(l, r, new Const(fieldSpec(definition(oid)), SqlType.TEXT)),
                SqlType.INTEGER);
        return new BoundExpr.Comparison(op, order, new Const(0, SqlType.INTEGER));
    }

    /**
     * ORDER BY a composite value as record_cmp orders it: NULL values by {@code nullsFirst}, then field by field
     * with NULL fields after the others (before them when descending). The keys are hidden output columns.
     */
    static void sortKeys(BoundExpr value, boolean descending, boolean nullsFirst, List<BoundExpr> items,
                         List<BoundExpr> hidden, List<io.heliosdb.sql.plan.LogicalPlan.SortKey> keys) {
        TypeDef def = definition(value.typmod());
        keys.add(new io.heliosdb.sql.plan.LogicalPlan.SortKey(hiddenColumn(new BoundExpr.IsNull(value, false), items,
                hidden), nullsFirst, false));
        for (int i = 0; i < def.fields().size(); i++) {
            keys.add(new io.heliosdb.sql.plan.LogicalPlan.SortKey(hiddenColumn(field(value, def, i), items, hidden),
                    descending, descending));
        }
    }

    private static int hiddenColumn(BoundExpr e, List<BoundExpr> items, List<BoundExpr> hidden) {
        int same = items.indexOf(e);
        if (same >= 0) {
            return same;
        }
        int previous = hidden.indexOf(e);
        if (previous < 0) {
            hidden.add(e);
            previous = hidden.size() - 1;
        }
        return items.size() + previous;
    }

    /**
     * What PostgreSQL refuses when comparing a composite value with {@code other}: an untyped literal (it would be
     * an anonymous record, 0A000) or a row constructor whose fields are not of the same types (42804).
     */
    private static void checkComparable(BoundExpr other, TypeDef def, int position) {
        if (other.type() == SqlType.UNKNOWN) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "input of anonymous composite types is not implemented",
                    null, null, position, null);
        }
        if (other instanceof BuiltinCall row && row.name().equals("row")) {
            if (row.args().size() != def.fields().size()) {
                throw new HeliosException(SqlState.DATATYPE_MISMATCH,
                        "cannot compare record types with different numbers of columns");
            }
            for (int i = 0; i < row.args().size(); i++) {
                SqlType field = def.fields().get(i).type();
                SqlType given = row.args().get(i).type();
                if (given != field) {
                    throw new HeliosException(SqlState.DATATYPE_MISMATCH, "cannot compare dissimilar column types "
                            + field.pgName() + " and " + given.pgName() + " at record column " + (i + 1));
                }
            }
        }
    }

}
