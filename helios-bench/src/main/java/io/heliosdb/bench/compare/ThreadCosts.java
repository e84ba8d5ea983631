package io.heliosdb.bench.compare;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time and context switches of Linux threads, read from /proc: costs that, unlike wall-clock
 * throughput, barely move when other processes compete for the cores. CPU time comes from
 * {@code schedstat} (nanoseconds on a core) where the kernel has it, else from {@code stat}'s
 * user+system ticks; switches from {@code status}: a voluntary one is a thread going to sleep
 * (waiting for a socket, a queue, a lock), so it counts hand-offs and wake-ups; an involuntary one
 * is the scheduler taking the core away (load from elsewhere).
 */
record ThreadCosts(long cpuNanos, long voluntary, long involuntary, long userTicks, long systemTicks) {
    /** Clock ticks per second of /proc/.../stat: 100 on every common Linux build. */
    private static final long TICKS_PER_SECOND = 100;

    static final ThreadCosts ZERO = new ThreadCosts(0, 0, 0, 0, 0);

    ThreadCosts plus(ThreadCosts o) {
        return new ThreadCosts(cpuNanos + o.cpuNanos, voluntary + o.voluntary, involuntary + o.involuntary,
                userTicks + o.userTicks, systemTicks + o.systemTicks);
    }

    ThreadCosts minus(ThreadCosts o) {
        return new ThreadCosts(cpuNanos - o.cpuNanos, voluntary - o.voluntary, involuntary - o.involuntary,
                userTicks - o.userTicks, systemTicks - o.systemTicks);
    }

    /** The share of the CPU time spent in the kernel (system calls: sockets, epoll, futex wake-ups). */
    double systemShare() {
        long ticks = userTicks + systemTicks;
        return ticks == 0 ? 0 : (double) systemTicks / ticks;
    }

    /** Whether this machine exposes per-thread counters at all (Linux /proc). */
    static boolean available() {
        return Files.isReadable(Path.of("/proc/self/status"));
    }

    /** One process (its main thread's switches; CPU of the whole thread group), e.g. a PostgreSQL backend. */
    static ThreadCosts ofProcess(long pid) throws IOException {
        return read(Path.of("/proc", Long.toString(pid)));
    }

    /** The calling thread (its own switches and CPU), e.g. a session thread around its commits. */
    static ThreadCosts ofCurrentThread() throws IOException {
        return read(Path.of("/proc/thread-self"));
    }

    /** The calling thread's id as Linux knows it (a Java thread id is something else). */
    static long currentTid() throws IOException {
        Path self = Files.readSymbolicLink(Path.of("/proc/thread-self"));
        return Long.parseLong(self.getFileName().toString());
    }

    /** Every live thread of this JVM: thread id to (name, costs). Threads that ended are missing. */
    static Map<Long, Named> threadsOfThisProcess() throws IOException {
        Map<Long, Named> out = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    out.put(Long.parseLong(task.getFileName().toString()), new Named(name, read(task)));
                } catch (IOException e) {
                    // the thread ended while we looked: it is simply not counted
                }
            }
        }
        return out;
    }

    record Named(String name, ThreadCosts costs) {
    }

    private static ThreadCosts read(Path dir) throws IOException {
        long voluntary = 0;
        long involuntary = 0;
        for (String line : Files.readAllLines(dir.resolve("status"))) {
            if (line.startsWith("voluntary_ctxt_switches:")) {
                voluntary = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                involuntary = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        // stat: the command name may hold spaces, so fields are counted after its closing parenthesis.
        String stat = Files.readString(dir.resolve("stat"));
        List<String> fields = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
        long user = Long.parseLong(fields.get(11));
        long system = Long.parseLong(fields.get(12));
        return new ThreadCosts(schedstatNanos(dir, (user + system) * 1_000_000_000L / TICKS_PER_SECOND), voluntary,
                involuntary, user, system);
    }

    /** Nanoseconds on a core from schedstat, finer than stat's 10 ms ticks; {@code fallback} without it. */
    private static long schedstatNanos(Path dir, long fallback) throws IOException {
        Path schedstat = dir.resolve("schedstat");
        if (Files.isReadable(schedstat)) {
            String text = Files.readString(schedstat).strip();
            if (!text.isEmpty()) {
                return Long.parseLong(text.split(" ")[0]);
            }
        }
        return fallback;
    }
}
