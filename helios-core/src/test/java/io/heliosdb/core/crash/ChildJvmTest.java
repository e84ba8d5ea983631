package io.heliosdb.core.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ChildJvm#kill()} must deliver every line the child wrote before it died. It once lost the
 * lines still in the pipe ({@code Process.destroyForcibly()} closes the parent's end of stdout), which
 * made the crash tests miss a "DELETING" announcement and then report the deleted order as lost.
 */
class ChildJvmTest {
    @TempDir
    Path dir;

    @RepeatedTest(5)
    void kill_deliversEveryLineTheChildWroteBeforeItDied() throws Exception {
        Path log = dir.resolve("printed.log");
        List<String> delivered = new ArrayList<>();
        try (ChildJvm child = ChildJvm.start(FrozenClassPath.copy(LinePrinter.class, dir.resolve("classes")), LinePrinter.class, dir.resolve("printer.err"), log.toString())) {
            // the child writes far faster than the reader reads, so its pipe is full when the kill lands
            for (int n = 0; n < 5000; n++) {
                String line = child.nextLine(60, TimeUnit.SECONDS);
                assertThat(line).as("line %d; stderr: %s", n, child.stderrText()).isEqualTo("LINE " + n);
                delivered.add(line);
            }
            delivered.addAll(child.kill());
            List<String> logged = AckLog.read(log);
            // line 4999 is in the child's fifth chunk, written only after the first four were logged
            assertThat(logged).hasSizeGreaterThanOrEqualTo(4000);
            // each line was logged after its write returned, so it was in the pipe: none may be missing
            assertThat(delivered.size()).as("lines delivered, of %d logged", logged.size())
                    .isGreaterThanOrEqualTo(logged.size());
            assertThat(delivered.subList(0, logged.size())).isEqualTo(logged);
            assertThat(child.readToEnd()).isTrue();
            assertThat(child.readFailure()).isNull();
        }
    }
}
