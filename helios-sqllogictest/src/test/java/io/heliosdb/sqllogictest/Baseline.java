package io.heliosdb.sqllogictest;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The ratchet: the least number of records each file must pass per storage mode. A run that passes
 * fewer fails the build; a run that passes more can raise it ({@code -Dslt.updateBaseline=true}).
 */
final class Baseline {
    private final Path file;
    private final Map<String, Integer> passed = new TreeMap<>();

    private Baseline(Path file) {
        this.file = file;
    }

    static Baseline load(Path file) throws IOException {
        Baseline b = new Baseline(file);
        if (Files.exists(file)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            for (String key : p.stringPropertyNames()) {
                b.passed.put(key, Integer.parseInt(p.getProperty(key).trim()));
            }
        }
        return b;
    }

    int minimum(String key) {
        return passed.getOrDefault(key, 0);
    }

    void raise(String key, int count) {
        passed.merge(key, count, Math::max);
    }

    void save() throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("# sqllogictest ratchet: records each file must pass (mode.file=count).\n");
            w.write("# Raised by: mvn -pl helios-sqllogictest verify -Dslt.updateBaseline=true\n");
            for (Map.Entry<String, Integer> e : passed.entrySet()) {
                w.write(e.getKey() + "=" + e.getValue() + "\n");
            }
        }
    }
}
