/* r_compare.c — two years' plans row by row (zj_plan_compare). */
#include <math.h>
#include <stdlib.h>

#include "r_zj.h"

static void comparison_free(void *p)
{
    zj_plan_comparison_free((zj_plan_comparison *)p);
    free(p);
}

static SEXP str_or_na(const char *s)
{
    return s ? zjr_char(s) : NA_STRING;
}

SEXP zjr_plan_compare(SEXP handle, SEXP year1, SEXP year2, SEXP programme)
{
    static const char *const names[] = {
        "status", "programme", "school", "major", "places1", "places2", "change",
        "partner1", "partner2", "line1", "line2"};
    const zj_data *d = zjr_data(handle);
    const char *prog = Rf_isNull(programme) ? NULL : zjr_string_arg(programme, "programme");
    zj_plan_comparison *c;
    zj_error err;
    SEXP guard, out;
    R_xlen_t i, n;
    int k;

    zjr_need_int(year1, "year1", 1);
    zjr_need_int(year2, "year2", 1);
    if (INTEGER(year1)[0] == NA_INTEGER || INTEGER(year2)[0] == NA_INTEGER)
        zjr_arg_error("year1", "\xE4\xB8\xA4\xE4\xB8\xAA\xE5\xB9\xB4\xE4\xBB\xBD", "two years, not NA"); /* 两个年份 */
    guard = PROTECT(zjr_guard(comparison_free, NULL));
    c = (zj_plan_comparison *)calloc(1, sizeof *c);
    if (!c)
        Rf_error("zhijiao: out of memory");
    zjr_guard_set(guard, c);
    zj_error_clear(&err);
    if (zj_plan_compare(d, INTEGER(year1)[0], INTEGER(year2)[0], prog, c, &err) != ZJ_OK) {
        zjr_guard_release(guard);
        zjr_stop(&err);
    }
    n = (R_xlen_t)c->count;
    out = PROTECT(zjr_named_list(11, names));
    for (k = 0; k < 11; k++)
        SET_VECTOR_ELT(out, k, Rf_allocVector(k >= 4 && k <= 6 ? REALSXP
                                              : k >= 9 ? INTSXP : STRSXP, n));
    for (i = 0; i < n; i++) {
        const zj_plan_change *r = &c->rows[i];

        SET_STRING_ELT(VECTOR_ELT(out, 0), i, zjr_char(zj_plan_change_name(r->kind)));
        SET_STRING_ELT(VECTOR_ELT(out, 1), i, str_or_na(r->programme));
        SET_STRING_ELT(VECTOR_ELT(out, 2), i, str_or_na(r->school));
        SET_STRING_ELT(VECTOR_ELT(out, 3), i, str_or_na(r->major));
        REAL(VECTOR_ELT(out, 4))[i] = isnan(r->places1) ? NA_REAL : r->places1;
        REAL(VECTOR_ELT(out, 5))[i] = isnan(r->places2) ? NA_REAL : r->places2;
        REAL(VECTOR_ELT(out, 6))[i] = isnan(r->change) ? NA_REAL : r->change;
        SET_STRING_ELT(VECTOR_ELT(out, 7), i, str_or_na(r->partner1));
        SET_STRING_ELT(VECTOR_ELT(out, 8), i, str_or_na(r->partner2));
        INTEGER(VECTOR_ELT(out, 9))[i] = r->line1 ? (int)r->line1 : NA_INTEGER;
        INTEGER(VECTOR_ELT(out, 10))[i] = r->line2 ? (int)r->line2 : NA_INTEGER;
    }
    zjr_guard_release(guard);
    UNPROTECT(2);
    return out;
}

/* What n is behind table `name`'s rates (zj_table_design), for each id
 * (NA: the table's own design).  A table or id without one gives NA. */
SEXP zjr_table_design(SEXP handle, SEXP name, SEXP ids)
{
    static const char *const names[] = {"id", "design", "population", "why_zh", "why_en"};
    const zj_data *d = zjr_data(handle);
    const zj_table *t;
    zj_error err;
    R_xlen_t i, n;
    SEXP out;
    int k;

    zjr_need_str(ids, "id", -1);
    n = XLENGTH(ids);
    zj_error_clear(&err);
    if (zj_data_table(d, zjr_string_arg(name, "name"), &t, &err) != ZJ_OK)
        zjr_stop(&err);
    out = PROTECT(zjr_named_list(5, names));
    SET_VECTOR_ELT(out, 0, ids);
    for (k = 1; k < 5; k++)
        SET_VECTOR_ELT(out, k, Rf_allocVector(k == 2 ? REALSXP : STRSXP, n));
    for (i = 0; i < n; i++) {
        const char *id = zjr_utf8_at(ids, i, "id");
        zj_table_design_info di;

        if (zj_table_design(t, id, &di)) {
            SET_STRING_ELT(VECTOR_ELT(out, 1), i, zjr_char(zj_design_name(di.design)));
            REAL(VECTOR_ELT(out, 2))[i] = isnan(di.population) ? NA_REAL : di.population;
            SET_STRING_ELT(VECTOR_ELT(out, 3), i, str_or_na(di.why_zh));
            SET_STRING_ELT(VECTOR_ELT(out, 4), i, str_or_na(di.why_en));
        } else {
            SET_STRING_ELT(VECTOR_ELT(out, 1), i, NA_STRING);
            REAL(VECTOR_ELT(out, 2))[i] = NA_REAL;
            SET_STRING_ELT(VECTOR_ELT(out, 3), i, NA_STRING);
            SET_STRING_ELT(VECTOR_ELT(out, 4), i, NA_STRING);
        }
    }
    UNPROTECT(1);
    return out;
}
