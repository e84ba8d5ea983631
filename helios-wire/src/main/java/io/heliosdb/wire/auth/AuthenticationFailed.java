package io.heliosdb.wire.auth;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;

/** The one answer to a wrong password or an unknown user: the message never says which. */
public final class AuthenticationFailed {

    private AuthenticationFailed() {
    }

    public static HeliosException forUser(String user) {
        return new HeliosException(SqlState.INVALID_PASSWORD,
                "password authentication failed for user \"" + user + "\"");
    }
}
