package io.heliosdb.sql.schema;

/**
 * PostgreSQL's int2vector and oidvector (pg_index.indkey, pg_proc.proargtypes) are arrays subscripted
 * from 0 ({@code indkey[0]} is the first key column). Here they are int2[] / int4[] columns marked with
 * this type modifier, which subscripts read to count from 0.
 */
public final class VectorTypes {
    /** The typmod of an int2vector or oidvector column (arrays have no typmod of their own). */
    public static final int ZERO_BASED = io.heliosdb.api.Column.VECTOR_TYPMOD;

    private VectorTypes() {
    }
}
