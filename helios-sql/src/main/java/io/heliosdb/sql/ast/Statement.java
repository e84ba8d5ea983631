package io.heliosdb.sql.ast;

/** One SQL statement as written. */
public sealed interface Statement
        permits CreateTable, DropTable, Insert, Select, Update, Delete, TransactionStatement, SetVariable, ShowVariable {
}
