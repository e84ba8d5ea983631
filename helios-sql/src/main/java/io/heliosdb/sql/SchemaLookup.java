package io.heliosdb.sql;

import io.heliosdb.sql.schema.TableDef;
import java.util.Optional;

/** The catalog as the analyzer sees it. */
public interface SchemaLookup {

    /** The table with this case-folded name, if it exists. */
    Optional<TableDef> table(String name);
}
