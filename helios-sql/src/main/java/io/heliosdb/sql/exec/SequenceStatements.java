package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.ExecutionContext;
import io.heliosdb.sql.ast.AlterSequence;
import io.heliosdb.sql.ast.CreateSequence;
import io.heliosdb.sql.ast.DropSequence;
import io.heliosdb.sql.ast.Statement;
import io.heliosdb.sql.schema.SequenceDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.ArrayList;
import java.util.List;

/** CREATE, ALTER and DROP SEQUENCE, and the owned sequences of CREATE/DROP/TRUNCATE TABLE. */
final class SequenceStatements {

    private SequenceStatements() {
    }

    static StatementBody compile(Statement statement) {
        if (statement instanceof CreateSequence c) {
            return rt -> {
                ExecutionContext ctx = rt.context();
                String name = ctx.creationName(c.name());
                SequenceDef def = SequenceDef.create(name, SqlType.BIGINT, c.options(), null, null);
                if (ctx.sequence(name).isPresent() || ctx.table(name).isPresent()) {
                    if (c.ifNotExists()) {
                        ctx.notice(SqlState.DUPLICATE_TABLE, "relation \"" + io.heliosdb.sql.schema.QualifiedNames.localName(name)
                                + "\" already exists, skipping");
                        return Results.command("CREATE SEQUENCE", 0);
                    }
                    throw new HeliosException(SqlState.DUPLICATE_TABLE, "relation \"" + c.name() + "\" already exists");
                }
                ctx.createSequence(def);
                return Results.command("CREATE SEQUENCE", 0);
            };
        } else if (statement instanceof AlterSequence a) {
            return rt -> {
                ExecutionContext ctx = rt.context();
                var current = ctx.sequence(a.name());
                if (current.isEmpty()) {
                    if (a.ifExists()) {
                        return Results.command("ALTER SEQUENCE", 0);
                    }
                    throw undefined(a.name());
                }
                SequenceDef altered = current.get().altered(a.options());
                Long restart = !a.options().restart() ? null
                        : a.options().restartWith() != null ? a.options().restartWith() : altered.start();
                ctx.alterSequence(altered, restart);
                return Results.command("ALTER SEQUENCE", 0);
            };
        }
        DropSequence d = (DropSequence) statement;
        return rt -> {
            ExecutionContext ctx = rt.context();
            List<SequenceDef> dropped = new ArrayList<>();
            for (String name : d.names()) {
                var sequence = ctx.sequence(name);
                if (sequence.isPresent()) {
                    dropped.add(sequence.get());
                } else if (!d.ifExists()) {
                    throw undefined(name);
                }
            }
            dropped.forEach(ctx::dropSequence);
            return Results.command("DROP SEQUENCE", 0);
        };
    }

    /** Creates the sequences a new table's SERIAL and identity columns own. */
    static void createOwned(ExecutionContext ctx, List<SequenceDef> sequences) {
        for (SequenceDef s : sequences) {
            if (ctx.sequence(s.name()).isPresent() || ctx.table(s.name()).isPresent()) {
                throw new HeliosException(SqlState.DUPLICATE_TABLE, "relation \"" + s.name() + "\" already exists");
            }
            ctx.createSequence(s);
        }
    }

    static void dropOwned(ExecutionContext ctx, TableDef table) {
        ctx.ownedSequences(table.name()).forEach(ctx::dropSequence);
    }

    /** TRUNCATE ... RESTART IDENTITY: each owned sequence starts over at its START value. */
    static void restartOwned(ExecutionContext ctx, TableDef table) {
        for (SequenceDef s : ctx.ownedSequences(table.name())) {
            ctx.alterSequence(s, s.start());
        }
    }

    static HeliosException undefined(String name) {
        return new HeliosException(SqlState.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist");
    }
}
