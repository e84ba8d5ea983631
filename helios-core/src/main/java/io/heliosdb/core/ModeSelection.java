package io.heliosdb.core;

import io.heliosdb.api.DeploymentMode;

/** Which of the four compositions a configuration and the modules found add up to. */
final class ModeSelection {

    private ModeSelection() {
    }

    static DeploymentMode select(boolean transports, boolean memoryStorage, boolean cacheLayer) {
        if (!transports) {
            return memoryStorage ? DeploymentMode.MEMORY_ONLY : DeploymentMode.EMBEDDED;
        }
        if (!memoryStorage && cacheLayer) {
            return DeploymentMode.HYBRID;
        }
        return DeploymentMode.SERVER;
    }
}
