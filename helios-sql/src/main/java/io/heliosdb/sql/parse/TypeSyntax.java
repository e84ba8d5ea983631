package io.heliosdb.sql.parse;

import io.heliosdb.sql.ast.TypeStatement;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.AlterTypeContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.CreateTypeContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.DropTypeContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.TypeFieldContext;
import java.util.ArrayList;
import java.util.List;

/** CREATE TYPE ... AS (...), DROP TYPE and ALTER TYPE ... RENAME TO: composite types. */
final class TypeSyntax {

    private TypeSyntax() {
    }

    static TypeStatement create(CreateTypeContext ctx, AstBuilder ast) {
        List<TypeStatement.Field> fields = new ArrayList<>();
        for (TypeFieldContext f : ctx.typeField()) {
            if (f.collationName() != null) {
                CatalogSyntax.checkCollation(f.collationName());
            }
            String name = AstBuilder.identifier(f.identifier());
            fields.add(new TypeStatement.Field(name, TypeNames.columnType(f.typeName(), ast, name)));
        }
        return new TypeStatement(TypeStatement.Kind.CREATE, List.of(ast.tableName(ctx.qualifiedName()).name()), fields,
                false, false, null);
    }

    static TypeStatement drop(DropTypeContext ctx, AstBuilder ast) {
        return new TypeStatement(TypeStatement.Kind.DROP,
                ctx.qualifiedName().stream().map(q -> ast.tableName(q).name()).toList(), List.of(), ctx.IF() != null,
                ctx.CASCADE() != null, null);
    }

    static TypeStatement rename(AlterTypeContext ctx, AstBuilder ast) {
        return new TypeStatement(TypeStatement.Kind.RENAME, List.of(ast.tableName(ctx.qualifiedName()).name()),
                List.of(), false, false, AstBuilder.identifier(ctx.identifier()));
    }
}
