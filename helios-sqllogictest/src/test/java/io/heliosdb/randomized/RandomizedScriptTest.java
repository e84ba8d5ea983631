package io.heliosdb.randomized;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keeps differential/randomized.sql equal to the generator's output, so the recorded PostgreSQL results
 * always belong to the generator in the tree; {@code -Drandomized.write=true} rewrites the file.
 */
class RandomizedScriptTest {

    @Test
    void committedScript_isGeneratorOutput() throws IOException {
        Path file = Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "differential",
                "randomized.sql");
        String generated = RandomizedScript.generate(RandomizedScript.SEED, RandomizedScript.CASES);
        if (Boolean.getBoolean("randomized.write")) {
            Files.writeString(file, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as("randomized.sql is not the generator's output: regenerate it and re-record (see its header)")
                .isEqualTo(generated);
    }

    @Test
    void generate_sameSeedSameScript() {
        assertThat(RandomizedScript.generate(7, 5)).isEqualTo(RandomizedScript.generate(7, 5))
                .isNotEqualTo(RandomizedScript.generate(8, 5));
    }
}
