package io.heliosdb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChildHeapTest {

    @Test
    void engineInJvm_everyTargetClassified() {
        for (String id : TargetCatalog.ids()) {
            boolean inJvm = id.startsWith("helios-") && !id.equals("helios-launcher") || id.startsWith("h2-");
            assertThat(ChildHeap.engineInJvm(id)).as(id).isEqualTo(inJvm);
        }
    }

    /** The heap fits what the system keeps in it; every measured heap is committed and touched up front. */
    @Test
    void forRun_heapFitsWhatTheSystemKeepsInIt() {
        assertThat(ChildHeap.forRun(Scale.full(), "helios-mem")).containsExactly("-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch");
        assertThat(ChildHeap.forRun(Scale.full(), "h2-mem")).containsExactly("-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch");
        assertThat(ChildHeap.forRun(Scale.full(), "helios-server-mem")).contains("-Xmx2g");
        for (String files : new String[] {"helios-rocks", "helios-lmdb", "helios-server-rocks", "helios-hybrid-caffeine",
                "helios-hybrid-chronicle", "h2-file"}) {
            assertThat(ChildHeap.forRun(Scale.full(), files)).as(files)
                    .containsExactly("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch");
            assertThat(ChildHeap.forRun(Scale.quick(), files)).as(files).contains("-Xmx512m");
        }
        for (String driver : new String[] {"sqlite-mem", "sqlite-file", "duckdb-mem", "postgres", "helios-launcher"}) {
            assertThat(ChildHeap.forRun(Scale.full(), driver)).as(driver)
                    .containsExactly("-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch");
            assertThat(ChildHeap.forRun(Scale.quick(), driver)).as(driver).contains("-Xmx256m");
        }
        assertThat(ChildHeap.forRun(Scale.quick(), "helios-mem")).contains("-Xmx512m");
    }

    /** Builds are not measured: the scale's maximum, neither committed nor touched at start. */
    @Test
    void forBuild_maximumOnly() {
        assertThat(ChildHeap.forBuild(Scale.full())).containsExactly("-Xmx2g");
        assertThat(ChildHeap.forBuild(Scale.quick())).containsExactly("-Xmx512m");
    }
}
