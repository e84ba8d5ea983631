package io.heliosdb.wire;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The BackendKeyData of every live connection, so a CancelRequest can find its target. */
final class BackendKeyRegistry {

    /** A connection's key and what cancelling it does. */
    record Key(int processId, int secretKey, Runnable onCancel) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<Integer, Key> keys = new ConcurrentHashMap<>();

    /** Draws a fresh process id and secret for a connection. */
    Key register(Runnable onCancel) {
        while (true) {
            Key key = new Key(1 + random.nextInt(Integer.MAX_VALUE - 1), random.nextInt(), onCancel);
            if (keys.putIfAbsent(key.processId(), key) == null) {
                return key;
            }
        }
    }

    void unregister(Key key) {
        keys.remove(key.processId(), key);
    }

    /** Cancels the connection with this key; false (and nothing happens) unless both numbers match. */
    boolean cancel(int processId, int secretKey) {
        Key key = keys.get(processId);
        if (key == null || key.secretKey() != secretKey) {
            return false;
        }
        key.onCancel().run();
        return true;
    }
}
