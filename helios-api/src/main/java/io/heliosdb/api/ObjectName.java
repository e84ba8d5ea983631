package io.heliosdb.api;

/**
 * A value of an object-identifier type (regclass, regtype, regnamespace, regrole) in a query's result:
 * PostgreSQL prints it as the object's name but sends it in binary as the OID, so both travel together.
 * Its text ({@link #toString()}) is the name.
 */
public record ObjectName(int oid, String name) {

    @Override
    public String toString() {
        return name;
    }
}
