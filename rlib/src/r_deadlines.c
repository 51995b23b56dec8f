/* r_deadlines.c — zj_deadlines(): what is due, from the rule files. */
#include "r_zj.h"

/* year: one integer (0 for every year, validated in R); date: NULL or
 * one string. */
SEXP zjr_deadlines(SEXP handle, SEXP year, SEXP date)
{
    static const char *const names[] = {"due", "status", "status_zh", "status_en", "days", "what_zh",
                                        "what_en", "jurisdiction", "programme", "year", "recurring",
                                        "document", "clause", "rule"};
    static const char *const status_ids[] = {NULL, "upcoming", "due_today", "passed"};
    const zj_data *d = zjr_data(handle);
    const char *day = Rf_isNull(date) ? NULL : zjr_string_arg(date, "date");
    zj_deadline *list = NULL;
    size_t n = 0, i;
    zj_error err;
    SEXP out;
    int k;

    zjr_need_int(year, "year", 1);
    zj_error_clear(&err);
    if (zj_deadlines(d, INTEGER(year)[0], day, &list, &n, &err) != ZJ_OK)
        zjr_stop(&err);
    out = PROTECT(zjr_named_list(14, names));
    for (k = 0; k < 14; k++)
        SET_VECTOR_ELT(out, k, Rf_allocVector(k == 4 || k == 9 ? INTSXP : STRSXP, (R_xlen_t)n));
    for (i = 0; i < n; i++) {
        const zj_deadline *x = &list[i];
        SET_STRING_ELT(VECTOR_ELT(out, 0), i, zjr_char(x->due));
        SET_STRING_ELT(VECTOR_ELT(out, 1), i, zjr_char(status_ids[x->status]));
        SET_STRING_ELT(VECTOR_ELT(out, 2), i, zjr_char(x->status_zh[0] ? x->status_zh : NULL));
        SET_STRING_ELT(VECTOR_ELT(out, 3), i, zjr_char(x->status_en[0] ? x->status_en : NULL));
        INTEGER(VECTOR_ELT(out, 4))[i] = day ? (int)x->days : NA_INTEGER;
        SET_STRING_ELT(VECTOR_ELT(out, 5), i, zjr_char(x->what_zh));
        SET_STRING_ELT(VECTOR_ELT(out, 6), i, zjr_char(x->what_en));
        SET_STRING_ELT(VECTOR_ELT(out, 7), i, zjr_char(x->jurisdiction));
        SET_STRING_ELT(VECTOR_ELT(out, 8), i, zjr_char(x->programme));
        INTEGER(VECTOR_ELT(out, 9))[i] = x->year;
        SET_STRING_ELT(VECTOR_ELT(out, 10), i, zjr_char(x->recurring));
        SET_STRING_ELT(VECTOR_ELT(out, 11), i, zjr_char(x->source.document));
        SET_STRING_ELT(VECTOR_ELT(out, 12), i, zjr_char(x->source.clause));
        SET_STRING_ELT(VECTOR_ELT(out, 13), i, zjr_char(x->id));
    }
    zj_deadlines_free(list);
    UNPROTECT(1);
    return out;
}
