package io.heliosdb.sql.exec;

import java.util.Set;

/** quote_ident and quote_literal as PostgreSQL writes them (format's %I and %L use the same rules). */
final class SqlQuoting {
    /** PostgreSQL 15's keywords that are not unreserved: an identifier spelled like one must be quoted. */
    private static final Set<String> KEYWORDS = Set.of("""
            all analyse analyze and any array as asc asymmetric authorization between bigint binary bit boolean
            both case cast char character check coalesce collate collation column concurrently constraint create
            cross current_catalog current_date current_role current_schema current_time current_timestamp
            current_user dec decimal default deferrable desc distinct do else end except exists extract false
            fetch float for foreign freeze from full grant greatest group grouping having ilike in initially
            inner inout int integer intersect interval into is isnull join lateral leading least left like limit
            localtime localtimestamp national natural nchar none normalize not notnull null nullif numeric
            offset on only or order out outer overlaps overlay placing position precision primary real
            references returning right row select session_user setof similar smallint some substring symmetric
            table tablesample then time timestamp to trailing treat trim true union unique user using values
            varchar variadic verbose when where window with xmlattributes xmlconcat xmlelement xmlexists
            xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable
            """.trim().split("\\s+"));

    private SqlQuoting() {
    }

    /** The name as is when it is a lower-case plain identifier and no keyword; double-quoted otherwise. */
    static String ident(String name) {
        boolean plain = !name.isEmpty() && (name.charAt(0) >= 'a' && name.charAt(0) <= 'z' || name.charAt(0) == '_')
                && name.chars().allMatch(ch -> ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '_')
                && !KEYWORDS.contains(name);
        return plain ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** Single-quoted with quotes doubled; a value with a backslash gets the E'' form with backslashes doubled. */
    static String literal(String text) {
        String quoted = "'" + text.replace("'", "''").replace("\\", "\\\\") + "'";
        return text.indexOf('\\') >= 0 ? "E" + quoted : quoted;
    }
}
