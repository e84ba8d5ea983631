package io.heliosdb.storage.lmdb;

import org.lmdbjava.Dbi;

/**
 * An open named database and the id of the write transaction that created it (0 when it existed
 * at open). A read transaction with a smaller id began before the keyspace existed: it must read
 * it as empty, and LMDB would reject the handle in it anyway.
 */
record Keyspace(String name, Dbi<byte[]> dbi, long createdTxnId) {

    boolean visibleTo(long readTxnId) {
        return createdTxnId <= readTxnId;
    }
}
