/* r_compact.c — columns that hold one value in every row, stored once.
 *
 * Vectorised results often carry such columns: the method and the
 * confidence level of every row of zj_rate(), status "ok" and NA reasons
 * when every element could be computed.  Writing a value into a million
 * cells of a character vector costs more than computing the million
 * intervals, so these columns are ALTREP vectors that keep the value and
 * the length, as R keeps 1:n.  They read as ordinary vectors; the
 * ordinary vector is made only when some code asks for the data pointer
 * or changes an element, and they serialize as ordinary vectors (saveRDS
 * output does not need this package to be read).
 *
 * data1: list(value, length): the value as a vector of length one
 *        (STRSXP or REALSXP) and the length as a double;
 * data2: R_NilValue until the ordinary vector is made, then that vector. */
#include "r_zj.h"

#include <R_ext/Altrep.h>

static R_altrep_class_t rep_str_class, rep_real_class;

static SEXP rep_value(SEXP x)
{
    return VECTOR_ELT(R_altrep_data1(x), 0);
}

static R_xlen_t rep_length(SEXP x)
{
    SEXP full = R_altrep_data2(x);

    if (full != R_NilValue)
        return XLENGTH(full);
    return (R_xlen_t)REAL(VECTOR_ELT(R_altrep_data1(x), 1))[0];
}

/* The ordinary vector, made on first need. */
static SEXP rep_expand(SEXP x)
{
    SEXP full = R_altrep_data2(x), value;
    R_xlen_t n, i;

    if (full != R_NilValue)
        return full;
    value = rep_value(x);
    n = rep_length(x);
    full = PROTECT(Rf_allocVector(TYPEOF(value), n));
    if (TYPEOF(value) == STRSXP) {
        SEXP ch = STRING_ELT(value, 0);
        for (i = 0; i < n; i++)
            SET_STRING_ELT(full, i, ch);
    } else {
        double v = REAL(value)[0], *p = REAL(full);
        for (i = 0; i < n; i++)
            p[i] = v;
    }
    R_set_altrep_data2(x, full);
    UNPROTECT(1);
    return full;
}

static R_xlen_t rep_Length(SEXP x)
{
    return rep_length(x);
}

static Rboolean rep_Inspect(SEXP x, int pre, int deep, int pvec,
                            void (*inspect_subtree)(SEXP, int, int, int))
{
    (void)pre; (void)deep; (void)pvec; (void)inspect_subtree;
    Rprintf(" zhijiao compact column (one value, length %ld%s)\n", (long)rep_length(x),
            R_altrep_data2(x) != R_NilValue ? ", expanded" : "");
    return TRUE;
}

/* A copy stays compact until it is expanded itself. */
static SEXP rep_Duplicate(SEXP x, Rboolean deep)
{
    (void)deep;
    if (R_altrep_data2(x) != R_NilValue)
        return NULL;   /* R copies the expanded vector */
    return R_new_altrep(TYPEOF(x) == STRSXP ? rep_str_class : rep_real_class,
                        R_altrep_data1(x), R_NilValue);
}

static void *rep_Dataptr(SEXP x, Rboolean writeable)
{
    SEXP full = rep_expand(x);

    (void)writeable;
    return TYPEOF(full) == STRSXP ? (void *)STRING_PTR_RO(full) : (void *)REAL(full);
}

static const void *rep_Dataptr_or_null(SEXP x)
{
    SEXP full = R_altrep_data2(x);

    if (full == R_NilValue)
        return NULL;
    return TYPEOF(full) == STRSXP ? (const void *)STRING_PTR_RO(full)
                                  : (const void *)REAL_RO(full);
}

static SEXP rep_str_Elt(SEXP x, R_xlen_t i)
{
    SEXP full = R_altrep_data2(x);

    return full != R_NilValue ? STRING_ELT(full, i) : STRING_ELT(rep_value(x), 0);
}

static void rep_str_Set_elt(SEXP x, R_xlen_t i, SEXP v)
{
    SET_STRING_ELT(rep_expand(x), i, v);
}

static int rep_str_No_NA(SEXP x)
{
    return R_altrep_data2(x) == R_NilValue && STRING_ELT(rep_value(x), 0) != NA_STRING;
}

static double rep_real_Elt(SEXP x, R_xlen_t i)
{
    SEXP full = R_altrep_data2(x);

    return full != R_NilValue ? REAL_RO(full)[i] : REAL_RO(rep_value(x))[0];
}

static R_xlen_t rep_real_Get_region(SEXP x, R_xlen_t i, R_xlen_t n, double *buf)
{
    SEXP full = R_altrep_data2(x);
    R_xlen_t len = rep_length(x), k;
    double v;

    if (i >= len)
        return 0;
    if (n > len - i)
        n = len - i;
    if (full != R_NilValue) {
        const double *p = REAL_RO(full) + i;
        for (k = 0; k < n; k++)
            buf[k] = p[k];
    } else {
        v = REAL_RO(rep_value(x))[0];
        for (k = 0; k < n; k++)
            buf[k] = v;
    }
    return n;
}

static int rep_real_No_NA(SEXP x)
{
    return R_altrep_data2(x) == R_NilValue && !ISNAN(REAL_RO(rep_value(x))[0]);
}

void zjr_compact_init(DllInfo *dll)
{
    rep_str_class = R_make_altstring_class("zj_rep_str", "zhijiao", dll);
    R_set_altrep_Length_method(rep_str_class, rep_Length);
    R_set_altrep_Inspect_method(rep_str_class, rep_Inspect);
    R_set_altrep_Duplicate_method(rep_str_class, rep_Duplicate);
    R_set_altvec_Dataptr_method(rep_str_class, rep_Dataptr);
    R_set_altvec_Dataptr_or_null_method(rep_str_class, rep_Dataptr_or_null);
    R_set_altstring_Elt_method(rep_str_class, rep_str_Elt);
    R_set_altstring_Set_elt_method(rep_str_class, rep_str_Set_elt);
    R_set_altstring_No_NA_method(rep_str_class, rep_str_No_NA);

    rep_real_class = R_make_altreal_class("zj_rep_real", "zhijiao", dll);
    R_set_altrep_Length_method(rep_real_class, rep_Length);
    R_set_altrep_Inspect_method(rep_real_class, rep_Inspect);
    R_set_altrep_Duplicate_method(rep_real_class, rep_Duplicate);
    R_set_altvec_Dataptr_method(rep_real_class, rep_Dataptr);
    R_set_altvec_Dataptr_or_null_method(rep_real_class, rep_Dataptr_or_null);
    R_set_altreal_Elt_method(rep_real_class, rep_real_Elt);
    R_set_altreal_Get_region_method(rep_real_class, rep_real_Get_region);
    R_set_altreal_No_NA_method(rep_real_class, rep_real_No_NA);
}

/* value (a STRSXP or REALSXP of length one) repeated n times. */
static SEXP compact(SEXP value, R_xlen_t n)
{
    SEXP data1 = PROTECT(Rf_allocVector(VECSXP, 2)), out;

    SET_VECTOR_ELT(data1, 0, value);
    SET_VECTOR_ELT(data1, 1, Rf_ScalarReal((double)n));
    out = R_new_altrep(TYPEOF(value) == STRSXP ? rep_str_class : rep_real_class,
                       data1, R_NilValue);
    UNPROTECT(1);
    return out;
}

SEXP zjr_compact_str(SEXP ch, R_xlen_t n)
{
    SEXP value = PROTECT(Rf_ScalarString(ch)), out;

    out = compact(value, n);
    UNPROTECT(1);
    return out;
}

SEXP zjr_compact_real(double v, R_xlen_t n)
{
    SEXP value = PROTECT(Rf_ScalarReal(v)), out;

    out = compact(value, n);
    UNPROTECT(1);
    return out;
}
