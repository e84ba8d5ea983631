package io.heliosdb.core.catalog;

import io.heliosdb.core.encoding.ByteWriter;
import java.nio.charset.StandardCharsets;

/**
 * Where the kernel keeps things in storage. Keyspace {@value #CATALOG} holds table and index
 * definitions by name; keyspace {@value #ROWS} holds every row under its table id
 * (8 bytes, big-endian) followed by the encoded primary key or hidden row id; keyspace
 * {@value #INDEXES} holds secondary index entries under their index id (see IndexKeys).
 */
public final class CatalogKeys {
    public static final String CATALOG = "catalog";
    public static final String ROWS = "rows";
    public static final String INDEXES = "indexes";

    private static final byte TABLE = 0x02;
    private static final byte INDEX = 0x03;
    private static final byte SEQUENCE = 0x04;
    private static final byte ROLE = 0x05;
    private static final byte OBJECT = 0x06;

    private CatalogKeys() {
    }

    public static byte[] tableKey(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        return new ByteWriter(utf8.length + 1).write(TABLE).write(utf8).toByteArray();
    }

    public static byte[] indexKey(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        return new ByteWriter(utf8.length + 1).write(INDEX).write(utf8).toByteArray();
    }

    public static byte[] sequenceKey(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        return new ByteWriter(utf8.length + 1).write(SEQUENCE).write(utf8).toByteArray();
    }

    public static byte[] roleKey(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        return new ByteWriter(utf8.length + 1).write(ROLE).write(utf8).toByteArray();
    }

    /** The first key of the role entries, and the bound past the last. */
    public static byte[] rolesFrom() {
        return new byte[] {ROLE};
    }

    public static byte[] rolesTo() {
        return new byte[] {ROLE + 1};
    }

    /** A view, schema or comment entry, under its object key (see ObjectDefCodec). */
    public static byte[] objectKey(String key) {
        byte[] utf8 = key.getBytes(StandardCharsets.UTF_8);
        return new ByteWriter(utf8.length + 1).write(OBJECT).write(utf8).toByteArray();
    }

    /** The first key of the view, schema and comment entries, and the bound past the last. */
    public static byte[] objectsFrom() {
        return new byte[] {OBJECT};
    }

    public static byte[] objectsTo() {
        return new byte[] {OBJECT + 1};
    }

    /** The first key of the sequence entries, and the bound past the last. */
    public static byte[] sequencesFrom() {
        return new byte[] {SEQUENCE};
    }

    public static byte[] sequencesTo() {
        return new byte[] {SEQUENCE + 1};
    }

    /** The first key of the index entries, and the bound past the last. */
    public static byte[] indexesFrom() {
        return new byte[] {INDEX};
    }

    public static byte[] indexesTo() {
        return new byte[] {INDEX + 1};
    }

    /** The first key of the table entries, and the bound past the last. */
    public static byte[] tablesFrom() {
        return new byte[] {TABLE};
    }

    public static byte[] tablesTo() {
        return new byte[] {TABLE + 1};
    }

    /** The prefix of every row key of a table. */
    public static byte[] rowPrefix(long tableId) {
        return new ByteWriter(8).writeLongBE(tableId).toByteArray();
    }

    /** The exclusive upper bound of a table's row keys (table ids are positive, so no overflow). */
    public static byte[] rowPrefixEnd(long tableId) {
        return rowPrefix(tableId + 1);
    }

    public static byte[] rowKey(long tableId, byte[] encodedKey) {
        return new ByteWriter(8 + encodedKey.length).writeLongBE(tableId).write(encodedKey).toByteArray();
    }

    public static byte[] longValue(long v) {
        return new ByteWriter(8).writeLongBE(v).toByteArray();
    }

    public static long readLong(byte[] value) {
        return new io.heliosdb.core.encoding.ByteReader(value).readLongBE();
    }
}
