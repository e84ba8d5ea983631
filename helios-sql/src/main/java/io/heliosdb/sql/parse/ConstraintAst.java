package io.heliosdb.sql.parse;

import io.heliosdb.sql.ast.AlterTable;
import io.heliosdb.sql.ast.ColumnSpec;
import io.heliosdb.sql.ast.OnConflict;
import io.heliosdb.sql.ast.TableConstraint;
import io.heliosdb.sql.ast.TableName;
import io.heliosdb.sql.ast.Update;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.*;
import io.heliosdb.sql.schema.ConstraintDef;
import java.util.ArrayList;
import java.util.List;

/** Builds constraints, ALTER TABLE and ON CONFLICT from the parse tree (the rest of AstBuilder's DDL). */
final class ConstraintAst {
    private final AstBuilder ast;

    ConstraintAst(AstBuilder ast) {
        this.ast = ast;
    }

    /** The UNIQUE, CHECK and REFERENCES constraints written on one column. */
    List<TableConstraint> columnConstraints(ColumnDefContext ctx) {
        String column = AstBuilder.identifier(ctx.identifier());
        List<TableConstraint> out = new ArrayList<>();
        for (ColumnConstraintContext c : ctx.columnConstraint()) {
            if (c instanceof UniqueColumnConstraintContext u) {
                out.add(new TableConstraint.Unique(name(u.name), List.of(column)));
            } else if (c instanceof CheckColumnConstraintContext k) {
                out.add(new TableConstraint.Check(name(k.name), ast.expr(k.expr()), ast.text(k.expr()), column));
            } else if (c instanceof ReferencesConstraintContext r) {
                out.add(foreignKey(name(r.name), List.of(column), r.qualifiedName(), r.columnList(), r.referentialAction()));
            } else if (c instanceof PkConstraintContext p && p.CONSTRAINT() != null) {
                out.add(new TableConstraint.PrimaryKey(AstBuilder.identifier(p.identifier()), List.of(column)));
            }
        }
        return out;
    }

    TableConstraint tableConstraint(TableConstraintContext ctx) {
        if (ctx.PRIMARY() != null) {
            List<IdentifierContext> ids = ctx.identifier();
            String name = ctx.CONSTRAINT() != null ? AstBuilder.identifier(ids.get(0)) : null;
            List<String> columns = ids.subList(ctx.CONSTRAINT() != null ? 1 : 0, ids.size()).stream()
                    .map(AstBuilder::identifier).toList();
            return new TableConstraint.PrimaryKey(name, columns);
        }
        String name = name(ctx.name);
        if (ctx.UNIQUE() != null) {
            return new TableConstraint.Unique(name, columns(ctx.columnList(0)));
        }
        if (ctx.CHECK() != null) {
            return new TableConstraint.Check(name, ast.expr(ctx.expr()), ast.text(ctx.expr()), null);
        }
        return foreignKey(name, columns(ctx.columnList(0)), ctx.qualifiedName(), ctx.refColumns, ctx.referentialAction());
    }

    private TableConstraint.ForeignKey foreignKey(String name, List<String> columns, QualifiedNameContext ref,
                                                  ColumnListContext refColumns, List<ReferentialActionContext> actions) {
        ConstraintDef.Action onDelete = ConstraintDef.Action.NO_ACTION;
        ConstraintDef.Action onUpdate = ConstraintDef.Action.NO_ACTION;
        for (ReferentialActionContext a : actions) {
            ConstraintDef.Action action = a.CASCADE() != null ? ConstraintDef.Action.CASCADE
                    : a.RESTRICT() != null ? ConstraintDef.Action.RESTRICT
                    : a.NO() != null ? ConstraintDef.Action.NO_ACTION
                    : a.NULL() != null ? ConstraintDef.Action.SET_NULL : ConstraintDef.Action.SET_DEFAULT;
            if (a.DELETE() != null) {
                onDelete = action;
            } else {
                onUpdate = action;
            }
        }
        return new TableConstraint.ForeignKey(name, columns, refName(ref),
                refColumns == null ? List.of() : columns(refColumns), onDelete, onUpdate);
    }

    private static TableName refName(QualifiedNameContext ctx) {
        String name = AstBuilder.identifier(ctx.identifier(ctx.identifier().size() - 1));
        if (ctx.identifier().size() == 2) {
            // REFERENCES s.t: looked up in that schema (public.t too, without search_path)
            name = AstBuilder.identifier(ctx.identifier(0)) + "." + name;
        }
        return new TableName(name, null, ctx.getStart().getStartIndex());
    }

    static List<String> columns(ColumnListContext ctx) {
        return ctx.identifier().stream().map(AstBuilder::identifier).toList();
    }

    private static String name(IdentifierContext ctx) {
        return ctx == null ? null : AstBuilder.identifier(ctx);
    }

    AlterTable alterTable(AlterTableContext ctx, TableName table) {
        List<AlterTable.Action> actions = new ArrayList<>();
        for (AlterActionContext a : ctx.alterAction()) {
            actions.add(action(a));
        }
        return new AlterTable(table, ctx.IF() != null, actions);
    }

    private AlterTable.Action action(AlterActionContext a) {
        if (a instanceof AddConstraintActionContext c) {
            return new AlterTable.AddConstraint(tableConstraint(c.tableConstraint()));
        } else if (a instanceof AddColumnActionContext c) {
            ColumnSpec spec = ast.columnSpecOf(c.columnDef());
            List<TableConstraint> constraints = new ArrayList<>(columnConstraints(c.columnDef()));
            if (spec.primaryKey()) {
                constraints.add(0, new TableConstraint.PrimaryKey(null, List.of(spec.name())));
            }
            return new AlterTable.AddColumn(spec, constraints, c.IF() != null);
        } else if (a instanceof DropConstraintActionContext c) {
            return new AlterTable.DropConstraint(AstBuilder.identifier(c.identifier()), c.IF() != null);
        } else if (a instanceof DropColumnActionContext c) {
            return new AlterTable.DropColumn(AstBuilder.identifier(c.identifier()), c.IF() != null);
        } else if (a instanceof RenameTableActionContext c) {
            return new AlterTable.RenameTable(AstBuilder.identifier(c.identifier()));
        } else if (a instanceof RenameColumnActionContext c) {
            return new AlterTable.RenameColumn(AstBuilder.identifier(c.identifier(0)), AstBuilder.identifier(c.identifier(1)));
        } else if (a instanceof SetDefaultActionContext c) {
            return new AlterTable.SetDefault(AstBuilder.identifier(c.identifier()), ast.expr(c.expr()), ast.text(c.expr()));
        } else if (a instanceof DropDefaultActionContext c) {
            return new AlterTable.SetDefault(AstBuilder.identifier(c.identifier()), null, null);
        } else if (a instanceof SetNotNullActionContext c) {
            return new AlterTable.SetNotNull(AstBuilder.identifier(c.identifier()), true);
        } else if (a instanceof DropNotNullActionContext c) {
            return new AlterTable.SetNotNull(AstBuilder.identifier(c.identifier()), false);
        }
        AlterTypeActionContext c = (AlterTypeActionContext) a;
        if (c.collationName() != null) {
            // Collations are accepted (and do not change comparisons), as in column definitions.
            CatalogSyntax.checkCollation(c.collationName());
        }
        return new AlterTable.AlterType(AstBuilder.identifier(c.identifier()),
                TypeNames.columnType(c.typeName(), ast, AstBuilder.identifier(c.identifier())),
                c.expr() == null ? null : ast.expr(c.expr()));
    }

    OnConflict onConflict(OnConflictContext ctx) {
        if (ctx == null) {
            return null;
        }
        List<Update.Assignment> assignments = MultiAssignments.of(ctx.assignment(), ast);
        return new OnConflict(ctx.columnList() == null ? List.of() : columns(ctx.columnList()),
                ctx.identifier() == null ? null : AstBuilder.identifier(ctx.identifier()), ctx.UPDATE() != null,
                assignments, ctx.expr() == null ? null : ast.expr(ctx.expr()));
    }
}
