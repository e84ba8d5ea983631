package io.heliosdb.wire;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Sessions open per role, for CONNECTION LIMIT (PostgreSQL's "too many connections for role"). */
final class RoleConnections {
    private final ConcurrentHashMap<String, AtomicInteger> open = new ConcurrentHashMap<>();

    /** Counts a new session of {@code role}; false (and nothing counted) when that would pass {@code limit}. */
    boolean tryOpen(String role, int limit) {
        AtomicInteger count = open.computeIfAbsent(role, r -> new AtomicInteger());
        if (count.incrementAndGet() > limit && limit >= 0) {
            count.decrementAndGet();
            return false;
        }
        return true;
    }

    void close(String role) {
        AtomicInteger count = open.get(role);
        if (count != null) {
            count.decrementAndGet();
        }
    }

    int open(String role) {
        AtomicInteger count = open.get(role);
        return count == null ? 0 : count.get();
    }
}
