package io.heliosdb.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ModuleDescriptorTest {

    @Test
    void module_exportsApiConfigAndSpiOnly() {
        ModuleDescriptor descriptor = HeliosDB.class.getModule().getDescriptor();
        assertThat(descriptor).isNotNull();
        assertThat(descriptor.name()).isEqualTo("io.heliosdb.api");
        assertThat(descriptor.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("io.heliosdb.api", "io.heliosdb.api.config", "io.heliosdb.spi");
        assertThat(descriptor.uses()).containsExactly("io.heliosdb.spi.KernelProvider");
        assertThat(descriptor.requires().stream().map(ModuleDescriptor.Requires::name))
                .containsOnly("java.base");
    }
}
