package io.heliosdb.core.txn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The overlay keeps ascending writes in an array beside its tree: whatever mix of ascending runs, writes
 * below them, deletes, rollbacks, frozen copies and range views, it must answer exactly as one sorted map.
 */
class WriteOverlayTest {
    private static final String SPACE = "rows";

    private static byte[] key(int k) {
        return new byte[] {7, (byte) (k >>> 8), (byte) k};
    }

    private static int id(byte[] key) {
        return ((key[1] & 0xFF) << 8) | (key[2] & 0xFF);
    }

    /** What the overlay must hold: key to value (null value = tombstone). */
    private static Map<Integer, String> contents(WriteOverlay overlay) {
        Map<Integer, String> out = new TreeMap<>();
        List<Integer> order = new ArrayList<>();
        overlay.forEach(SPACE, (k, v) -> {
            order.add(id(k));
            out.put(id(k), WriteOverlay.isTombstone(v) ? null : new String(v));
        });
        assertThat(order).as("forEach in key order, each key once").isSorted().doesNotHaveDuplicates();
        return out;
    }

    private static Map<Integer, String> contents(NavigableMap<byte[], byte[]> view) {
        Map<Integer, String> out = new TreeMap<>();
        view.forEach((k, v) -> out.put(id(k), WriteOverlay.isTombstone(v) ? null : new String(v)));
        return out;
    }

    @Test
    void randomMixOfWrites_rollbacksAndViews_matchesASortedMap() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            WriteOverlay overlay = new WriteOverlay();
            TreeMap<Integer, String> model = new TreeMap<>();
            List<TreeMap<Integer, String>> markedModels = new ArrayList<>();
            List<Integer> marks = new ArrayList<>();
            List<Map.Entry<WriteOverlay, Map<Integer, String>>> frozen = new ArrayList<>();
            List<Map.Entry<NavigableMap<byte[], byte[]>, Map<Integer, String>>> ranges = new ArrayList<>();
            int next = random.nextInt(50);
            for (int step = 0; step < 120; step++) {
                int op = random.nextInt(100);
                if (op < 45) { // an ascending insert (the batch's pattern)
                    next += 1 + random.nextInt(3);
                    overlay.put(SPACE, key(next), ("v" + step).getBytes());
                    model.put(next, "v" + step);
                } else if (op < 60) { // any key, often one written before
                    int k = random.nextInt(next + 5);
                    overlay.put(SPACE, key(k), ("w" + step).getBytes());
                    model.put(k, "w" + step);
                } else if (op < 68) {
                    int k = random.nextInt(next + 5);
                    overlay.delete(SPACE, key(k));
                    model.put(k, null);
                } else if (op < 76) {
                    marks.add(overlay.mark());
                    markedModels.add(new TreeMap<>(model));
                } else if (op < 84 && !marks.isEmpty()) {
                    int i = random.nextInt(marks.size());
                    overlay.rollbackTo(marks.get(i));
                    model = new TreeMap<>(markedModels.get(i));
                    marks.subList(i + 1, marks.size()).clear();
                    markedModels.subList(i + 1, markedModels.size()).clear();
                } else if (op < 88) {
                    frozen.add(Map.entry(overlay.frozen(), new TreeMap<>(model)));
                } else if (op < 92) {
                    int from = random.nextInt(next + 2);
                    int to = from + random.nextInt(20);
                    ranges.add(Map.entry(overlay.range(SPACE, key(from), key(to)),
                            new TreeMap<>(model.subMap(from, to))));
                } else {
                    int k = random.nextInt(next + 5);
                    byte[] found = overlay.lookup(SPACE, key(k));
                    String expected = model.containsKey(k) ? model.get(k) : "<absent>";
                    String actual = found == null ? "<absent>" : WriteOverlay.isTombstone(found) ? null : new String(found);
                    assertThat(actual).as("lookup %d in round %d step %d", k, round, step).isEqualTo(expected);
                }
                if (random.nextInt(10) == 0) {
                    overlay.forgetUndo();
                    marks.clear();
                    markedModels.clear();
                }
            }
            assertThat(contents(overlay)).as("round %d", round).isEqualTo(model);
            assertThat(overlay.isEmpty()).isEqualTo(model.isEmpty());
            Integer greatest = model.isEmpty() ? null : model.lastKey();
            byte[] last = overlay.lastKeyBelow(SPACE, null);
            assertThat(last == null ? null : id(last)).isEqualTo(greatest);
            for (int bound = 0; bound < next + 5; bound += 1 + random.nextInt(4)) {
                Integer lower = model.lowerKey(bound);
                byte[] below = overlay.lastKeyBelow(SPACE, key(bound));
                assertThat(below == null ? null : id(below)).as("below %d", bound).isEqualTo(lower);
            }
            // Copies taken earlier never see later writes, rollbacks or the tail moving into the tree.
            for (var f : frozen) {
                assertThat(contents(f.getKey())).isEqualTo(f.getValue());
            }
            for (var r : ranges) {
                assertThat(contents(r.getKey())).isEqualTo(r.getValue());
            }
        }
    }

    @Test
    void rollbackOfAnAscendingRun_leavesEarlierWrites_andFreesItsKeys() {
        WriteOverlay overlay = new WriteOverlay();
        for (int k = 1; k <= 10; k++) {
            overlay.put(SPACE, key(k), "a".getBytes());
        }
        int mark = overlay.mark();
        for (int k = 11; k <= 20; k++) {
            overlay.put(SPACE, key(k), "b".getBytes());
        }
        overlay.rollbackTo(mark);
        assertThat(overlay.lookup(SPACE, key(15))).isNull();
        assertThat(overlay.lookup(SPACE, key(10))).isEqualTo("a".getBytes());
        // Below the (still raised) ceiling, above it, and back inside the first run.
        overlay.put(SPACE, key(15), "c".getBytes());
        overlay.put(SPACE, key(25), "d".getBytes());
        overlay.put(SPACE, key(3), "e".getBytes());
        assertThat(contents(overlay)).containsOnlyKeys(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 25)
                .containsEntry(3, "e").containsEntry(15, "c").containsEntry(25, "d");
        assertThat(id(overlay.lastKeyBelow(SPACE, key(20)))).isEqualTo(15);
    }
}
