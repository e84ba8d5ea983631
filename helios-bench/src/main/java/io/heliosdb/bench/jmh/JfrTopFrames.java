package io.heliosdb.bench.jmh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording's CPU samples fall: the methods most often on top of the stack (self) and on
 * it anywhere (inclusive), as shares of the samples whose stack contains {@code filter} (all without one).
 *
 * <pre>java -cp helios-bench/target/benchmarks.jar io.heliosdb.bench.jmh.JfrTopFrames FILE.jfr [top] [filter]</pre>
 *
 * Used by bench/point-select-profile on a PointSelectCost run; samples in native code (a RocksDB get)
 * count for the Java method that called it.
 */
public final class JfrTopFrames {
    private JfrTopFrames() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        String filter = args.length > 2 ? args[2] : null;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            List<RecordedFrame> frames = stack.getFrames();
            Set<String> names = new HashSet<>();
            for (RecordedFrame frame : frames) {
                names.add(name(frame));
            }
            if (filter != null && names.stream().noneMatch(n -> n.contains(filter))) {
                continue;
            }
            samples++;
            self.merge(name(frames.get(0)), 1, Integer::sum);
            names.forEach(n -> inclusive.merge(n, 1, Integer::sum));
        }
        System.out.println("samples " + samples);
        print("self", self, samples, top);
        print("inclusive", inclusive, samples, top);
    }

    private static String name(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int top) {
        System.out.println("--- " + title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("%5.1f%% %s%n", 100.0 * e.getValue() / Math.max(1, samples), e.getKey()));
    }
}
