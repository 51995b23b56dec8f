/* init.c — registers every .Call routine of the zhijiao R package. */
#include "r_zj.h"

#define CALLDEF(name, n) {#name, (DL_FUNC)&name, n}

static const R_CallMethodDef call_methods[] = {
    CALLDEF(zjr_version, 0),
    CALLDEF(zjr_data_open, 1),
    CALLDEF(zjr_data_valid, 1),
    CALLDEF(zjr_data_close, 1),
    CALLDEF(zjr_data_dir, 1),
    CALLDEF(zjr_rulesets, 1),
    CALLDEF(zjr_tables, 1),
    CALLDEF(zjr_deadlines, 3),
    CALLDEF(zjr_table, 2),
    CALLDEF(zjr_table_audit, 2),
    CALLDEF(zjr_plan, 4),
    CALLDEF(zjr_plan_year_complete, 2),
    CALLDEF(zjr_plan_compare, 4),
    CALLDEF(zjr_table_design, 3),
    CALLDEF(zjr_checks, 0),
    CALLDEF(zjr_check_fields, 1),
    CALLDEF(zjr_check, 6),
    CALLDEF(zjr_ci_methods, 0),
    CALLDEF(zjr_rate, 6),
    CALLDEF(zjr_rate_clustered, 4),
    CALLDEF(zjr_pooled, 4),
    CALLDEF(zjr_rate_diff, 7),
    CALLDEF(zjr_scores, 3),
    CALLDEF(zjr_completion, 2),
    CALLDEF(zjr_count_from_percent, 3),
    CALLDEF(zjr_ci_method_names, 1),
    CALLDEF(zjr_typed_column, 1),
    CALLDEF(zjr_progression, 3),
    CALLDEF(zjr_transfer, 2),
    CALLDEF(zjr_composite, 2),
    CALLDEF(zjr_grades, 2),
    CALLDEF(zjr_audit_sums, 6),
    CALLDEF(zjr_audit_components, 6),
    CALLDEF(zjr_audit_percentage, 6),
    CALLDEF(zjr_refresh, 9),
    CALLDEF(zjr_rollback, 1),
    {NULL, NULL, 0}
};

void R_init_zhijiao(DllInfo *dll);

void R_init_zhijiao(DllInfo *dll)
{
    R_registerRoutines(dll, NULL, call_methods, NULL, NULL);
    R_useDynamicSymbols(dll, FALSE);
    R_forceSymbols(dll, TRUE);
    zjr_compact_init(dll);
}
