package io.heliosdb.sql.parse;

import static io.heliosdb.sql.parse.AstBuilder.identifier;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.ast.ColumnSpec;
import io.heliosdb.sql.ast.CreateIndex;
import io.heliosdb.sql.ast.CreateTable;
import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.*;
import java.util.ArrayList;
import java.util.List;

/** Builds CREATE TABLE (columns and their constraints) and CREATE INDEX. */
final class DdlAst {
    private final AstBuilder ast;

    DdlAst(AstBuilder ast) {
        this.ast = ast;
    }

    CreateTable createTable(CreateTableContext ctx) {
        List<ColumnSpec> columns = new ArrayList<>();
        List<String> primaryKey = new ArrayList<>();
        List<io.heliosdb.sql.ast.TableConstraint> constraints = new ArrayList<>();
        ConstraintAst constraintAst = new ConstraintAst(ast);
        int tablePrimaryKeys = 0;
        for (TableElementContext element : ctx.tableElement()) {
            if (element.columnDef() != null) {
                columns.add(columnSpec(element.columnDef()));
                constraints.addAll(constraintAst.columnConstraints(element.columnDef()));
            } else {
                io.heliosdb.sql.ast.TableConstraint c = constraintAst.tableConstraint(element.tableConstraint());
                if (c instanceof io.heliosdb.sql.ast.TableConstraint.PrimaryKey pk) {
                    tablePrimaryKeys++;
                    primaryKey.addAll(pk.columns());
                    if (pk.name() != null) {
                        constraints.add(pk);
                    }
                } else {
                    constraints.add(c);
                }
            }
        }
        return new CreateTable(ast.tableName(ctx.qualifiedName()).name(), ctx.IF() != null, columns, primaryKey,
                tablePrimaryKeys, constraints);
    }

    CreateIndex createIndex(CreateIndexContext ctx) {
        if (ctx.method != null && !identifier(ctx.method).equals("btree")) {
            throw new HeliosException(SqlState.UNDEFINED_OBJECT, "access method \"" + identifier(ctx.method)
                    + "\" does not exist");
        }
        List<CreateIndex.Key> keys = new ArrayList<>();
        for (IndexKeyContext k : ctx.indexKey()) {
            keys.add(new CreateIndex.Key(identifier(k.identifier()), k.DESC() != null, k.getStart().getStartIndex()));
        }
        return new CreateIndex(ctx.name == null ? null : identifier(ctx.name), ast.tableName(ctx.qualifiedName()), keys,
                ctx.UNIQUE() != null, ctx.IF() != null);
    }

    ColumnSpec columnSpec(ColumnDefContext ctx) {
        boolean primaryKey = false;
        boolean notNull = false;
        Expr defaultExpr = null;
        String defaultText = null;
        io.heliosdb.sql.ast.TypeName serial = SequenceSyntax.serialType(ctx.typeName());
        ColumnSpec.Identity identity = serial == null ? null
                : new ColumnSpec.Identity(ColumnSpec.IdentityKind.SERIAL, io.heliosdb.sql.ast.SequenceOptions.NONE);
        for (ColumnConstraintContext c : ctx.columnConstraint()) {
            if (c instanceof IdentityConstraintContext i) {
                identity = SequenceSyntax.identity(i, ast);
            }
            if (c instanceof PkConstraintContext) {
                primaryKey = true;
            } else if (c instanceof NotNullConstraintContext) {
                notNull = true;
            } else if (c instanceof DefaultConstraintContext d) {
                defaultExpr = ast.expr(d.expr());
                defaultText = ast.text(d.expr());
            } else if (c instanceof CollateConstraintContext k) {
                CatalogSyntax.checkCollation(k.collationName());
            }
        }
        return new ColumnSpec(identifier(ctx.identifier()), serial != null ? serial
                : TypeNames.columnType(ctx.typeName(), ast, identifier(ctx.identifier())),
                primaryKey, notNull || primaryKey || identity != null, defaultExpr, defaultText, identity);
    }
}
