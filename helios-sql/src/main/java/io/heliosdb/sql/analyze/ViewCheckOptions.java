package io.heliosdb.sql.analyze;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.SchemaLookup;
import io.heliosdb.sql.ast.AlterViewOptions;
import io.heliosdb.sql.ast.CreateView;
import io.heliosdb.sql.schema.QualifiedNames;
import io.heliosdb.sql.schema.ViewDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * WITH [LOCAL | CASCADED] CHECK OPTION as PostgreSQL's rewriter applies it: walking from the named view down,
 * a view is checked when it has a check option or a view above it has a CASCADED one; a CASCADED view makes
 * every view under it checked. The innermost failing view is reported, as PostgreSQL checks inner views first.
 */
public final class ViewCheckOptions {

    private ViewCheckOptions() {
    }

    /** The conditions to check on a row written through {@code resolved}, innermost view first. */
    static List<ViewCheck> of(UpdatableViews.Resolved resolved) {
        List<ViewCheck> checks = new ArrayList<>();
        boolean cascadedAbove = false;
        for (UpdatableViews.Level level : resolved.levels()) {
            String option = level.view().checkOption();
            boolean cascaded = cascadedAbove || ViewDef.CASCADED.equals(option);
            if ((option != null || cascaded) && level.where() != null) {
                checks.add(0, new ViewCheck(QualifiedNames.localName(level.view().name()), level.where()));
            }
            cascadedAbove = cascaded;
        }
        return checks;
    }

    /** CREATE VIEW with a check option: refused (0A000) unless the view is automatically updatable. */
    static ViewDef create(SchemaLookup schema, CreateView c, ViewDef view) {
        if (c.checkOption() == null) {
            return view;
        }
        ViewDef checked = view.withCheckOption(c.checkOption());
        requireUpdatable(schema, checked);
        return checked;
    }

    /** ALTER VIEW ... SET / RESET (check_option): the view as it will be stored, or null (IF EXISTS, none). */
    static BoundStatement.ViewCommand alter(SchemaLookup schema, AlterViewOptions a) {
        Optional<ViewDef> view = schema.view(a.name());
        if (view.isEmpty()) {
            if (schema.table(a.name()).isPresent()) {
                throw new HeliosException(SqlState.WRONG_OBJECT_TYPE, "\"" + QualifiedNames.localName(a.name())
                        + "\" is not a view");
            }
            if (a.ifExists()) {
                return new BoundStatement.ViewCommand(a, null);
            }
            throw new HeliosException(SqlState.UNDEFINED_TABLE, "relation \"" + a.name() + "\" does not exist");
        }
        ViewDef changed = view.get().withCheckOption(a.checkOption());
        if (a.checkOption() != null) {
            requireUpdatable(schema, changed);
        }
        return new BoundStatement.ViewCommand(a, changed);
    }

    private static void requireUpdatable(SchemaLookup schema, ViewDef view) {
        try {
            UpdatableViews.resolve(schema, new ParameterTypes(List.of()), view, "update");
        } catch (HeliosException e) {
            if (e.sqlState() != SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE) {
                throw e;
            }
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED,
                    "WITH CHECK OPTION is supported only on automatically updatable views", null, e.detail(), 0, null);
        }
    }

    /** Whether {@code view} is automatically updatable (information_schema.views.is_updatable). */
    public static boolean isUpdatable(SchemaLookup schema, ViewDef view) {
        try {
            UpdatableViews.resolve(schema, new ParameterTypes(List.of()), view, "update");
            return true;
        } catch (HeliosException e) {
            return false;
        }
    }

    /**
     * For each column of {@code view}, whether it is updatable (a column of the base table, through every
     * view under it), as pg_column_is_updatable tells; all false when the view is not automatically updatable.
     */
    public static boolean[] updatableColumns(SchemaLookup schema, ViewDef view) {
        boolean[] out = new boolean[view.columns().size()];
        try {
            // DELETE's rules: a view with no updatable column still resolves (its columns are all false).
            int[] base = UpdatableViews.resolve(schema, new ParameterTypes(List.of()), view, "delete from").baseColumn();
            for (int i = 0; i < Math.min(out.length, base.length); i++) {
                out[i] = base[i] >= 0;
            }
        } catch (HeliosException e) {
            // not automatically updatable
        }
        return out;
    }
}
