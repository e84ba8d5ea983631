package io.heliosdb.sql.exec;

import io.heliosdb.sql.SystemCatalog;
import io.heliosdb.sql.schema.QualifiedNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The object-identifier types' input and output: {@code 's.t'::regclass} finds a relation by a possibly
 * schema-qualified, possibly quoted name along search_path, and an OID cast to regclass prints as
 * PostgreSQL's regclassout does, the name qualified only when its schema is not searched.
 */
final class ObjectIdentifiers {

    private ObjectIdentifiers() {
    }

    /** The OID of the relation {@code text} names, or null. */
    static Integer relationOid(String text, SystemCatalog catalog, List<String> searchPath) {
        List<String> parts = nameParts(text);
        String local = parts.get(parts.size() - 1);
        if (parts.size() > 1) {
            String schema = parts.get(parts.size() - 2);
            return schema.equals("pg_catalog") ? catalog.relationOid(local)
                    : catalog.relationOid(QualifiedNames.qualify(schema, local));
        }
        for (String schema : searchPath) {
            Integer oid = catalog.relationOid(QualifiedNames.qualify(schema, local));
            if (oid != null) {
                return oid;
            }
        }
        // the system views, which are always searched
        return catalog.relationOid(local);
    }

    /** {@code kind} ("regclass", "regtype", "regnamespace", "regrole") output of {@code oid}. */
    static String text(String kind, int oid, SystemCatalog catalog, List<String> searchPath) {
        if (oid == 0) {
            return "-";
        }
        String name = switch (kind) {
            case "regclass" -> relationText(catalog.relationName(oid), searchPath);
            case "regtype" -> {
                String type = CatalogBuiltins.formatType(oid, -1);
                yield type.equals("???") ? null : type;
            }
            case "regnamespace" -> quote(catalog.namespaceName(oid));
            case "regrole" -> quote(catalog.roleName(oid));
            default -> null;
        };
        // An OID of no object prints as the number, as in PostgreSQL.
        return name != null ? name : Integer.toUnsignedString(oid);
    }

    private static String relationText(String catalogName, List<String> searchPath) {
        if (catalogName == null) {
            return null;
        }
        String schema = QualifiedNames.schemaOf(catalogName);
        String local = quote(QualifiedNames.localName(catalogName));
        return schema.equals("pg_catalog") || searchPath.contains(schema) ? local : quote(schema) + "." + local;
    }

    /** An identifier as PostgreSQL's quote_ident prints it: quoted unless it is a plain lower-case name. */
    static String quote(String name) {
        if (name == null) {
            return null;
        }
        return name.matches("[a-z_][a-z0-9_$]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** The parts of a dotted name; quoted parts keep their case, unquoted ones fold to lower case. */
    static List<String> nameParts(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        String s = text.trim();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    part.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                    wasQuoted = true;
                }
            } else if (ch == '.' && !quoted) {
                parts.add(finish(part, wasQuoted));
                part.setLength(0);
                wasQuoted = false;
            } else {
                part.append(quoted ? ch : Character.toLowerCase(ch));
            }
        }
        parts.add(finish(part, wasQuoted));
        return parts;
    }

    private static String finish(StringBuilder part, boolean wasQuoted) {
        return wasQuoted ? part.toString() : part.toString().trim().toLowerCase(Locale.ROOT);
    }
}
