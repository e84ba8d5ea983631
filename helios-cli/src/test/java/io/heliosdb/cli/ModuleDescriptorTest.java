package io.heliosdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ModuleDescriptorTest {

    @Test
    void module_exportsNothing_andOpensCommandsToPicocliOnly() {
        ModuleDescriptor d = Main.class.getModule().getDescriptor();
        assertThat(d.name()).isEqualTo("io.heliosdb.cli");
        assertThat(d.exports()).isEmpty();
        assertThat(d.opens()).singleElement().satisfies(o -> {
            assertThat(o.source()).isEqualTo("io.heliosdb.cli");
            assertThat(o.targets()).containsExactly("info.picocli");
        });
    }

    @Test
    void module_requiresNoProviderModule() {
        Set<String> requires = Main.class.getModule().getDescriptor().requires().stream()
                .map(ModuleDescriptor.Requires::name).collect(Collectors.toSet());
        assertThat(requires).contains("io.heliosdb.api", "io.heliosdb.core", "info.picocli", "org.jline", "java.sql")
                .doesNotContain("io.heliosdb.storage.memory", "io.heliosdb.storage.rocks", "io.heliosdb.storage.lmdb",
                        "io.heliosdb.cache", "io.heliosdb.wire", "org.postgresql.jdbc");
    }
}
