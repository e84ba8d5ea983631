package io.heliosdb.sql.parse;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.ast.ColumnSpec;
import io.heliosdb.sql.ast.SequenceOptions;
import io.heliosdb.sql.ast.TypeName;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.*;
import java.util.List;

/** Sequence options, SERIAL type names and identity columns as the parse tree has them. */
final class SequenceSyntax {

    private SequenceSyntax() {
    }

    static SequenceOptions options(List<SequenceOptionContext> written, AstBuilder builder) {
        SqlType type = null;
        Long increment = null, min = null, max = null, start = null, cache = null, restartWith = null;
        boolean noMin = false, noMax = false, restart = false;
        Boolean cycle = null;
        for (SequenceOptionContext o : written) {
            if (o instanceof SeqAsTypeContext t) {
                type = TypeNames.builtin(t.typeName(), builder).type();
                if (type != SqlType.SMALLINT && type != SqlType.INTEGER && type != SqlType.BIGINT) {
                    throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE,
                            "sequence type must be smallint, integer, or bigint");
                }
            } else if (o instanceof SeqIncrementContext i) {
                increment = value(i.signedInteger());
            } else if (o instanceof SeqMinValueContext m) {
                min = value(m.signedInteger());
            } else if (o instanceof SeqMaxValueContext m) {
                max = value(m.signedInteger());
            } else if (o instanceof SeqNoOptionContext n) {
                noMin |= n.MINVALUE() != null;
                noMax |= n.MAXVALUE() != null;
                if (n.CYCLE() != null) {
                    cycle = false;
                }
            } else if (o instanceof SeqStartContext s) {
                start = value(s.signedInteger());
            } else if (o instanceof SeqRestartContext r) {
                restart = true;
                restartWith = r.signedInteger() == null ? null : value(r.signedInteger());
            } else if (o instanceof SeqCacheContext c) {
                cache = value(c.signedInteger());
            } else if (o instanceof SeqCycleContext) {
                cycle = true;
            }
        }
        return new SequenceOptions(type, increment, min, noMin, max, noMax, start, cache, cycle, restart, restartWith);
    }

    private static long value(SignedIntegerContext ctx) {
        String digits = (ctx.MINUS() != null ? "-" : "") + ctx.INTEGER_LITERAL().getText();
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new HeliosException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value \"" + digits
                    + "\" is out of range for type bigint");
        }
    }

    /** The integer type behind a SERIAL type name, or null when the name is no serial type. */
    static TypeName serialType(TypeNameContext ctx) {
        if (!(ctx instanceof NamedTypeContext n) || n.typeModifiers() != null) {
            return null;
        }
        return switch (AstBuilder.identifier(n.identifier())) {
            case "smallserial", "serial2" -> new TypeName(SqlType.SMALLINT, -1);
            case "serial", "serial4" -> new TypeName(SqlType.INTEGER, -1);
            case "bigserial", "serial8" -> new TypeName(SqlType.BIGINT, -1);
            default -> null;
        };
    }

    static ColumnSpec.Identity identity(IdentityConstraintContext ctx, AstBuilder builder) {
        return new ColumnSpec.Identity(ctx.ALWAYS() != null ? ColumnSpec.IdentityKind.ALWAYS
                : ColumnSpec.IdentityKind.BY_DEFAULT, options(ctx.sequenceOption(), builder));
    }
}
