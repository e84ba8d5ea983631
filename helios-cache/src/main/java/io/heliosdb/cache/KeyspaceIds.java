package io.heliosdb.cache;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Keyspace names as one-byte ids, so a compact entry carries one byte for its keyspace instead of a reference or
 * the name. The kernel caches two keyspaces (rows, index lookups); past {@value #MAX_IDS} names a new keyspace is
 * simply not cached.
 */
final class KeyspaceIds {
    /** Ids run from 0 to 254: 255 marks a dead entry ({@link CompactEntry#DEAD}). */
    static final int MAX_IDS = 255;

    private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();

    /** The keyspace's id, or -1 when it has none (nothing of it is cached). */
    int find(String keyspace) {
        Integer id = ids.get(keyspace);
        return id == null ? -1 : id;
    }

    /** The keyspace's id, given on first use; -1 once every id is taken. */
    int idOf(String keyspace) {
        Integer id = ids.get(keyspace);
        if (id != null) {
            return id;
        }
        synchronized (ids) {
            return ids.computeIfAbsent(keyspace, k -> ids.size() < MAX_IDS ? ids.size() : -1);
        }
    }
}
