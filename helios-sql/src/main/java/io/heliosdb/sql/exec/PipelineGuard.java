package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import java.util.function.Supplier;

/**
 * Keeps bad input from crashing the caller: absurdly deep SQL (thousands of nested parentheses)
 * becomes {@code 54000} instead of a StackOverflowError, and an unexpected exception becomes
 * {@code XX000} instead of escaping as a bare RuntimeException.
 */
public final class PipelineGuard {

    private PipelineGuard() {
    }

    public static <T> T guard(Supplier<T> work) {
        try {
            return work.get();
        } catch (HeliosException e) {
            throw e;
        } catch (StackOverflowError e) {
            throw new HeliosException(SqlState.PROGRAM_LIMIT_EXCEEDED, "stack depth limit exceeded", null,
                    "The statement nests expressions too deeply.", 0, null);
        } catch (RuntimeException e) {
            throw new HeliosException(SqlState.INTERNAL_ERROR, "internal error in the SQL engine: " + e, e);
        }
    }
}
