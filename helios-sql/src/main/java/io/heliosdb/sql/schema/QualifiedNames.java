package io.heliosdb.sql.schema;

/**
 * How an object's schema is carried in its catalog name: an object of {@code public} is stored under its
 * bare name (so entries written before schemas existed are {@code public}'s without any change), an
 * object of any other schema under {@code schema.name}.
 */
public final class QualifiedNames {
    public static final String PUBLIC = "public";

    private QualifiedNames() {
    }

    /** The catalog name of {@code name} in {@code schema}. */
    public static String qualify(String schema, String name) {
        return schema.equals(PUBLIC) ? name : schema + "." + name;
    }

    /** The schema a catalog name belongs to. */
    public static String schemaOf(String catalogName) {
        int dot = catalogName.indexOf('.');
        return dot < 0 ? PUBLIC : catalogName.substring(0, dot);
    }

    /** The name without its schema. */
    public static String localName(String catalogName) {
        int dot = catalogName.indexOf('.');
        return dot < 0 ? catalogName : catalogName.substring(dot + 1);
    }

    /** Whether the name carries an explicit schema (an unqualified name is looked up along search_path). */
    public static boolean isQualified(String catalogName) {
        return catalogName.indexOf('.') >= 0;
    }

    /** The catalog name of a name as written: {@code public.t} is stored as {@code t}. */
    public static String normalize(String name) {
        return isQualified(name) ? qualify(schemaOf(name), localName(name)) : name;
    }
}
