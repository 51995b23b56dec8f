/* r_parse.c — what the core interprets for R: the count behind a
 * published percentage and the names of interval methods. */
#include <stdio.h>

#include "r_zj.h"

/* zj_count_from_percent over vectors (recycled in R); NA in, NA out. */
SEXP zjr_count_from_percent(SEXP percent, SEXP n, SEXP decimals)
{
    R_xlen_t len, i;
    SEXP out;

    zjr_need_real(percent, "percent", -1);
    len = XLENGTH(percent);
    zjr_need_real(n, "n", len);
    zjr_need_int(decimals, "decimals", len);
    out = PROTECT(Rf_allocVector(REALSXP, len));
    for (i = 0; i < len; i++) {
        double p = REAL(percent)[i], m = REAL(n)[i];
        int d = INTEGER(decimals)[i];
        zj_error err;

        if (ISNAN(p) || ISNAN(m) || d == NA_INTEGER) {
            REAL(out)[i] = NA_REAL;
            continue;
        }
        if (zj_count_from_percent(p, d, m, &REAL(out)[i], NULL, &err) != ZJ_OK)
            zjr_stop(&err);
    }
    UNPROTECT(1);
    return out;
}

/* The library's name of each interval method (aliases, any case, resolved
 * by zj_ci_method_parse); an unknown name is a zhijiao_error. */
SEXP zjr_ci_method_names(SEXP method)
{
    R_xlen_t n, i;
    SEXP out;

    zjr_need_str(method, "method", -1);
    n = XLENGTH(method);
    out = PROTECT(Rf_allocVector(STRSXP, n));
    for (i = 0; i < n; i++) {
        const char *s = zjr_utf8_at(method, i, "method");

        SET_STRING_ELT(out, i, zjr_char(zj_ci_method_name(zjr_ci_method(s ? s : "NA"))));
    }
    UNPROTECT(1);
    return out;
}

zj_ci_method zjr_ci_method(const char *name)
{
    zj_ci_method m;
    zj_error err;

    zj_error_clear(&err);
    if (zj_ci_method_parse(name, &m, &err) != ZJ_OK) {
        /* the core calls its parameter "name"; here it is R's `method` */
        snprintf(err.where, sizeof err.where, "argument method");
        zjr_stop(&err);
    }
    return m;
}
