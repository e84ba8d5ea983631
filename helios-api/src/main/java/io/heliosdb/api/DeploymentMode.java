package io.heliosdb.api;

/** The four compositions of the kernel, named as the start-up log names them. */
public enum DeploymentMode {
    EMBEDDED("Embedded"),
    MEMORY_ONLY("Memory-only"),
    SERVER("Server"),
    HYBRID("Hybrid");

    private final String displayName;

    DeploymentMode(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
