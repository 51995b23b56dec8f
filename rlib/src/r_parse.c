/* r_parse.c — what the core interprets for R: the count behind a
 * published percentage, the names of interval methods, and the numbers
 * of a table's text columns. */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

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

/* Text written as a whole number: no point or exponent, ASCII or
 * full-width (．ｅＥ), so "95.00" stays a double as printed. */
static int written_whole(const char *s)
{
    return !strpbrk(s, ".eE") && !strstr(s, "\xef\xbc\x8e") && !strstr(s, "\xef\xbd\x85") &&
           !strstr(s, "\xef\xbc\xa5");
}

/* A text column as numbers when every cell that is not NA is a number as
 * the core reads one (zj_parse_number, as the CLI and Calc read text):
 * integer when every number is written whole and fits, else double.  A
 * column with a cell that is not a number, or with no number at all, is
 * returned unchanged. */
SEXP zjr_typed_column(SEXP x)
{
    R_xlen_t n, i, seen = 0;
    int whole = 1;
    SEXP out;

    zjr_need_str(x, "x", -1);
    n = XLENGTH(x);
    out = PROTECT(Rf_allocVector(REALSXP, n));
    for (i = 0; i < n; i++) {
        const char *s;
        double v;

        if (STRING_ELT(x, i) == NA_STRING) {
            REAL(out)[i] = NA_REAL;
            continue;
        }
        s = zjr_utf8_at(x, i, "x");
        if (zj_parse_number(s, NULL, &v, NULL) != ZJ_OK) {
            UNPROTECT(1);
            return x;
        }
        seen++;
        REAL(out)[i] = v;
        if (whole && !(written_whole(s) && v == floor(v) && fabs(v) <= INT_MAX))
            whole = 0;
    }
    if (!seen) {
        UNPROTECT(1);
        return x;
    }
    if (whole)
        out = Rf_coerceVector(out, INTSXP);
    UNPROTECT(1);
    return out;
}
