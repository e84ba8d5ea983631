package io.heliosdb.core.session;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.schema.QualifiedNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The session's search_path: the schemas an unqualified name is looked up in, in order, and the first of
 * them is where CREATE puts an unqualified name. Schemas that do not exist are skipped, as in PostgreSQL;
 * {@code "$user"} is the schema named like the session user. The built-in schemas are left out: system
 * views are found after stored relations whatever the path says.
 */
record SearchPath(List<String> schemas) {

    static SearchPath of(String setting, String user, Predicate<String> exists) {
        List<String> out = new ArrayList<>();
        for (String raw : parse(setting == null ? "" : setting)) {
            String schema = raw.equals("$user") ? user : raw;
            if (schema != null && !out.contains(schema) && !schema.equals("pg_catalog")
                    && !schema.equals("information_schema") && exists.test(schema)) {
                out.add(schema);
            }
        }
        return new SearchPath(out);
    }

    /** The entries of a search_path value: quoted ones as written, unquoted ones folded to lower case. */
    private static List<String> parse(String value) {
        List<String> out = new ArrayList<>();
        for (String part : value.split(",")) {
            String p = part.strip();
            if (p.length() >= 2 && p.startsWith("\"") && p.endsWith("\"")) {
                out.add(p.substring(1, p.length() - 1).replace("\"\"", "\""));
            } else if (!p.isEmpty()) {
                out.add(p.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }

    /** The object an (unqualified: along the path; qualified: as written) catalog name denotes. */
    <T> Optional<T> resolve(String name, Function<String, Optional<T>> lookup) {
        if (QualifiedNames.isQualified(name)) {
            return lookup.apply(QualifiedNames.normalize(name));
        }
        for (String schema : schemas) {
            Optional<T> found = lookup.apply(QualifiedNames.qualify(schema, name));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The catalog name CREATE gives {@code name}. */
    String creationName(String name) {
        if (QualifiedNames.isQualified(name)) {
            return QualifiedNames.normalize(name);
        }
        if (schemas.isEmpty()) {
            throw new HeliosException(SqlState.INVALID_SCHEMA_NAME, "no schema has been selected to create in");
        }
        return QualifiedNames.qualify(schemas.get(0), name);
    }

    /** The schema current_schema() names: the first of the path, or null. */
    String current() {
        return schemas.isEmpty() ? null : schemas.get(0);
    }
}
