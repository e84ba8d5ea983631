package io.heliosdb.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import org.junit.jupiter.api.Test;

class ModuleLayoutTest {

    @Test
    void module_exportsOnlyTheContractPackages() {
        ModuleDescriptor descriptor = SqlEngine.class.getModule().getDescriptor();
        assertThat(descriptor.name()).isEqualTo("io.heliosdb.sql");
        assertThat(descriptor.exports()).extracting(ModuleDescriptor.Exports::source)
                .containsExactlyInAnyOrder("io.heliosdb.sql", "io.heliosdb.sql.schema");
        assertThat(descriptor.packages()).contains("io.heliosdb.sql.parse.antlr", "io.heliosdb.sql.exec");
    }
}
