package io.heliosdb.sql.ast;

/** One SQL statement as written. */
public sealed interface Statement
        permits CreateTable, DropTable, CreateIndex, DropIndex, Truncate, Insert, Query, Update, Delete, TransactionStatement, SetVariable, ShowVariable, Explain,
                CreateSequence, AlterSequence, DropSequence, AlterTable, Copy, CursorStatement, RoleStatement, CreateView, AlterViewOptions, DropView, CommentOn,
                LockingQuery, SchemaStatement, DataModifyingWith, TypeStatement {
}
