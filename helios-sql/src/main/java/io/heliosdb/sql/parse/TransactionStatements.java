package io.heliosdb.sql.parse;

import io.heliosdb.sql.TransactionCommand;
import io.heliosdb.sql.TransactionControl;
import io.heliosdb.sql.ast.TransactionStatement;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.AccessModeContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.BeginStmtContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.DeferrableModeContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.IsolationLevelContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.IsolationModeContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.ReleaseStmtContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.RollbackToStmtContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.SavepointStmtContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.SetCharacteristicsStmtContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.SetTransactionStmtContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.TransactionModeContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.TransactionModesContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.TransactionStmtContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.VacuumStmtContext;

/** Savepoints, transaction modes (BEGIN ISOLATION LEVEL …, SET TRANSACTION …) and VACUUM / ANALYZE. */
final class TransactionStatements {
    private TransactionStatements() {
    }

    /** The statement, or null for plain BEGIN (without modes), COMMIT and ROLLBACK, which AstBuilder builds. */
    static TransactionStatement of(TransactionStmtContext ctx) {
        if (ctx instanceof BeginStmtContext b && b.transactionModes() != null) {
            return modes(TransactionCommand.BEGIN, b.transactionModes());
        } else if (ctx instanceof SavepointStmtContext s) {
            return named(TransactionCommand.SAVEPOINT, AstBuilder.identifier(s.identifier()));
        } else if (ctx instanceof RollbackToStmtContext r) {
            return named(TransactionCommand.ROLLBACK_TO_SAVEPOINT, AstBuilder.identifier(r.identifier()));
        } else if (ctx instanceof ReleaseStmtContext r) {
            return named(TransactionCommand.RELEASE_SAVEPOINT, AstBuilder.identifier(r.identifier()));
        } else if (ctx instanceof SetTransactionStmtContext s) {
            return modes(TransactionCommand.SET_TRANSACTION, s.transactionModes());
        } else if (ctx instanceof SetCharacteristicsStmtContext s) {
            return modes(TransactionCommand.SET_SESSION_CHARACTERISTICS, s.transactionModes());
        }
        return null;
    }

    static TransactionStatement vacuum(VacuumStmtContext ctx) {
        TransactionCommand command = ctx.VACUUM() != null ? TransactionCommand.VACUUM : TransactionCommand.ANALYZE;
        var parts = ctx.qualifiedName() == null ? null : ctx.qualifiedName().identifier();
        String table = parts == null ? null : AstBuilder.identifier(parts.get(parts.size() - 1));
        return named(command, table);
    }

    private static TransactionStatement named(TransactionCommand command, String name) {
        return new TransactionStatement(new TransactionControl(command, name, null, null));
    }

    /** Later modes win over earlier ones, as in PostgreSQL. */
    private static TransactionStatement modes(TransactionCommand command, TransactionModesContext ctx) {
        String isolation = null;
        Boolean readOnly = null;
        Boolean deferrable = null;
        for (TransactionModeContext mode : ctx.transactionMode()) {
            if (mode instanceof IsolationModeContext i) {
                isolation = isolation(i.isolationLevel());
            } else if (mode instanceof AccessModeContext a) {
                readOnly = a.ONLY() != null;
            } else if (mode instanceof DeferrableModeContext d) {
                // Only a SERIALIZABLE READ ONLY transaction waits for it (a safe snapshot), as in PostgreSQL.
                deferrable = d.NOT() == null;
            }
        }
        return new TransactionStatement(new TransactionControl(command, null, isolation, readOnly, deferrable));
    }

    private static String isolation(IsolationLevelContext ctx) {
        if (ctx.SERIALIZABLE() != null) {
            return "serializable";
        } else if (ctx.REPEATABLE() != null) {
            return "repeatable read";
        }
        return ctx.UNCOMMITTED() != null ? "read uncommitted" : "read committed";
    }
}
