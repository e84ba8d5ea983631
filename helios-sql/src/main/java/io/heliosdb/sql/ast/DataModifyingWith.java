package io.heliosdb.sql.ast;

import java.util.List;

/**
 * A statement whose top-level WITH clause holds data-modifying statements ({@code WITH d AS (DELETE ...
 * RETURNING *) INSERT INTO ... SELECT ... FROM d}). Each step runs once, before {@code body}, whether or not it
 * is read; the body and later steps read a step's RETURNING rows through {@link ReturningRows} with its token.
 */
public record DataModifyingWith(List<Step> steps, Statement body) implements Statement {

    public DataModifyingWith {
        steps = List.copyOf(steps);
    }

    /** One data-modifying WITH query: {@code statement} is an INSERT, UPDATE or DELETE. */
    public record Step(String name, Object token, Statement statement) {
    }
}
