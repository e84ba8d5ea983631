package io.heliosdb.sql.analyze;

import io.heliosdb.sql.schema.IndexDef;
import java.util.List;

/**
 * An analyzed ON CONFLICT clause.
 *
 * @param primaryKey whether the primary key is an arbiter
 * @param arbiters   the unique indexes that are arbiters
 * @param doUpdate   DO UPDATE (else DO NOTHING)
 * @param newRow     for DO UPDATE, each column of the updated row over the existing row followed by the
 *                   proposed one (EXCLUDED)
 * @param where      the DO UPDATE condition over the same row, or null
 */
public record BoundConflict(boolean primaryKey, List<IndexDef> arbiters, boolean doUpdate, List<BoundExpr> newRow,
                            BoundExpr where) {
}
