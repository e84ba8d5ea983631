/*
 * The PostgreSQL dialect understood by HeliosDB Lite. The grammar only builds a parse tree;
 * io.heliosdb.sql.parse.AstBuilder turns it into io.heliosdb.sql.ast records.
 */
grammar PostgreSql;

options { caseInsensitive = true; }

script : statement? (SEMI statement?)* EOF ;

standaloneExpr : expr EOF ;

statement
    : createTable
    | dropTable
    | createIndex
    | dropIndex
    | truncateStmt
    | insertStmt
    | selectStmt lockingTail?
    | updateStmt
    | deleteStmt
    | transactionStmt
    | setStmt
    | showStmt
    | explainStmt
    | createSequence
    | alterSequence
    | dropSequence
    | alterTable
    | copyStmt
    | cursorStmt
    | vacuumStmt
    | createRole
    | alterRole
    | dropRole
    | grantRole
    | createView
    | alterView
    | dropView
    | commentStmt
    | createSchema
    | dropSchema
    | createType
    | dropType
    | alterType
    ;

// EXPLAIN [ANALYZE] or EXPLAIN (option [value], ...): options other than ANALYZE change nothing here.
explainStmt
    : EXPLAIN (ANALYZE | LPAREN explainOption (COMMA explainOption)* RPAREN)? statement
    ;
explainOption : (ANALYZE | identifier) (identifier | TRUE | FALSE | ON | INTEGER_LITERAL)? ;

// ---------------------------------------------------------------- DDL

createTable
    : CREATE TABLE (IF NOT EXISTS)? qualifiedName LPAREN tableElement (COMMA tableElement)* RPAREN
      storageParameters?
    ;

// WITH (fillfactor = 90, ...): accepted and ignored, there are no heap pages to fill.
storageParameters : WITH LPAREN storageParameter (COMMA storageParameter)* RPAREN ;
storageParameter : identifier (EQ expr)? ;

tableElement
    : columnDef
    | tableConstraint
    ;

columnDef : identifier typeName columnConstraint* ;

columnConstraint
    : (CONSTRAINT identifier)? PRIMARY KEY   # pkConstraint
    | NOT NULL                               # notNullConstraint
    | NULL                                   # nullConstraint
    | DEFAULT expr                           # defaultConstraint
    | GENERATED (ALWAYS | BY DEFAULT) AS IDENTITY (LPAREN sequenceOption* RPAREN)?   # identityConstraint
    | (CONSTRAINT name=identifier)? UNIQUE   # uniqueColumnConstraint
    | (CONSTRAINT name=identifier)? CHECK LPAREN expr RPAREN   # checkColumnConstraint
    | (CONSTRAINT name=identifier)? REFERENCES qualifiedName columnList? referentialAction*   # referencesConstraint
    | COLLATE collationName                  # collateConstraint
    ;

tableConstraint
    : (CONSTRAINT identifier)? PRIMARY KEY LPAREN identifier (COMMA identifier)* RPAREN
    | (CONSTRAINT name=identifier)? UNIQUE columnList
    | (CONSTRAINT name=identifier)? CHECK LPAREN expr RPAREN
    | (CONSTRAINT name=identifier)? FOREIGN KEY columnList REFERENCES qualifiedName refColumns=columnList?
      referentialAction*
    ;

columnList : LPAREN identifier (COMMA identifier)* RPAREN ;

referentialAction
    : ON (DELETE | UPDATE) (CASCADE | RESTRICT | NO ACTION | SET NULL | SET DEFAULT)
    ;

alterTable : ALTER TABLE (IF EXISTS)? qualifiedName alterAction (COMMA alterAction)* ;

alterAction
    : ADD tableConstraint                                                   # addConstraintAction
    | ADD COLUMN? (IF NOT EXISTS)? columnDef                                # addColumnAction
    | DROP CONSTRAINT (IF EXISTS)? identifier (CASCADE | RESTRICT)?         # dropConstraintAction
    | DROP COLUMN? (IF EXISTS)? identifier (CASCADE | RESTRICT)?            # dropColumnAction
    | RENAME TO identifier                                                  # renameTableAction
    | RENAME COLUMN? identifier TO identifier                               # renameColumnAction
    | ALTER COLUMN? identifier SET DEFAULT expr                             # setDefaultAction
    | ALTER COLUMN? identifier DROP DEFAULT                                 # dropDefaultAction
    | ALTER COLUMN? identifier SET NOT NULL                                 # setNotNullAction
    | ALTER COLUMN? identifier DROP NOT NULL                                # dropNotNullAction
    | ALTER COLUMN? identifier (SET DATA)? TYPE typeName (COLLATE collationName)? (USING expr)?   # alterTypeAction
    ;

typeName
    : DOUBLE PRECISION                                   # doubleType
    | CHARACTER VARYING typeModifiers?                   # varyingType
    | TIMESTAMP typeModifiers? ((WITHOUT | WITH) TIME ZONE)?   # timestampType
    | TIME typeModifiers? (WITHOUT | WITH) TIME ZONE           # timeType
    | INTERVAL (typeModifiers | intervalFields)?         # intervalType
    | schemaPrefix? identifier typeModifiers?            # namedType
    | typeName LBRACKET INTEGER_LITERAL? RBRACKET        # arrayType
    ;

typeModifiers : LPAREN INTEGER_LITERAL (COMMA INTEGER_LITERAL)? RPAREN ;

// An interval qualifier (io.heliosdb.sql.parse.TypeNames): the fields a value keeps.
intervalFields
    : YEAR (TO MONTH)?
    | MONTH
    | DAY (TO (HOUR | MINUTE | intervalSecond))?
    | HOUR (TO (MINUTE | intervalSecond))?
    | MINUTE (TO intervalSecond)?
    | intervalSecond
    ;

intervalSecond : SECOND typeModifiers? ;

// Views (io.heliosdb.sql.parse.ViewSyntax): the body's text is kept as written.
createView : CREATE (OR REPLACE)? VIEW qualifiedName (LPAREN identifier (COMMA identifier)* RPAREN)? storageParameters?
    AS selectStmt viewCheckOption? ;
// WITH [LOCAL | CASCADED] CHECK OPTION: the words are checked by io.heliosdb.sql.parse.ViewOptions.
viewCheckOption : WITH kind=identifier? CHECK option=identifier ;
// ALTER VIEW v SET (check_option = ...) | RESET (check_option) (io.heliosdb.sql.parse.ViewOptions).
alterView : ALTER VIEW (IF EXISTS)? qualifiedName (SET | RESET) LPAREN storageParameter (COMMA storageParameter)* RPAREN ;
dropView : DROP VIEW (IF EXISTS)? qualifiedName (COMMA qualifiedName)* (CASCADE | RESTRICT)? ;

// COMMENT ON ... IS 'text' | NULL (io.heliosdb.sql.parse.ViewSyntax).
commentStmt
    : COMMENT ON kind=(TABLE | VIEW | SEQUENCE) qualifiedName IS (STRING | NULL)
    | COMMENT ON SCHEMA identifier IS (STRING | NULL)
    | COMMENT ON COLUMN identifier DOT identifier (DOT identifier)? IS (STRING | NULL)
    ;

// Composite types (io.heliosdb.sql.parse.TypeSyntax).
createType : CREATE TYPE qualifiedName AS LPAREN (typeField (COMMA typeField)*)? RPAREN ;
typeField : identifier typeName (COLLATE collationName)? ;
dropType : DROP TYPE (IF EXISTS)? qualifiedName (COMMA qualifiedName)* (CASCADE | RESTRICT)? ;
alterType : ALTER TYPE qualifiedName RENAME TO identifier ;

createSchema : CREATE SCHEMA (IF NOT EXISTS)? identifier ;
dropSchema : DROP SCHEMA (IF EXISTS)? identifier (COMMA identifier)* (CASCADE | RESTRICT)? ;

dropTable : DROP TABLE (IF EXISTS)? qualifiedName (COMMA qualifiedName)* (CASCADE | RESTRICT)? ;

createIndex
    : CREATE UNIQUE? INDEX (IF NOT EXISTS)? name=identifier? ON qualifiedName (USING method=identifier)?
      LPAREN indexKey (COMMA indexKey)* RPAREN
    ;

indexKey : identifier (ASC | DESC)? (NULLS (FIRST | LAST))? ;

dropIndex : DROP INDEX (IF EXISTS)? qualifiedName (COMMA qualifiedName)* (CASCADE | RESTRICT)? ;

// ---------------------------------------------------------------- sequences

createSequence : CREATE SEQUENCE (IF NOT EXISTS)? qualifiedName sequenceOption* ;

alterSequence : ALTER SEQUENCE (IF EXISTS)? qualifiedName sequenceOption+ ;

dropSequence : DROP SEQUENCE (IF EXISTS)? qualifiedName (COMMA qualifiedName)* (CASCADE | RESTRICT)? ;

sequenceOption
    : AS typeName                               # seqAsType
    | INCREMENT BY? signedInteger               # seqIncrement
    | MINVALUE signedInteger                    # seqMinValue
    | MAXVALUE signedInteger                    # seqMaxValue
    | NO (MINVALUE | MAXVALUE | CYCLE)          # seqNoOption
    | START WITH? signedInteger                 # seqStart
    | RESTART (WITH? signedInteger)?            # seqRestart
    | CACHE signedInteger                       # seqCache
    | CYCLE                                     # seqCycle
    ;

signedInteger : MINUS? INTEGER_LITERAL ;

truncateStmt
    : TRUNCATE TABLE? qualifiedName (COMMA qualifiedName)* ((RESTART | CONTINUE) IDENTITY)? (CASCADE | RESTRICT)?
    ;

// ---------------------------------------------------------------- DML

insertStmt
    : withClause? INSERT INTO qualifiedName (AS alias=identifier)? (LPAREN identifier (COMMA identifier)* RPAREN)?
      overridingClause?
      insertSource onConflict? returningClause?
    ;

onConflict
    : ON CONFLICT (columnList | ON CONSTRAINT identifier)?
      DO (NOTHING | UPDATE SET assignment (COMMA assignment)* (WHERE expr)?)
    ;

overridingClause : OVERRIDING (SYSTEM | identifier) VALUE ;

insertSource
    : selectStmt                            # querySource
    | DEFAULT VALUES                        # defaultValuesSource
    ;

valuesRow : LPAREN valueItem (COMMA valueItem)* RPAREN ;

valueItem
    : DEFAULT
    | expr
    ;

updateStmt
    : withClause? UPDATE qualifiedName (AS? alias=identifier)? SET assignment (COMMA assignment)*
      (FROM fromItem (COMMA fromItem)*)? (WHERE (currentOf | expr))? returningClause?
    ;

assignment
    : identifier EQ valueItem
    | multiAssignment
    ;

// SET (a, b) = (x, y) | ROW(x, y) | (SELECT ...); any other source is refused (io.heliosdb.sql.parse.MultiAssignments).
multiAssignment
    : LPAREN identifier (COMMA identifier)* RPAREN EQ
      (ROW? valuesRow | LPAREN selectStmt RPAREN | expr)
    ;

deleteStmt
    : withClause? DELETE FROM qualifiedName (AS? alias=identifier)? (USING fromItem (COMMA fromItem)*)?
      (WHERE (currentOf | expr))? returningClause?
    ;

// UPDATE/DELETE ... WHERE CURRENT OF cursor: the row the cursor is on.
currentOf : CURRENT OF identifier ;

returningClause : RETURNING selectItem (COMMA selectItem)* ;

selectStmt : withClause? queryExpr orderByClause? limitClause? ;

// SELECT ... FOR UPDATE | NO KEY UPDATE | SHARE | KEY SHARE [OF t, ...] [NOWAIT | SKIP LOCKED], repeatable;
// as in PostgreSQL the LIMIT may also follow the locking clauses.
lockingTail : lockingClause+ limitClause? ;

lockingClause
    : FOR (UPDATE | NO KEY UPDATE | SHARE | KEY SHARE) (OF qualifiedName (COMMA qualifiedName)*)?
      (NOWAIT | SKIP_P LOCKED)?
    ;

withClause : WITH RECURSIVE? commonTable (COMMA commonTable)* ;

// AS [NOT] MATERIALIZED: the word is checked by io.heliosdb.sql.parse.SharedCommonTables.
// A data-modifying statement in WITH runs once before its statement (io.heliosdb.sql.parse.ModifyingCommonTables).
commonTable : name=identifier (LPAREN identifier (COMMA identifier)* RPAREN)? AS (NOT? materialized=identifier)?
    LPAREN (selectStmt lockingTail? | insertStmt | updateStmt | deleteStmt) RPAREN ;

// INTERSECT binds tighter than UNION and EXCEPT, which group left to right.
queryExpr
    : queryPrimary                                                  # primaryQuery
    | queryExpr INTERSECT (ALL | DISTINCT)? queryExpr               # intersectQuery
    | queryExpr op=(UNION | EXCEPT) (ALL | DISTINCT)? queryExpr     # unionQuery
    ;

queryPrimary
    : selectCore                                # coreQuery
    | VALUES valuesRow (COMMA valuesRow)*       # valuesQuery
    | LPAREN selectStmt RPAREN                  # parenQuery
    ;

selectCore
    : SELECT (DISTINCT distinctOn? | ALL)? selectItem (COMMA selectItem)*
      (FROM fromItem (COMMA fromItem)*)?
      (WHERE where=expr)?
      (GROUP BY groupItem (COMMA groupItem)*)?
      (HAVING having=expr)?
      (WINDOW windowDef (COMMA windowDef)*)?
    ;

groupItem
    : LPAREN RPAREN                                                 # emptyGroup
    | GROUPING SETS LPAREN groupItem (COMMA groupItem)* RPAREN      # groupingSetsGroup
    | kind=(ROLLUP | CUBE) LPAREN groupItem (COMMA groupItem)* RPAREN   # rollupGroup
    | LPAREN expr (COMMA expr)+ RPAREN                              # rowGroup
    | expr                                                          # exprGroup
    ;

windowDef : identifier AS windowSpec ;

windowSpec : LPAREN base=identifier? (PARTITION BY expr (COMMA expr)*)? orderByClause? frameClause? RPAREN ;

frameClause : unit=(ROWS | RANGE) (start=frameBound | BETWEEN start=frameBound AND end=frameBound) ;

frameBound
    : UNBOUNDED (PRECEDING | FOLLOWING)
    | CURRENT ROW
    | valueExpr (PRECEDING | FOLLOWING)
    ;

filterClause : FILTER LPAREN WHERE expr RPAREN ;

overClause : OVER (windowSpec | identifier) ;

distinctOn : ON LPAREN expr (COMMA expr)* RPAREN ;

orderByClause : ORDER BY orderItem (COMMA orderItem)* ;

limitClause
    : LIMIT (limit=expr | ALL) (OFFSET offset=expr (ROW | ROWS)?)?
    | OFFSET offset=expr (ROW | ROWS)? (LIMIT (limit=expr | ALL) | fetchClause)?
    | fetchClause (OFFSET offset=expr (ROW | ROWS)?)?
    ;

// The SQL standard's spelling of LIMIT; the count defaults to one row.
fetchClause : FETCH (FIRST | NEXT) count=valueExpr? (ROW | ROWS) ONLY ;

selectItem
    : STAR                              # allColumns
    | identifier DOT STAR               # tableColumns
    | LPAREN expr RPAREN DOT STAR       # compositeColumns
    | expr (AS? identifier)?            # exprItem
    ;

fromItem
    : tableRef                                              # tableFrom
    // Joins are left-associative at one level, as in PostgreSQL. ANTLR ranks alternatives, so joins without
    // a qualifier come first (their right operand is then a single item: a CROSS JOIN b JOIN c ON .. is
    // (a CROSS JOIN b) JOIN c ON ..), and ON and USING share one alternative.
    | fromItem (CROSS | NATURAL joinType?) JOIN fromItem    # crossJoinFrom
    | fromItem joinType? JOIN fromItem
      (ON expr | USING LPAREN identifier (COMMA identifier)* RPAREN)   # joinFrom
    | LPAREN selectStmt lockingTail? RPAREN AS? alias=identifier
      (LPAREN identifier (COMMA identifier)* RPAREN)?       # subqueryFrom
    | LPAREN fromItem RPAREN                                # parenFrom
    | LATERAL LPAREN selectStmt RPAREN AS? alias=identifier
      (LPAREN identifier (COMMA identifier)* RPAREN)?       # lateralSubqueryFrom
    | LATERAL? schemaPrefix? fn=identifier LPAREN (expr (COMMA expr)*)? RPAREN (WITH ORDINALITY)?
      (AS? alias=identifier (LPAREN identifier (COMMA identifier)* RPAREN)?)?   # functionFrom
    | LATERAL? ROWS FROM LPAREN expr (COMMA expr)* RPAREN (WITH ORDINALITY)?
      (AS? alias=identifier (LPAREN identifier (COMMA identifier)* RPAREN)?)?   # rowsFromFrom
    ;

joinType : INNER | (LEFT | RIGHT | FULL) OUTER? ;

// t AS x(a, b): column aliases rename the table's first columns
tableRef : qualifiedName (AS? identifier (LPAREN identifier (COMMA identifier)* RPAREN)?)? ;

orderItem : expr (ASC | DESC)? (NULLS (FIRST | LAST))? ;

// ---------------------------------------------------------------- session

transactionStmt
    : BEGIN (WORK | TRANSACTION)? transactionModes?             # beginStmt
    | START TRANSACTION transactionModes?                       # beginStmt
    | (COMMIT | END) (WORK | TRANSACTION)?                      # commitStmt
    | (ROLLBACK | ABORT) (WORK | TRANSACTION)?                  # rollbackStmt
    | SAVEPOINT identifier                                      # savepointStmt
    | (ROLLBACK | ABORT) (WORK | TRANSACTION)? TO SAVEPOINT? identifier   # rollbackToStmt
    | RELEASE SAVEPOINT? identifier                             # releaseStmt
    | SET TRANSACTION transactionModes                          # setTransactionStmt
    | SET SESSION CHARACTERISTICS AS TRANSACTION transactionModes   # setCharacteristicsStmt
    ;

transactionModes : transactionMode (COMMA? transactionMode)* ;

transactionMode
    : ISOLATION LEVEL isolationLevel    # isolationMode
    | READ (ONLY | WRITE)               # accessMode
    | NOT? DEFERRABLE                   # deferrableMode
    ;

isolationLevel : READ COMMITTED | READ UNCOMMITTED | REPEATABLE READ | SERIALIZABLE ;

// VACUUM [FULL] [VERBOSE] [ANALYZE] [table], VACUUM (options) [table], ANALYZE [VERBOSE] [table].
vacuumStmt
    : VACUUM (LPAREN explainOption (COMMA explainOption)* RPAREN | FULL? VERBOSE? ANALYZE?) qualifiedName?
    | ANALYZE VERBOSE? qualifiedName?
    ;

setStmt
    : SET (SESSION | LOCAL)? settingName (EQ | TO) setValue (COMMA setValue)*   # setVariable
    | SET (SESSION | LOCAL)? TIME ZONE setValue                                 # setTimeZone
    | RESET settingName                                                         # resetVariable
    // SET ROLE / SET SESSION AUTHORIZATION (io.heliosdb.sql.parse.RoleSwitchSyntax checks the word)
    | SET (SESSION | LOCAL)? ROLE setValue                                      # setRole
    | SET (SESSION | LOCAL)? SESSION auth=identifier setValue                   # setSessionAuthorization
    | RESET SESSION auth=identifier                                             # resetSessionAuthorization
    ;

settingName : identifier (DOT identifier)* ;

setValue
    : STRING
    | MINUS? (INTEGER_LITERAL | DECIMAL_LITERAL)
    | identifier
    | ON
    | TRUE
    | FALSE
    | DEFAULT
    ;

showStmt
    : SHOW settingName      # showVariable
    | SHOW TIME ZONE        # showTimeZone
    ;

// ---------------------------------------------------------------- COPY and cursors

// Option names and STDIN/STDOUT stay identifiers (checked in AstBuilder) so they remain usable as names.
copyStmt
    : COPY qualifiedName (LPAREN identifier (COMMA identifier)* RPAREN)? (FROM | TO) copyTarget copyOptions?
      (WHERE where=expr)?
    | COPY LPAREN selectStmt RPAREN TO copyTarget copyOptions?
    ;
copyTarget : identifier | STRING ;
copyOptions
    : WITH? LPAREN copyOption (COMMA copyOption)* RPAREN
    | WITH? copyLegacyOption+
    ;
copyOption
    : (identifier | NULL) (identifier | STRING | TRUE | FALSE | ON | INTEGER_LITERAL)?
    | identifier (STAR | LPAREN identifier (COMMA identifier)* RPAREN)
    ;
copyLegacyOption : (identifier | NULL) AS? STRING? ;

cursorStmt
    : DECLARE name=identifier cursorOption* CURSOR ((WITH | WITHOUT) hold=identifier)? FOR selectStmt lockingTail?  # declareCursor
    | (FETCH | MOVE) direction=identifier? (MINUS? INTEGER_LITERAL | ALL)? (FROM | IN)? name=identifier  # fetchCursor
    | CLOSE (name=identifier | ALL)                                                                       # closeCursor
    ;
cursorOption : identifier ;

// ---------------------------------------------------------------- expressions

expr
    : NOT expr              # notExpr
    | expr AND expr         # andExpr
    | expr OR expr          # orExpr
    | predicate             # predicateExpr
    ;

// The operand comes first once, so choosing the alternative needs only the tokens after it (a
// subquery-heavy operand would otherwise be rescanned for every alternative).
predicate : valueExpr predicateSuffix? ;

predicateSuffix
    : IS NOT? NULL                                          # isNullPredicate
    | IS NOT? truth=(TRUE | FALSE | UNKNOWN)                # isTruthPredicate
    | IS NOT? DISTINCT FROM valueExpr                       # distinctPredicate
    | NOT? BETWEEN range=(SYMMETRIC | ASYMMETRIC)? valueExpr AND valueExpr   # betweenPredicate
    | NOT? IN LPAREN selectStmt lockingTail? RPAREN         # inSubqueryPredicate
    | NOT? IN LPAREN expr (COMMA expr)* RPAREN              # inPredicate
    | NOT? (LIKE | ILIKE) valueExpr (ESCAPE escape=valueExpr)?   # likePredicate
    | NOT? SIMILAR TO valueExpr                             # similarPredicate
    | op=(TILDE | NOT_TILDE | TILDE_STAR | NOT_TILDE_STAR) valueExpr   # regexPredicate
    | OPERATOR LPAREN schemaPrefix? op=(TILDE | NOT_TILDE | TILDE_STAR | NOT_TILDE_STAR | EQ | NEQ | LT | LTE | GT | GTE)
      RPAREN valueExpr                                      # operatorPredicate
    | op=(EQ | NEQ | LT | LTE | GT | GTE) quantifier=(ANY | SOME | ALL)
      LPAREN selectStmt lockingTail? RPAREN                 # quantifiedPredicate
    | op=(EQ | NEQ | LT | LTE | GT | GTE) quantifier=(ANY | SOME | ALL)
      LPAREN expr RPAREN                                    # quantifiedArrayPredicate
    | op=(EQ | NEQ | LT | LTE | GT | GTE) valueExpr         # comparePredicate
    ;

valueExpr
    : primary                                          # primaryValue
    | valueExpr LBRACKET expr RBRACKET                 # subscriptValue
    | valueExpr LBRACKET lower=expr? COLON upper=expr? RBRACKET   # sliceValue
    | valueExpr DOUBLE_COLON typeName                  # castValue
    | valueExpr COLLATE collationName                  # collateValue
    | op=(MINUS | PLUS) valueExpr                      # unaryValue
    | valueExpr AT TIME ZONE valueExpr                 # atTimeZoneValue
    | <assoc=left> valueExpr CARET valueExpr           # powerValue
    | valueExpr op=(STAR | SLASH | PERCENT) valueExpr  # mulValue
    | valueExpr op=(PLUS | MINUS) valueExpr            # addValue
    // PostgreSQL gives || and the JSON/array operators one precedence ("any other operator"), left to right.
    | valueExpr op=(CONCAT | ARROW | DOUBLE_ARROW | HASH_ARROW | HASH_DOUBLE_ARROW | CONTAINS | CONTAINED_BY
                  | QUESTION | QUESTION_PIPE | QUESTION_AMP | OVERLAPS | AMP | PIPE) valueExpr    # jsonArrayOpValue
    ;

primary
    : INTEGER_LITERAL                                                  # integerLiteral
    | DECIMAL_LITERAL                                                  # decimalLiteral
    | STRING                                                           # stringLiteral
    | ESCAPE_STRING                                                    # escapeStringLiteral
    | (TRUE | FALSE)                                                   # booleanLiteral
    | NULL                                                             # nullLiteral
    | PARAM                                                            # paramRef
    | CAST LPAREN expr AS typeName RPAREN                              # castExpr
    | CASE operand=expr? whenClause+ (ELSE elseExpr=expr)? END         # caseExpr
    | (CURRENT_DATE | CURRENT_TIMESTAMP | LOCALTIMESTAMP | CURRENT_TIME | LOCALTIME)
      (LPAREN precision=INTEGER_LITERAL RPAREN)?                       # currentTime
    | (CURRENT_USER | SESSION_USER | CURRENT_ROLE | USER | CURRENT_CATALOG)   # currentUser
    | INTERVAL typeModifiers? STRING intervalFields?                   # intervalLiteral
    | typeName STRING                                                  # typedLiteral
    | LPAREN selectStmt lockingTail? RPAREN (DOT field=identifier)?   # scalarSubquery
    | EXISTS LPAREN selectStmt lockingTail? RPAREN                     # existsSubquery
    | ARRAY arrayBody                                                  # arrayConstructor
    | ARRAY LPAREN selectStmt lockingTail? RPAREN                      # arraySubquery
    | functionName LPAREN trimSide=(BOTH | LEADING | TRAILING)? (first=expr? FROM from=expr (FOR count=expr)?) RPAREN   # keywordArgsCall
    | functionName LPAREN needle=valueExpr IN haystack=valueExpr RPAREN   # positionCall
    | functionName LPAREN target=expr PLACING placing=expr FROM from=expr (FOR count=expr)? RPAREN   # overlayCall
    | functionName LPAREN (STAR | (DISTINCT | ALL)? expr (COMMA expr)* orderByClause?)? RPAREN
      filterClause? overClause?                                        # functionCall
    | identifier (DOT identifier)?                                     # columnRef
    | LPAREN expr RPAREN DOT identifier                                # fieldSelect
    | LPAREN identifier DOT STAR RPAREN DOT identifier                 # wholeRowField
    | LPAREN expr RPAREN                                               # parenExpr
    | LPAREN expr (COMMA expr)+ RPAREN                                 # rowValue
    ;

whenClause : WHEN expr THEN expr ;

// ARRAY[[1,2],[3,4]]: inner brackets without ARRAY are sub-arrays.
arrayBody : LBRACKET (arrayItem (COMMA arrayItem)*)? RBRACKET ;

arrayItem : expr | arrayBody ;

// left() and right() are functions although LEFT and RIGHT are join keywords.
functionName : schemaPrefix? (identifier | LEFT | RIGHT) ;

// pg_catalog.f(), pg_catalog.int4: clients qualify built-in names with their schema.
// ---------------------------------------------------------------- roles

createRole : CREATE (ROLE | USER) identifier WITH? roleOption* ;

alterRole : ALTER (ROLE | USER) identifier (WITH? roleOption+ | RENAME TO newName=identifier) ;

dropRole : DROP (ROLE | USER) (IF EXISTS)? identifier (COMMA identifier)* ;

// LOGIN, NOSUPERUSER, PASSWORD 'x', PASSWORD NULL, ENCRYPTED PASSWORD 'x', CONNECTION LIMIT n, VALID UNTIL 'ts',
// IN ROLE a, b, ROLE a, b: one word at a time, put together (and checked) by the AST builder.
roleOption : identifier | STRING | NULL | MINUS? INTEGER_LITERAL | IN | LIMIT | GROUP | USER | COMMA ;

// GRANT role TO role / REVOKE role FROM role: role membership (pg_auth_members).
grantRole
    : GRANT identifier (COMMA identifier)* TO identifier (COMMA identifier)* (WITH identifier identifier)?   # grantMembership
    | REVOKE identifier (COMMA identifier)* FROM identifier (COMMA identifier)*                            # revokeMembership
    ;

schemaPrefix : identifier DOT ;

// COLLATE pg_catalog.default (DEFAULT is a keyword): collations are accepted and do not change comparisons.
collationName : schemaPrefix? (identifier | DEFAULT) ;

qualifiedName : identifier (DOT identifier)? ;

identifier
    : IDENTIFIER
    | QUOTED_IDENTIFIER
    | nonReserved
    ;

// Keywords PostgreSQL lets you use as names.
nonReserved
    : ABORT | CASCADE | CHARACTER | COMMIT | DOUBLE | FIRST | IF | KEY | LAST | LOCAL | NULLS
    | PRECISION | RESTRICT | ROLLBACK | ROW | ROWS | SESSION | SHOW | START | TIME | TIMESTAMP
    | TRANSACTION | VALUES | VARYING | WITHOUT | WORK | ZONE | BEGIN | EXISTS | INDEX | RECURSIVE | NEXT
    | RESTART | CONTINUE | IDENTITY | UNKNOWN | PARTITION | FILTER | UNBOUNDED | PRECEDING | FOLLOWING
    | CURRENT | RANGE | OVER | GROUPING | SETS | ROLLUP | CUBE | EXPLAIN | ANALYZE
    | SEQUENCE | ALTER | INCREMENT | MINVALUE | MAXVALUE | CACHE | CYCLE | NO | GENERATED | ALWAYS
    | OVERRIDING | SYSTEM | VALUE
    | ACTION | ADD | CONFLICT | DATA | NOTHING | RENAME | TYPE
    | COPY | DECLARE | CURSOR | MOVE | CLOSE
    | SAVEPOINT | RELEASE | CHARACTERISTICS | ISOLATION | LEVEL | READ | COMMITTED | UNCOMMITTED
    | REPEATABLE | SERIALIZABLE | WRITE | DEFERRABLE | VACUUM | VERBOSE
    | ORDINALITY | ESCAPE
    | ROLE
    | VIEW | REPLACE | COMMENT | SCHEMA | RESET
    | SHARE | NOWAIT | SKIP_P | LOCKED | OF
    | AT
    | INTERVAL | YEAR | MONTH | DAY | HOUR | MINUTE | SECOND
    ;

// ---------------------------------------------------------------- lexer

ABORT : 'ABORT';
GRANT : 'GRANT';
REVOKE : 'REVOKE';
VIEW : 'VIEW';
COMMENT : 'COMMENT';
SCHEMA : 'SCHEMA';
RESET : 'RESET';
REPLACE : 'REPLACE';
ACTION : 'ACTION';
ADD : 'ADD';
ALTER : 'ALTER';
ARRAY : 'ARRAY';
AT : 'AT';
ALWAYS : 'ALWAYS';
CACHE : 'CACHE';
CHECK : 'CHECK';
COLUMN : 'COLUMN';
CONFLICT : 'CONFLICT';
CYCLE : 'CYCLE';
DATA : 'DATA';
DO : 'DO';
FOREIGN : 'FOREIGN';
GENERATED : 'GENERATED';
INCREMENT : 'INCREMENT';
MAXVALUE : 'MAXVALUE';
MINVALUE : 'MINVALUE';
NO : 'NO';
NOTHING : 'NOTHING';
OVERRIDING : 'OVERRIDING';
REFERENCES : 'REFERENCES';
RENAME : 'RENAME';
SEQUENCE : 'SEQUENCE';
SYSTEM : 'SYSTEM';
TYPE : 'TYPE';
VALUE : 'VALUE';
COPY : 'COPY';
DECLARE : 'DECLARE';
CURSOR : 'CURSOR';
MOVE : 'MOVE';
CLOSE : 'CLOSE';
SAVEPOINT : 'SAVEPOINT';
RELEASE : 'RELEASE';
CHARACTERISTICS : 'CHARACTERISTICS';
ISOLATION : 'ISOLATION';
LEVEL : 'LEVEL';
READ : 'READ';
COMMITTED : 'COMMITTED';
UNCOMMITTED : 'UNCOMMITTED';
REPEATABLE : 'REPEATABLE';
SERIALIZABLE : 'SERIALIZABLE';
WRITE : 'WRITE';
DEFERRABLE : 'DEFERRABLE';
VACUUM : 'VACUUM';
VERBOSE : 'VERBOSE';
ROLE : 'ROLE';
ALL : 'ALL';
ANALYZE : 'ANALYZE';
ORDINALITY : 'ORDINALITY';
EXPLAIN : 'EXPLAIN';
AND : 'AND';
ANY : 'ANY';
AS : 'AS';
ASC : 'ASC';
BEGIN : 'BEGIN';
BETWEEN : 'BETWEEN';
SYMMETRIC : 'SYMMETRIC';
ASYMMETRIC : 'ASYMMETRIC';
BOTH : 'BOTH';
BY : 'BY';
CASCADE : 'CASCADE';
CASE : 'CASE';
CAST : 'CAST';
CHARACTER : 'CHARACTER';
COMMIT : 'COMMIT';
COLLATE : 'COLLATE';
CONSTRAINT : 'CONSTRAINT';
CONTINUE : 'CONTINUE';
CREATE : 'CREATE';
CROSS : 'CROSS';
CUBE : 'CUBE';
CURRENT : 'CURRENT';
CURRENT_CATALOG : 'CURRENT_CATALOG';
CURRENT_DATE : 'CURRENT_DATE';
CURRENT_ROLE : 'CURRENT_ROLE';
CURRENT_USER : 'CURRENT_USER';
CURRENT_TIMESTAMP : 'CURRENT_TIMESTAMP';
CURRENT_TIME : 'CURRENT_TIME';
DEFAULT : 'DEFAULT';
DELETE : 'DELETE';
DESC : 'DESC';
DISTINCT : 'DISTINCT';
DOUBLE : 'DOUBLE';
DROP : 'DROP';
ELSE : 'ELSE';
EXCEPT : 'EXCEPT';
END : 'END';
EXISTS : 'EXISTS';
FALSE : 'FALSE';
FETCH : 'FETCH';
FILTER : 'FILTER';
FIRST : 'FIRST';
FOLLOWING : 'FOLLOWING';
FOR : 'FOR';
FROM : 'FROM';
FULL : 'FULL';
GROUP : 'GROUP';
GROUPING : 'GROUPING';
HAVING : 'HAVING';
IDENTITY : 'IDENTITY';
IF : 'IF';
ILIKE : 'ILIKE';
IN : 'IN';
INDEX : 'INDEX';
INNER : 'INNER';
INSERT : 'INSERT';
INTERSECT : 'INTERSECT';
INTO : 'INTO';
IS : 'IS';
JOIN : 'JOIN';
KEY : 'KEY';
LAST : 'LAST';
LEADING : 'LEADING';
LEFT : 'LEFT';
LIKE : 'LIKE';
ESCAPE : 'ESCAPE';
PLACING : 'PLACING';
LATERAL : 'LATERAL';
LIMIT : 'LIMIT';
LOCAL : 'LOCAL';
LOCALTIMESTAMP : 'LOCALTIMESTAMP';
LOCALTIME : 'LOCALTIME';
NEXT : 'NEXT';
NOT : 'NOT';
NATURAL : 'NATURAL';
NULL : 'NULL';
NULLS : 'NULLS';
OFFSET : 'OFFSET';
OF : 'OF';
SHARE : 'SHARE';
NOWAIT : 'NOWAIT';
SKIP_P : 'SKIP';
LOCKED : 'LOCKED';
ON : 'ON';
ONLY : 'ONLY';
OPERATOR : 'OPERATOR';
OR : 'OR';
ORDER : 'ORDER';
OUTER : 'OUTER';
OVER : 'OVER';
PARTITION : 'PARTITION';
PRECEDING : 'PRECEDING';
PRECISION : 'PRECISION';
PRIMARY : 'PRIMARY';
RANGE : 'RANGE';
RECURSIVE : 'RECURSIVE';
RESTART : 'RESTART';
RESTRICT : 'RESTRICT';
RETURNING : 'RETURNING';
RIGHT : 'RIGHT';
ROLLBACK : 'ROLLBACK';
ROLLUP : 'ROLLUP';
ROW : 'ROW';
ROWS : 'ROWS';
SELECT : 'SELECT';
SESSION : 'SESSION';
SESSION_USER : 'SESSION_USER';
SET : 'SET';
SETS : 'SETS';
SHOW : 'SHOW';
SIMILAR : 'SIMILAR';
SOME : 'SOME';
START : 'START';
TABLE : 'TABLE';
THEN : 'THEN';
TIME : 'TIME';
INTERVAL : 'INTERVAL';
YEAR : 'YEAR';
MONTH : 'MONTH';
DAY : 'DAY';
HOUR : 'HOUR';
MINUTE : 'MINUTE';
SECOND : 'SECOND';
TIMESTAMP : 'TIMESTAMP';
TO : 'TO';
TRAILING : 'TRAILING';
TRANSACTION : 'TRANSACTION';
TRUE : 'TRUE';
TRUNCATE : 'TRUNCATE';
UNBOUNDED : 'UNBOUNDED';
UNION : 'UNION';
UNIQUE : 'UNIQUE';
UNKNOWN : 'UNKNOWN';
UPDATE : 'UPDATE';
USER : 'USER';
USING : 'USING';
VALUES : 'VALUES';
VARYING : 'VARYING';
WHEN : 'WHEN';
WHERE : 'WHERE';
WINDOW : 'WINDOW';
WITH : 'WITH';
WITHOUT : 'WITHOUT';
WORK : 'WORK';
ZONE : 'ZONE';

EQ : '=';
NOT_TILDE_STAR : '!~*';
NOT_TILDE : '!~';
TILDE_STAR : '~*';
TILDE : '~';
NEQ : '<>' | '!=';
LTE : '<=';
GTE : '>=';
LT : '<';
GT : '>';
PLUS : '+';
MINUS : '-';
STAR : '*';
SLASH : '/';
PERCENT : '%';
CONCAT : '||';
DOUBLE_ARROW : '->>';
ARROW : '->';
HASH_DOUBLE_ARROW : '#>>';
HASH_ARROW : '#>';
CONTAINS : '@>';
CONTAINED_BY : '<@';
QUESTION_PIPE : '?|';
QUESTION_AMP : '?&';
QUESTION : '?';
OVERLAPS : '&&';
AMP : '&';
PIPE : '|';
LBRACKET : '[';
RBRACKET : ']';
CARET : '^';
DOUBLE_COLON : '::';
COLON : ':';
LPAREN : '(';
RPAREN : ')';
COMMA : ',';
SEMI : ';';
DOT : '.';

PARAM : '$' [0-9]+;

INTEGER_LITERAL : [0-9]+;

DECIMAL_LITERAL
    : [0-9]+ '.' [0-9]* EXPONENT?
    | '.' [0-9]+ EXPONENT?
    | [0-9]+ EXPONENT
    ;

fragment EXPONENT : 'E' [+-]? [0-9]+;

STRING : '\'' (~'\'' | '\'\'')* '\'';

// E'...' with backslash escapes; longest match beats the one-letter identifier E.
ESCAPE_STRING : 'E\'' (~['\\] | '\'\'' | '\\' .)* '\'';

// Longest match makes a closed STRING win; this only matches a quote left open to the end.
UNTERMINATED_STRING : '\'' (~'\'' | '\'\'')*;

IDENTIFIER : [A-Z_\u0080-\uFFFF] [A-Z_0-9$\u0080-\uFFFF]*;

QUOTED_IDENTIFIER : '"' (~'"' | '""')+ '"';

LINE_COMMENT : '--' ~[\r\n]* -> skip;

BLOCK_COMMENT : '/*' (BLOCK_COMMENT | .)*? '*/' -> skip;

WHITESPACE : [ \t\r\n\f]+ -> skip;

// Anything else reaches the parser, which reports it as a syntax error at that character.
UNEXPECTED_CHAR : .;
