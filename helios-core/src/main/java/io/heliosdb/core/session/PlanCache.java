package io.heliosdb.core.session;

import io.heliosdb.api.SqlType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A session's most recently used plans by statement text and declared parameter types. */
final class PlanCache {
    private record Key(String sql, List<SqlType> declared) {
    }

    private final Map<Key, PlannedStatement> plans;

    PlanCache(int capacity) {
        this.plans = new LinkedHashMap<>(capacity, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, PlannedStatement> eldest) {
                return size() > capacity;
            }
        };
    }

    PlannedStatement get(String sql, List<SqlType> declared) {
        return plans.get(new Key(sql, declared));
    }

    void put(String sql, List<SqlType> declared, PlannedStatement planned) {
        plans.put(new Key(sql, declared), planned);
    }

    /** Forgets every plan (their unqualified names were resolved under another search_path). */
    void clear() {
        plans.clear();
    }
}
