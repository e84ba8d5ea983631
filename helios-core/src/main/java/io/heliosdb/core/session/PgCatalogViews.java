package io.heliosdb.core.session;

import io.heliosdb.sql.schema.TableDef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The pg_catalog tables and information_schema views clients read (psql's {@code \d}, pgJDBC's
 * DatabaseMetaData, ORMs), computed from the kernel catalog when scanned. Each is a read-only
 * system view (negative table id); information_schema ones are named {@code information_schema.x}.
 * Only the columns clients read are here; PostgreSQL's types map to HeliosDB's (OIDs are integers,
 * {@code name} and {@code "char"} and arrays are text).
 */
final class PgCatalogViews {
    private record View(TableDef definition, BiFunction<TableDef, CatalogObjects, List<Object[]>> rows) {
    }

    private static final Map<String, View> VIEWS = new LinkedHashMap<>();
    /** OIDs of the views themselves in pg_class (below the first user OID, as built-in relations are). */
    private static final Map<String, Integer> VIEW_OIDS = new LinkedHashMap<>();

    private static void add(String name, String columns, BiFunction<TableDef, CatalogObjects, List<Object[]>> rows) {
        long id = -100 - VIEWS.size();
        VIEWS.put(name, new View(ViewRow.define(id, name, columns), rows));
        VIEW_OIDS.put(name, 12_000 + VIEWS.size());
    }

    static {
        add("pg_namespace", "oid:oid, nspname:name, nspowner:oid, nspacl:text", PgClassRows::namespaces);
        add("pg_class", "oid:oid, relname:name, relnamespace:oid, reltype:oid, reloftype:oid, relowner:oid, relam:oid,"
                + " relfilenode:oid, reltablespace:oid, relpages:int4, reltuples:float4, relallvisible:int4,"
                + " reltoastrelid:oid, relhasindex:bool, relisshared:bool, relpersistence:char, relkind:char,"
                + " relnatts:int2, relchecks:int2, relhasrules:bool, relhastriggers:bool, relhassubclass:bool,"
                + " relrowsecurity:bool, relforcerowsecurity:bool, relispopulated:bool, relreplident:char,"
                + " relispartition:bool, relrewrite:oid, relfrozenxid:int4, relminmxid:int4, relacl:text,"
                + " reloptions:text[], relpartbound:text", PgClassRows::classes);
        add("pg_attribute", "attrelid:oid, attname:name, atttypid:oid, attstattarget:int4, attlen:int2, attnum:int2,"
                + " attndims:int4, attcacheoff:int4, atttypmod:int4, attbyval:bool, attalign:char, attstorage:char,"
                + " attcompression:char, attnotnull:bool, atthasdef:bool, atthasmissing:bool, attidentity:char,"
                + " attgenerated:char, attisdropped:bool, attislocal:bool, attinhcount:int4, attcollation:oid,"
                + " attacl:text, attoptions:text, attfdwoptions:text, attmissingval:text", PgClassRows::attributes);
        add("pg_index", "indexrelid:oid, indrelid:oid, indnatts:int2, indnkeyatts:int2, indisunique:bool,"
                + " indnullsnotdistinct:bool, indisprimary:bool, indisexclusion:bool, indimmediate:bool,"
                + " indisclustered:bool, indisvalid:bool, indcheckxmin:bool, indisready:bool, indislive:bool,"
                + " indisreplident:bool, indkey:int2vector, indcollation:oidvector, indclass:oidvector, indoption:int2vector,"
                + " indexprs:text, indpred:text", PgClassRows::indexes);
        add("pg_constraint", "oid:oid, conname:name, connamespace:oid, contype:char, condeferrable:bool,"
                + " condeferred:bool, convalidated:bool, conrelid:oid, contypid:oid, conindid:oid, conparentid:oid,"
                + " confrelid:oid, confupdtype:char, confdeltype:char, confmatchtype:char, conislocal:bool,"
                + " coninhcount:int4, connoinherit:bool, conkey:int2[], confkey:int2[], conpfeqop:oid[], conppeqop:oid[],"
                + " conffeqop:oid[], confdelsetcols:int2[], conexclop:oid[], conbin:text", PgConstraintRows::constraints);
        add("pg_attrdef", "oid:oid, adrelid:oid, adnum:int2, adbin:text", PgClassRows::defaults);
        add("pg_type", "oid:oid, typname:name, typnamespace:oid, typowner:oid, typlen:int2, typbyval:bool,"
                + " typtype:char, typcategory:char, typispreferred:bool, typisdefined:bool, typdelim:char,"
                + " typrelid:oid, typsubscript:text, typelem:oid, typarray:oid, typinput:text, typoutput:text,"
                + " typreceive:text, typsend:text, typmodin:text, typmodout:text, typanalyze:text, typalign:char,"
                + " typstorage:char, typnotnull:bool, typbasetype:oid, typtypmod:int4, typndims:int4,"
                + " typcollation:oid, typdefaultbin:text, typdefault:text, typacl:text", PgTypeRows::types);
        add("pg_database", "oid:oid, datname:name, datdba:oid, encoding:int4, datlocprovider:char,"
                + " datistemplate:bool, datallowconn:bool, datconnlimit:int4, datfrozenxid:int4, datminmxid:int4,"
                + " dattablespace:oid, datcollate:text, datctype:text, daticulocale:text, datcollversion:text,"
                + " datacl:text", PgSystemRows::databases);
        String role = "rolname:name, rolsuper:bool, rolinherit:bool, rolcreaterole:bool, rolcreatedb:bool,"
                + " rolcanlogin:bool, rolreplication:bool, rolconnlimit:int4, rolpassword:text,"
                + " rolvaliduntil:timestamptz, rolbypassrls:bool, rolconfig:text, oid:oid";
        add("pg_roles", role, PgSystemRows::roles);
        add("pg_authid", role, PgSystemRows::roles);
        add("pg_user", "usename:name, usesysid:oid, usecreatedb:bool, usesuper:bool, userepl:bool,"
                + " usebypassrls:bool, passwd:text, valuntil:timestamptz, useconfig:text", PgSystemRows::users);
        add("pg_auth_members", "roleid:oid, member:oid, grantor:oid, admin_option:bool", PgSystemRows::members);
        add("pg_settings", "name:text, setting:text, unit:text, category:text, short_desc:text, extra_desc:text,"
                + " context:text, vartype:text, source:text, min_val:text, max_val:text, enumvals:text,"
                + " boot_val:text, reset_val:text, sourcefile:text, sourceline:int4, pending_restart:bool",
                PgSystemRows::settings);
        add("pg_am", "oid:oid, amname:name, amhandler:text, amtype:char", PgSystemRows::accessMethods);
        add("pg_tablespace", "oid:oid, spcname:name, spcowner:oid, spcacl:text, spcoptions:text",
                PgSystemRows::tablespaces);
        add("pg_collation", "oid:oid, collname:name, collnamespace:oid, collowner:oid, collprovider:char,"
                + " collisdeterministic:bool, collencoding:int4, collcollate:text, collctype:text,"
                + " colliculocale:text, collversion:text", PgSystemRows::collations);
        add("pg_proc", "oid:oid, proname:name, pronamespace:oid, proowner:oid, prolang:oid, procost:float4,"
                + " prorows:float4, provariadic:oid, prosupport:text, prokind:char, prosecdef:bool,"
                + " proleakproof:bool, proisstrict:bool, proretset:bool, provolatile:char, proparallel:char,"
                + " pronargs:int2, pronargdefaults:int2, prorettype:oid, proargtypes:oidvector, proallargtypes:oid[],"
                + " proargmodes:char[], proargnames:text[], proargdefaults:text, protrftypes:text, prosrc:text,"
                + " probin:text, prosqlbody:text, proconfig:text, proacl:text", PgSystemRows::none);
        add("pg_description", "objoid:oid, classoid:oid, objsubid:int4, description:text", UserObjectRows::descriptions);
        add("pg_views", "schemaname:name, viewname:name, viewowner:name, definition:text", UserObjectRows::views);
        add("information_schema.views", "table_catalog:text, table_schema:text, table_name:text,"
                + " view_definition:text, check_option:text, is_updatable:text, is_insertable_into:text,"
                + " is_trigger_updatable:text, is_trigger_deletable:text, is_trigger_insertable_into:text",
                UserObjectRows::informationSchemaViews);
        add("information_schema.view_table_usage", "view_catalog:text, view_schema:text, view_name:text,"
                + " table_catalog:text, table_schema:text, table_name:text", UserObjectRows::viewTableUsage);
        add("pg_shdescription", "objoid:oid, classoid:oid, description:text", PgSystemRows::none);
        add("pg_inherits", "inhrelid:oid, inhparent:oid, inhseqno:int4, inhdetachpending:bool", PgSystemRows::none);
        add("pg_partitioned_table", "partrelid:oid, partstrat:char, partnatts:int2, partdefid:oid, partattrs:int2vector,"
                + " partclass:text, partcollation:text, partexprs:text", PgSystemRows::none);
        add("pg_sequence", "seqrelid:oid, seqtypid:oid, seqstart:int8, seqincrement:int8, seqmax:int8, seqmin:int8,"
                + " seqcache:int8, seqcycle:bool", PgClassRows::sequences);
        add("pg_trigger", "oid:oid, tgrelid:oid, tgparentid:oid, tgname:name, tgfoid:oid, tgtype:int2,"
                + " tgenabled:char, tgisinternal:bool, tgconstrrelid:oid, tgconstrindid:oid, tgconstraint:oid,"
                + " tgdeferrable:bool, tginitdeferred:bool, tgnargs:int2, tgattr:text, tgargs:text, tgqual:text,"
                + " tgoldtable:name, tgnewtable:name", PgSystemRows::none);
        add("pg_policy", "oid:oid, polname:name, polrelid:oid, polcmd:char, polpermissive:bool, polroles:oid[],"
                + " polqual:text, polwithcheck:text", PgSystemRows::none);
        add("pg_statistic_ext", "oid:oid, stxrelid:oid, stxname:name, stxnamespace:oid, stxowner:oid,"
                + " stxstattarget:int4, stxkeys:int2vector, stxkind:char[], stxexprs:text", PgSystemRows::none);
        add("pg_publication", "oid:oid, pubname:name, pubowner:oid, puballtables:bool, pubinsert:bool,"
                + " pubupdate:bool, pubdelete:bool, pubtruncate:bool, pubviaroot:bool", PgSystemRows::none);
        add("pg_publication_rel", "oid:oid, prpubid:oid, prrelid:oid, prqual:text, prattrs:int2vector", PgSystemRows::none);
        add("pg_publication_namespace", "oid:oid, pnpubid:oid, pnnspid:oid", PgSystemRows::none);
        add("pg_extension", "oid:oid, extname:name, extowner:oid, extnamespace:oid, extrelocatable:bool,"
                + " extversion:text, extconfig:text, extcondition:text", PgSystemRows::none);
        add("pg_foreign_table", "ftrelid:oid, ftserver:oid, ftoptions:text", PgSystemRows::none);
        add("pg_rewrite", "oid:oid, rulename:name, ev_class:oid, ev_type:char, ev_enabled:char, is_instead:bool,"
                + " ev_qual:text, ev_action:text", PgSystemRows::none);
        add("pg_depend", "classid:oid, objid:oid, objsubid:int4, refclassid:oid, refobjid:oid, refobjsubid:int4,"
                + " deptype:char", PgSystemRows::none);
        add("pg_enum", "oid:oid, enumtypid:oid, enumsortorder:float4, enumlabel:name", PgSystemRows::none);
        add("pg_range", "rngtypid:oid, rngsubtype:oid, rngmultitypid:oid, rngcollation:oid, rngsubopc:oid,"
                + " rngcanonical:text, rngsubdiff:text", PgSystemRows::none);
        add("pg_event_trigger", "oid:oid, evtname:name, evtevent:name, evtowner:oid, evtfoid:oid, evtenabled:char,"
                + " evttags:text", PgSystemRows::none);
        add("information_schema.schemata", "catalog_name:text, schema_name:text, schema_owner:text,"
                + " default_character_set_catalog:text, default_character_set_schema:text,"
                + " default_character_set_name:text, sql_path:text", InformationSchemaRows::schemata);
        add("information_schema.tables", "table_catalog:text, table_schema:text, table_name:text, table_type:text,"
                + " self_referencing_column_name:text, reference_generation:text, user_defined_type_catalog:text,"
                + " user_defined_type_schema:text, user_defined_type_name:text, is_insertable_into:text,"
                + " is_typed:text, commit_action:text", InformationSchemaRows::tables);
        add("information_schema.columns", "table_catalog:text, table_schema:text, table_name:text, column_name:text,"
                + " ordinal_position:int4, column_default:text, is_nullable:text, data_type:text,"
                + " character_maximum_length:int4, character_octet_length:int4, numeric_precision:int4,"
                + " numeric_precision_radix:int4, numeric_scale:int4, datetime_precision:int4,"
                + " interval_type:text, interval_precision:int4, character_set_catalog:text,"
                + " character_set_schema:text, character_set_name:text, collation_catalog:text,"
                + " collation_schema:text, collation_name:text, domain_catalog:text, domain_schema:text,"
                + " domain_name:text, udt_catalog:text, udt_schema:text, udt_name:text, scope_catalog:text,"
                + " scope_schema:text, scope_name:text, maximum_cardinality:int4, dtd_identifier:text,"
                + " is_self_referencing:text, is_identity:text, identity_generation:text, identity_start:text,"
                + " identity_increment:text, identity_maximum:text, identity_minimum:text, identity_cycle:text,"
                + " is_generated:text, generation_expression:text, is_updatable:text", InformationSchemaRows::columns);
        add("information_schema.table_constraints", "constraint_catalog:text, constraint_schema:text,"
                + " constraint_name:text, table_catalog:text, table_schema:text, table_name:text,"
                + " constraint_type:text, is_deferrable:text, initially_deferred:text, enforced:text,"
                + " nulls_distinct:text", InformationSchemaRows::tableConstraints);
        add("information_schema.key_column_usage", "constraint_catalog:text, constraint_schema:text,"
                + " constraint_name:text, table_catalog:text, table_schema:text, table_name:text, column_name:text,"
                + " ordinal_position:int4, position_in_unique_constraint:int4", InformationSchemaRows::keyColumns);
        add("information_schema.referential_constraints", "constraint_catalog:text, constraint_schema:text,"
                + " constraint_name:text, unique_constraint_catalog:text, unique_constraint_schema:text,"
                + " unique_constraint_name:text, match_option:text, update_rule:text, delete_rule:text",
                InformationSchemaRows::referentialConstraints);
        add("information_schema.sequences", "sequence_catalog:text, sequence_schema:text, sequence_name:text,"
                + " data_type:text, numeric_precision:int4, numeric_precision_radix:int4, numeric_scale:int4,"
                + " start_value:text, minimum_value:text, maximum_value:text, increment:text, cycle_option:text",
                InformationSchemaRows::sequences);
        // Added last: a view's id and OID follow its place here.
        add("pg_publication_tables", "pubname:name, schemaname:name, tablename:name, attnames:name[],"
                + " rowfilter:text", PgSystemRows::none);
    }

    private PgCatalogViews() {
    }

    static TableDef table(String name) {
        View v = VIEWS.get(name);
        return v == null ? null : v.definition();
    }

    static boolean isCatalogView(TableDef table) {
        View v = VIEWS.get(table.name());
        return table.id() < 0 && v != null && v.definition().id() == table.id();
    }

    static boolean isName(String name) {
        return VIEWS.containsKey(name);
    }

    static List<Object[]> rows(TableDef table, CatalogObjects objects) {
        return VIEWS.get(table.name()).rows().apply(table, objects);
    }

    /** The pg_catalog views by name with their OIDs (information_schema ones included), for pg_class. */
    static Map<String, Integer> viewOids() {
        return VIEW_OIDS;
    }
}
