package io.heliosdb.bench.compare;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.config.HeliosConfig;
import java.util.concurrent.CountDownLatch;

/**
 * HeliosDB Server in memory on 127.0.0.1:PORT until the process is killed: a server for tools that run
 * outside the JVM (pgbench) started straight from benchmarks.jar, with whatever {@code -D} settings the
 * caller gives this JVM (bench/pgbench-worker-reads starts one with and one without worker reads).
 *
 * <pre>java -cp helios-bench/target/benchmarks.jar io.heliosdb.bench.compare.ServeMemoryMain PORT</pre>
 */
public final class ServeMemoryMain {
    private ServeMemoryMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: ServeMemoryMain PORT");
            System.exit(2);
        }
        HeliosConfig config = HeliosConfig.memory();
        config = config.withServer(config.server().withPort(Integer.parseInt(args[0])).withListenAddr("127.0.0.1"));
        HeliosDB db = HeliosDB.serve(config);
        Runtime.getRuntime().addShutdownHook(new Thread(db::close));
        System.out.println("listening on 127.0.0.1:" + db.transports().get(0).port());
        new CountDownLatch(1).await();
    }
}
