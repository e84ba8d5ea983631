package io.heliosdb.core.session;

import io.heliosdb.api.SqlType;
import io.heliosdb.sql.schema.TableDef;
import java.util.ArrayList;
import java.util.List;

/** pg_type: every type the server reports an OID for, the catalog types clients cast to, and their arrays. */
final class PgTypeRows {
    /** oid, name, length, category, array oid, element oid (0 when not an array). */
    private record TypeInfo(int oid, String name, int length, String category, int array, int element) {
    }

    private static final List<TypeInfo> TYPES = types();

    private PgTypeRows() {
    }

    private static List<TypeInfo> types() {
        List<TypeInfo> types = new ArrayList<>();
        for (SqlType t : SqlType.values()) {
            if (t.isArray()) {
                continue; // added below from their element types
            }
            String category = switch (t) {
                case BOOLEAN -> "B";
                case SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, NUMERIC -> "N";
                case TEXT, VARCHAR -> "S";
                case DATE, TIMESTAMP, TIMESTAMPTZ, TIME, TIMETZ -> "D";
                case JSON, JSONB -> "U";
                case RECORD -> "P";
                default -> "X";
            };
            int array = t == SqlType.RECORD ? 2287
                    : t == SqlType.UNKNOWN || t.arrayType() == null ? arrayOid(t.oid()) : t.arrayType().oid();
            types.add(new TypeInfo(t.oid(), t.pgName(), t.length(), category, array, 0));
        }
        types.add(new TypeInfo(26, "oid", 4, "N", 1028, 0));
        types.add(new TypeInfo(19, "name", 64, "S", 1003, 0));
        types.add(new TypeInfo(18, "char", 1, "Z", 1002, 0));
        types.add(new TypeInfo(2205, "regclass", 4, "N", 2210, 0));
        types.add(new TypeInfo(2206, "regtype", 4, "N", 2211, 0));
        types.add(new TypeInfo(24, "regproc", 4, "N", 1008, 0));
        types.add(new TypeInfo(4089, "regnamespace", 4, "N", 4090, 0));
        types.add(new TypeInfo(4096, "regrole", 4, "N", 4097, 0));
        types.add(new TypeInfo(22, "int2vector", -1, "A", 1006, 21));
        types.add(new TypeInfo(30, "oidvector", -1, "A", 1013, 26));
        for (TypeInfo base : List.copyOf(types)) {
            if (base.array() != 0 && base.element() == 0) {
                types.add(new TypeInfo(base.array(), "_" + base.name(), -1, "A", 0, base.oid()));
            }
        }
        return List.copyOf(types);
    }

    private static int arrayOid(int oid) {
        return switch (oid) {
            case 16 -> 1000;
            case 21 -> 1005;
            case 23 -> 1007;
            case 20 -> 1016;
            case 700 -> 1021;
            case 701 -> 1022;
            case 1700 -> 1231;
            case 25 -> 1009;
            case 1043 -> 1015;
            case 1082 -> 1182;
            case 1114 -> 1115;
            default -> 0;
        };
    }

    static List<Object[]> types(TableDef view, CatalogObjects o) {
        List<Object[]> rows = new ArrayList<>();
        for (TypeInfo t : TYPES) {
            String io = t.element() != 0 ? "array_" : t.name();
            rows.add(new ViewRow(view).set("oid", t.oid()).set("typname", t.name())
                    .set("typnamespace", CatalogObjects.PG_CATALOG).set("typowner", 10).set("typlen", t.length())
                    .set("typbyval", t.length() > 0 && t.length() <= 8).set("typtype", "b")
                    .set("typcategory", t.category()).set("typisdefined", true).set("typdelim", ",")
                    .set("typsubscript", t.element() != 0 ? "array_subscript_handler" : "-")
                    .set("typelem", t.element()).set("typarray", t.array()).set("typinput", io + "in")
                    .set("typoutput", io + "out").set("typreceive", io + "recv").set("typsend", io + "send")
                    .set("typmodin", "-").set("typmodout", "-").set("typanalyze", "-")
                    .set("typalign", t.length() == 8 ? "d" : t.length() == 2 ? "s" : t.length() == 1 ? "c" : "i")
                    .set("typstorage", t.length() > 0 ? "p" : "x").set("typtypmod", -1)
                    .set("typcollation", t.category().equals("S") ? 100 : 0).values());
        }
        for (io.heliosdb.sql.schema.TypeDef t : o.types()) {
            rows.add(new ViewRow(view).set("oid", t.oid()).set("typname", io.heliosdb.sql.schema.QualifiedNames.localName(t.name()))
                    .set("typnamespace", o.namespaceOid(t.name())).set("typowner", o.ownerOid()).set("typlen", -1)
                    .set("typbyval", false).set("typtype", "c").set("typcategory", "C").set("typisdefined", true)
                    .set("typdelim", ",").set("typrelid", t.relationOid()).set("typsubscript", "-").set("typelem", 0)
                    .set("typarray", 0).set("typinput", "record_in").set("typoutput", "record_out")
                    .set("typreceive", "record_recv").set("typsend", "record_send").set("typmodin", "-")
                    .set("typmodout", "-").set("typanalyze", "-").set("typalign", "d").set("typstorage", "x")
                    .set("typtypmod", -1).set("typcollation", 0).values());
        }
        return rows;
    }

    /** The OID of the type named {@code name} in pg_type, or null. */
    static Integer oid(String name) {
        for (TypeInfo t : TYPES) {
            if (t.name().equals(name)) {
                return t.oid();
            }
        }
        return null;
    }
}
