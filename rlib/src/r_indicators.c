/* r_indicators.c — rates with intervals, pooling, differences, score
 * summaries, ratios, composites and grade distributions.
 *
 * Element problems (NA, n = 0, x > n, ...) give NA with the reason in
 * reason_zh / reason_en; only a problem of the whole call (an unknown
 * method, a confidence level outside (0, 1), weights that do not sum to 1)
 * raises a zhijiao_error. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "r_zj.h"

static const char NA_ZH[] = "\xE8\xBE\x93\xE5\x85\xA5\xE7\xBC\xBA\xE5\xA4\xB1\xEF\xBC\x88NA\xEF\xBC\x89"; /* 输入缺失（NA） */
static const char NA_EN[] = "input is missing (NA)";

/* Whether an error is about an argument of the whole call. */
static int call_level(const zj_error *e)
{
    return strcmp(e->where, "argument conf") == 0 ||
           strcmp(e->where, "argument method") == 0 ||
           strncmp(e->where, "argument weights", 16) == 0 ||
           strcmp(e->where, "argument pass_mark") == 0 ||
           strcmp(e->where, "argument excellent_mark") == 0;
}

static double na_if_nan(double v)
{
    return isnan(v) ? NA_REAL : v;
}

/* Columns "status", "reason_zh", "reason_en" at positions k, k+1, k+2. */
static void set_reason(SEXP out, int k, R_xlen_t i, zj_code rc, const char *zh,
                       const char *en)
{
    SET_STRING_ELT(VECTOR_ELT(out, k), i, zjr_char(zj_code_name(rc)));
    SET_STRING_ELT(VECTOR_ELT(out, k + 1), i, rc == ZJ_OK ? NA_STRING : zjr_char(zh));
    SET_STRING_ELT(VECTOR_ELT(out, k + 2), i, rc == ZJ_OK ? NA_STRING : zjr_char(en));
}

static void set_missing(SEXP out, int k, R_xlen_t i)
{
    SET_STRING_ELT(VECTOR_ELT(out, k), i, zjr_char("missing"));
    SET_STRING_ELT(VECTOR_ELT(out, k + 1), i, zjr_char(NA_ZH));
    SET_STRING_ELT(VECTOR_ELT(out, k + 2), i, zjr_char(NA_EN));
}

/* A named list of n columns, each of the given type and length len. */
static SEXP columns(int n, const char *const *names, const SEXPTYPE *types, R_xlen_t len)
{
    SEXP out = PROTECT(zjr_named_list(n, names));
    int k;

    for (k = 0; k < n; k++)
        SET_VECTOR_ELT(out, k, Rf_allocVector(types[k], len));
    UNPROTECT(1);
    return out;
}

static zj_ci_method parse_method(SEXP method)
{
    return zjr_ci_method(zjr_string_arg(method, "method"));
}

SEXP zjr_ci_methods(void)
{
    int m, n = (int)ZJ_CI_WALD + 1;
    SEXP out = PROTECT(Rf_allocVector(STRSXP, n));

    for (m = 0; m < n; m++)
        SET_STRING_ELT(out, m, zjr_char(zj_ci_method_name((zj_ci_method)m)));
    UNPROTECT(1);
    return out;
}

/* ---- rates ------------------------------------------------------------ */

#define RATE_CHUNK 1024

/* The columns of zj_rate() for one method: x, n, estimate, lower, upper,
 * method, conf.level, status, reason_zh, reason_en.  x and n (of equal
 * length; R recycles them) are returned as the columns x and n, not
 * copied; conf is of that length too, or of length one (then recycled
 * here).  An element that cannot be computed gets NA with its status
 * ("missing" for NA input, else the code's name) and messages.
 *
 * Only the result is allocated: the core computes chunks into a small
 * buffer, and the columns that hold one value in every row (the method;
 * a scalar level; status and reasons when every element is fine, the
 * common case) are compact (r_compact.c). */
/* The design of n ("sample", "census", "finite"); with "finite",
 * population holds each element's N (length len). */
static zj_design parse_design(SEXP design, SEXP population, R_xlen_t len)
{
    const char *d = zjr_string_arg(design, "design");
    zj_design zd;
    zj_error err;

    zj_error_clear(&err);
    if (zj_design_parse(d, &zd, &err) != ZJ_OK)
        zjr_stop(&err);
    if (zd == ZJ_DESIGN_FINITE)
        zjr_need_real(population, "population", len);
    return zd;
}

SEXP zjr_rate(SEXP x, SEXP n, SEXP conf, SEXP method, SEXP design, SEXP population)
{
    static const char *const names[] = {"x", "n", "estimate", "conf.low", "conf.high", "method",
                                        "conf.level", "design", "status", "reason_zh",
                                        "reason_en"};
    R_xlen_t len, i, start, nbad = 0, cap = 0, b, nfailed = 0;
    R_xlen_t *bad = NULL;
    zj_ci_method cm;
    zj_design zd;
    zj_rate_options ro;
    zj_rate *res;
    zj_code *st;
    SEXP out, stc, rzh, ren;
    const double *px, *pn, *pc, *pp = NULL;
    double *est, *lo, *hi;
    int scalar_conf;

    zjr_need_real(x, "x", -1);
    len = XLENGTH(x);
    zjr_need_real(n, "n", len);
    zjr_need_real(conf, "conf.level", -1);
    scalar_conf = XLENGTH(conf) == 1;
    if (!scalar_conf)
        zjr_need_real(conf, "conf.level", len);
    cm = parse_method(method);
    zd = parse_design(design, population, len);
    if (zd == ZJ_DESIGN_FINITE)
        pp = REAL_RO(population);
    zj_rate_options_init(&ro);
    ro.method = cm;
    ro.design = zd;
    px = REAL_RO(x);
    pn = REAL_RO(n);
    pc = REAL_RO(conf);
    res = (zj_rate *)R_alloc(RATE_CHUNK, sizeof *res);
    st = (zj_code *)R_alloc(RATE_CHUNK, sizeof *st);

    out = PROTECT(zjr_named_list(11, names));
    SET_VECTOR_ELT(out, 7, zjr_compact_str(STRING_ELT(PROTECT(zjr_str1(zj_design_name(zd))), 0),
                                            len));
    UNPROTECT(1);
    SET_VECTOR_ELT(out, 0, x);
    SET_VECTOR_ELT(out, 1, n);
    SET_VECTOR_ELT(out, 2, Rf_allocVector(REALSXP, len));
    SET_VECTOR_ELT(out, 3, Rf_allocVector(REALSXP, len));
    SET_VECTOR_ELT(out, 4, Rf_allocVector(REALSXP, len));
    SET_VECTOR_ELT(out, 5, zjr_compact_str(STRING_ELT(PROTECT(zjr_str1(zj_ci_method_name(cm))), 0),
                                           len));
    UNPROTECT(1);
    SET_VECTOR_ELT(out, 6, scalar_conf ? zjr_compact_real(pc[0], len) : conf);
    est = REAL(VECTOR_ELT(out, 2));
    lo = REAL(VECTOR_ELT(out, 3));
    hi = REAL(VECTOR_ELT(out, 4));

    /* One batch call per run of equal confidence levels (one run when the
     * level is a scalar), in chunks of RATE_CHUNK; the indices of the
     * elements that could not be computed are kept in bad[]. */
    for (start = 0; start < len;) {
        R_xlen_t end = start + 1, k;
        double level = pc[scalar_conf ? 0 : start];
        zj_error err;

        if (scalar_conf)
            end = len - start < RATE_CHUNK ? len : start + RATE_CHUNK;
        else
            while (end < len && end - start < RATE_CHUNK &&
                   (pc[end] == level || (ISNAN(pc[end]) && ISNAN(level))))
                end++;
        if (ISNAN(level)) {
            for (k = 0; k < end - start; k++)
                st[k] = ZJ_ERR_ARG;
        } else {
            zj_error_clear(&err);
            ro.conf = level;
            if ((zd == ZJ_DESIGN_SAMPLE
                     ? zj_rate_ci_batch(px + start, pn + start, (size_t)(end - start),
                                        level, cm, res, st, &err)
                     : zj_rate_ci_design_batch(px + start, pn + start,
                                               pp ? pp + start : NULL,
                                               (size_t)(end - start), &ro, res, st,
                                               &err)) != ZJ_OK)
                zjr_stop(&err);
        }
        for (k = 0, i = start; i < end; k++, i++) {
            if (st[k] == ZJ_OK) {
                est[i] = res[k].estimate;
                lo[i] = res[k].lower;
                hi[i] = res[k].upper;
                if (zd != ZJ_DESIGN_SAMPLE) {
                    /* a census has no interval: NA, not NaN */
                    lo[i] = na_if_nan(lo[i]);
                    hi[i] = na_if_nan(hi[i]);
                }
                continue;
            }
            est[i] = lo[i] = hi[i] = NA_REAL;
            if (nbad == cap) {
                R_xlen_t *more;
                cap = cap ? 2 * cap : 64;
                more = (R_xlen_t *)R_alloc((size_t)cap, sizeof *more);
                if (nbad)
                    memcpy(more, bad, (size_t)nbad * sizeof *more);
                bad = more;
            }
            bad[nbad++] = i;
        }
        /* Only R's memory is in use here: an interrupt may unwind. */
        if (start / RATE_CHUNK != end / RATE_CHUNK)
            R_CheckUserInterrupt();
        start = end;
    }

    if (nbad == 0) {
        SET_VECTOR_ELT(out, 8, zjr_compact_str(PROTECT(Rf_mkCharCE("ok", CE_UTF8)), len));
        UNPROTECT(1);
        SET_VECTOR_ELT(out, 9, zjr_compact_str(NA_STRING, len));
        SET_VECTOR_ELT(out, 10, zjr_compact_str(NA_STRING, len));
        UNPROTECT(1);
        return out;
    }
    SET_VECTOR_ELT(out, 8, stc = Rf_allocVector(STRSXP, len));
    SET_VECTOR_ELT(out, 9, rzh = Rf_allocVector(STRSXP, len));
    SET_VECTOR_ELT(out, 10, ren = Rf_allocVector(STRSXP, len));
    {
        SEXP ok = PROTECT(Rf_mkCharCE("ok", CE_UTF8));
        for (i = 0; i < len; i++) {
            SET_STRING_ELT(stc, i, ok);
            SET_STRING_ELT(rzh, i, NA_STRING);
            SET_STRING_ELT(ren, i, NA_STRING);
        }
        UNPROTECT(1);
    }
    for (b = 0; b < nbad; b++) {
        double cl = pc[scalar_conf ? 0 : bad[b]];
        zj_rate one;
        zj_error err;
        zj_code rc;

        i = bad[b];
        if (ISNAN(px[i]) || ISNAN(pn[i]) || ISNAN(cl) || (pp && ISNAN(pp[i]))) {
            SET_STRING_ELT(stc, i, zjr_char("missing"));
            SET_STRING_ELT(rzh, i, zjr_char(NA_ZH));
            SET_STRING_ELT(ren, i, zjr_char(NA_EN));
        } else {
            /* The batch gives only the code: ask for this element's message. */
            zj_error_clear(&err);
            ro.conf = cl;
            ro.population = pp ? pp[i] : NAN;
            rc = zj_rate_ci_design(px[i], pn[i], &ro, &one, &err);
            SET_STRING_ELT(stc, i, zjr_char(zj_code_name(rc)));
            SET_STRING_ELT(rzh, i, zjr_char(err.message_zh));
            SET_STRING_ELT(ren, i, zjr_char(err.message_en));
            nfailed++;
        }
    }
    /* zj_rate() warns with the count of results that became NA although
     * their input was not (x > n, n = 0, ...). */
    if (nfailed)
        Rf_setAttrib(out, Rf_install("zj_failed"), Rf_ScalarInteger((int)nfailed));
    UNPROTECT(1);
    return out;
}

/* School-level data: the pooled rate with its cluster-robust intervals
 * and the mean of the school rates (zj_rate_clustered); `published` is
 * NULL or the published percentage as printed.  Errors of the data raise
 * a zhijiao_error: the schools are one call, not a batch. */
SEXP zjr_rate_clustered(SEXP x, SEXP n, SEXP conf, SEXP published)
{
    static const char *const names[] = {
        "schools", "x", "n", "estimate", "std.error", "conf.low", "conf.high",
        "wald.low", "wald.high", "df", "design_effect", "n_effective",
        "mean_of_rates", "mean_sd", "mean.conf.low", "mean.conf.high",
        "conf.level", "matches"};
    zj_cluster_rates c;
    zj_published_match m = ZJ_MATCH_NEITHER;
    zj_error err;
    SEXP out;
    double v[17];
    int k;

    zjr_need_real(x, "x", -1);
    zjr_need_real(n, "n", XLENGTH(x));
    zjr_need_real(conf, "conf.level", 1);
    zj_error_clear(&err);
    if (zj_rate_clustered(REAL_RO(x), REAL_RO(n), (size_t)XLENGTH(x), REAL_RO(conf)[0],
                          &c, &err) != ZJ_OK)
        zjr_stop(&err);
    if (!Rf_isNull(published) &&
        zj_cluster_match_text(&c, zjr_string_arg(published, "published"), &m, &err) != ZJ_OK)
        zjr_stop(&err);
    v[0] = (double)c.clusters; v[1] = c.x; v[2] = c.n; v[3] = c.pooled;
    v[4] = c.pooled_se; v[5] = c.lower; v[6] = c.upper; v[7] = c.wald_lower;
    v[8] = c.wald_upper; v[9] = c.df; v[10] = c.design_effect;
    v[11] = c.n_effective; v[12] = c.mean_of_rates; v[13] = c.mean_sd;
    v[14] = c.mean_lower; v[15] = c.mean_upper; v[16] = c.conf;
    out = PROTECT(zjr_named_list(18, names));
    for (k = 0; k < 17; k++)
        SET_VECTOR_ELT(out, k, Rf_ScalarReal(na_if_nan(v[k])));
    SET_VECTOR_ELT(out, 17, Rf_isNull(published) ? Rf_ScalarString(NA_STRING)
                                                  : zjr_str1(zj_published_match_name(m)));
    UNPROTECT(1);
    return out;
}

SEXP zjr_pooled(SEXP x, SEXP n, SEXP conf, SEXP method)
{
    static const char *const names[] = {"x", "n", "estimate", "conf.low", "conf.high", "method",
                                        "mean_of_rates", "groups", "status",
                                        "reason_zh", "reason_en"};
    static const SEXPTYPE types[] = {REALSXP, REALSXP, REALSXP, REALSXP, REALSXP, STRSXP,
                                     REALSXP, INTSXP, STRSXP, STRSXP, STRSXP};
    R_xlen_t len, i;
    zj_ci_method cm;
    zj_pooled res;
    zj_error err;
    zj_code rc;
    SEXP out;
    int k, has_na = 0;

    zjr_need_real(x, "x", -1);
    len = XLENGTH(x);
    zjr_need_real(n, "n", len);
    zjr_need_real(conf, "conf.level", 1);
    cm = parse_method(method);
    for (i = 0; i < len; i++)
        if (ISNAN(REAL(x)[i]) || ISNAN(REAL(n)[i]))
            has_na = 1;

    out = PROTECT(columns(11, names, types, 1));
    SET_STRING_ELT(VECTOR_ELT(out, 5), 0, zjr_char(zj_ci_method_name(cm)));
    INTEGER(VECTOR_ELT(out, 7))[0] = (int)len;
    memset(&res, 0, sizeof res);
    zj_error_clear(&err);
    if (has_na || ISNAN(REAL(conf)[0])) {
        rc = ZJ_ERR_ARG;
        set_missing(out, 8, 0);
    } else {
        rc = zj_rate_pooled(REAL(x), REAL(n), (size_t)len, REAL(conf)[0], cm, &res, &err);
        if (rc != ZJ_OK && call_level(&err)) {
            UNPROTECT(1);
            zjr_stop(&err);
        }
        set_reason(out, 8, 0, rc, err.message_zh, err.message_en);
    }
    if (rc == ZJ_OK) {
        REAL(VECTOR_ELT(out, 0))[0] = res.pooled.x;
        REAL(VECTOR_ELT(out, 1))[0] = res.pooled.n;
        REAL(VECTOR_ELT(out, 2))[0] = res.pooled.estimate;
        REAL(VECTOR_ELT(out, 3))[0] = res.pooled.lower;
        REAL(VECTOR_ELT(out, 4))[0] = res.pooled.upper;
        REAL(VECTOR_ELT(out, 6))[0] = na_if_nan(res.mean_of_rates);
        INTEGER(VECTOR_ELT(out, 7))[0] = (int)res.groups;
    } else {
        for (k = 0; k < 7; k++)
            if (k != 5)
                REAL(VECTOR_ELT(out, k))[0] = NA_REAL;
    }
    UNPROTECT(1);
    return out;
}

SEXP zjr_rate_diff(SEXP x1, SEXP n1, SEXP x2, SEXP n2, SEXP conf, SEXP correct,
                   SEXP design)
{
    static const char *const names[] = {"p1", "p2", "estimate", "conf.low", "conf.high",
                                        "statistic", "p.value", "status", "reason_zh",
                                        "reason_en"};
    static const SEXPTYPE types[] = {REALSXP, REALSXP, REALSXP, REALSXP, REALSXP,
                                     REALSXP, REALSXP, STRSXP, STRSXP, STRSXP};
    R_xlen_t len, i;
    double cl;
    int corr, k;
    zj_design zd;
    SEXP out;

    zjr_need_real(x1, "x1", -1);
    len = XLENGTH(x1);
    zjr_need_real(n1, "n1", len);
    zjr_need_real(x2, "x2", len);
    zjr_need_real(n2, "n2", len);
    zjr_need_real(conf, "conf.level", 1);
    zjr_need_lgl(correct, "correct", 1);
    cl = REAL(conf)[0];
    corr = LOGICAL(correct)[0];
    zd = parse_design(design, R_NilValue, 0);
    if (corr == NA_LOGICAL)
        zjr_arg_error("correct", "TRUE \xE6\x88\x96 FALSE", "TRUE or FALSE");

    out = PROTECT(columns(10, names, types, len));
    for (i = 0; i < len; i++) {
        double a = REAL(x1)[i], b = REAL(n1)[i], c = REAL(x2)[i], d = REAL(n2)[i];
        zj_rate_diff r;
        zj_error err;
        zj_code rc = ZJ_ERR_ARG;

        zj_error_clear(&err);
        if (ISNAN(a) || ISNAN(b) || ISNAN(c) || ISNAN(d) || ISNAN(cl)) {
            set_missing(out, 7, i);
        } else {
            rc = zj_rate_change(a, b, c, d, zd, cl, corr, &r, &err);
            if (rc != ZJ_OK && call_level(&err)) {
                UNPROTECT(1);
                zjr_stop(&err);
            }
            set_reason(out, 7, i, rc, err.message_zh, err.message_en);
        }
        if (rc == ZJ_OK) {
            REAL(VECTOR_ELT(out, 0))[i] = r.p1;
            REAL(VECTOR_ELT(out, 1))[i] = r.p2;
            REAL(VECTOR_ELT(out, 2))[i] = r.diff;
            REAL(VECTOR_ELT(out, 3))[i] = na_if_nan(r.lower);   /* NA for a census */
            REAL(VECTOR_ELT(out, 4))[i] = na_if_nan(r.upper);
            REAL(VECTOR_ELT(out, 5))[i] = na_if_nan(r.statistic);
            REAL(VECTOR_ELT(out, 6))[i] = na_if_nan(r.p_value);
        } else {
            for (k = 0; k < 7; k++)
                REAL(VECTOR_ELT(out, k))[i] = NA_REAL;
        }
    }
    UNPROTECT(1);
    return out;
}

/* ---- score vectors ------------------------------------------------------ */

SEXP zjr_scores(SEXP scores, SEXP pass_mark, SEXP excellent_mark)
{
    static const char *const names[] = {"valid", "missing", "mean", "sd", "min", "max",
                                        "passed", "excellent", "pass_rate",
                                        "excellent_rate", "pass_mark", "excellent_mark",
                                        "status", "reason_zh", "reason_en"};
    static const SEXPTYPE types[] = {INTSXP, INTSXP, REALSXP, REALSXP, REALSXP, REALSXP,
                                     INTSXP, INTSXP, REALSXP, REALSXP, REALSXP, REALSXP,
                                     STRSXP, STRSXP, STRSXP};
    zj_score_summary s;
    zj_error err;
    zj_code rc;
    SEXP out;
    int k;

    zjr_need_real(scores, "scores", -1);
    zjr_need_real(pass_mark, "pass_mark", 1);
    zjr_need_real(excellent_mark, "excellent_mark", 1);
    memset(&s, 0, sizeof s);
    zj_error_clear(&err);
    /* R's NA_real_ is a NaN: the core counts it as a missing score. */
    rc = zj_scores_summarize(REAL(scores), (size_t)XLENGTH(scores), REAL(pass_mark)[0],
                             REAL(excellent_mark)[0], &s, &err);
    if (rc != ZJ_OK && call_level(&err))
        zjr_stop(&err);
    out = PROTECT(columns(15, names, types, 1));
    if (rc == ZJ_OK) {
        INTEGER(VECTOR_ELT(out, 0))[0] = (int)s.valid;
        INTEGER(VECTOR_ELT(out, 1))[0] = (int)s.missing;
        REAL(VECTOR_ELT(out, 2))[0] = na_if_nan(s.mean);
        REAL(VECTOR_ELT(out, 3))[0] = na_if_nan(s.sd);
        REAL(VECTOR_ELT(out, 4))[0] = na_if_nan(s.min);
        REAL(VECTOR_ELT(out, 5))[0] = na_if_nan(s.max);
        INTEGER(VECTOR_ELT(out, 6))[0] = (int)s.passed;
        INTEGER(VECTOR_ELT(out, 7))[0] = (int)s.excellent;
        REAL(VECTOR_ELT(out, 8))[0] = na_if_nan(s.pass_rate);
        REAL(VECTOR_ELT(out, 9))[0] = na_if_nan(s.excellent_rate);
        REAL(VECTOR_ELT(out, 10))[0] = s.pass_mark;
        REAL(VECTOR_ELT(out, 11))[0] = s.excellent_mark;
    } else {
        for (k = 0; k < 12; k++) {
            SEXP col = VECTOR_ELT(out, k);
            if (TYPEOF(col) == INTSXP)
                INTEGER(col)[0] = NA_INTEGER;
            else
                REAL(col)[0] = NA_REAL;
        }
        REAL(VECTOR_ELT(out, 10))[0] = REAL(pass_mark)[0];
        REAL(VECTOR_ELT(out, 11))[0] = REAL(excellent_mark)[0];
    }
    set_reason(out, 12, 0, rc, err.message_zh, err.message_en);
    UNPROTECT(1);
    return out;
}

/* ---- plain ratios --------------------------------------------------------- */

/* A ratio of two counts per element (columns rate, status, reason_zh,
 * reason_en): fn is the core's zj_completion_rate or zj_transfer_rate. */
static SEXP ratio(SEXP num, const char *num_arg, SEXP den, const char *den_arg,
                  zj_code (*fn)(double, double, double *, zj_error *))
{
    static const char *const names[] = {"rate", "status", "reason_zh", "reason_en"};
    static const SEXPTYPE types[] = {REALSXP, STRSXP, STRSXP, STRSXP};
    R_xlen_t len, i;
    SEXP out;

    zjr_need_real(num, num_arg, -1);
    len = XLENGTH(num);
    zjr_need_real(den, den_arg, len);
    out = PROTECT(columns(4, names, types, len));
    for (i = 0; i < len; i++) {
        double a = REAL(num)[i], b = REAL(den)[i], v = NA_REAL;
        zj_error err;
        zj_code rc;

        zj_error_clear(&err);
        if (ISNAN(a) || ISNAN(b)) {
            set_missing(out, 1, i);
        } else {
            rc = fn(a, b, &v, &err);
            if (rc != ZJ_OK)
                v = NA_REAL;
            set_reason(out, 1, i, rc, err.message_zh, err.message_en);
        }
        REAL(VECTOR_ELT(out, 0))[i] = v;
    }
    UNPROTECT(1);
    return out;
}

SEXP zjr_completion(SEXP actual, SEXP plan)
{
    return ratio(actual, "actual", plan, "plan", zj_completion_rate);
}

SEXP zjr_progression(SEXP graduates, SEXP to_zhuanke, SEXP to_benke)
{
    static const char *const names[] = {"zhuanke_rate", "benke_rate", "total_rate",
                                        "status", "reason_zh", "reason_en"};
    static const SEXPTYPE types[] = {REALSXP, REALSXP, REALSXP, STRSXP, STRSXP, STRSXP};
    R_xlen_t len, i;
    SEXP out;

    zjr_need_real(graduates, "graduates", -1);
    len = XLENGTH(graduates);
    zjr_need_real(to_zhuanke, "to_zhuanke", len);
    zjr_need_real(to_benke, "to_benke", len);
    out = PROTECT(columns(6, names, types, len));
    for (i = 0; i < len; i++) {
        double g = REAL(graduates)[i], z = REAL(to_zhuanke)[i], b = REAL(to_benke)[i];
        zj_progression p;
        zj_error err;
        zj_code rc = ZJ_ERR_ARG;

        zj_error_clear(&err);
        if (ISNAN(g) || ISNAN(z) || ISNAN(b)) {
            set_missing(out, 3, i);
        } else {
            rc = zj_progression_rates(g, z, b, &p, &err);
            set_reason(out, 3, i, rc, err.message_zh, err.message_en);
        }
        REAL(VECTOR_ELT(out, 0))[i] = rc == ZJ_OK ? p.zhuanke_rate : NA_REAL;
        REAL(VECTOR_ELT(out, 1))[i] = rc == ZJ_OK ? p.benke_rate : NA_REAL;
        REAL(VECTOR_ELT(out, 2))[i] = rc == ZJ_OK ? p.total_rate : NA_REAL;
    }
    UNPROTECT(1);
    return out;
}

SEXP zjr_transfer(SEXP transferred, SEXP cohort)
{
    return ratio(transferred, "transferred", cohort, "cohort", zj_transfer_rate);
}

/* ---- composites ------------------------------------------------------------ */

/* scores: a double matrix (rows x components, R's column-major order). */
SEXP zjr_composite(SEXP scores, SEXP weights)
{
    static const char *const names[] = {"composite", "status", "reason_zh", "reason_en"};
    static const SEXPTYPE types[] = {REALSXP, STRSXP, STRSXP, STRSXP};
    SEXP dim, out;
    R_xlen_t rows, comps, i, j;
    double *rm, *res;
    zj_code *st;
    zj_error err;

    zjr_need_real(scores, "scores", -1);
    dim = Rf_getAttrib(scores, R_DimSymbol);
    if (TYPEOF(dim) != INTSXP || XLENGTH(dim) != 2)
        zjr_arg_error("scores", "\xE6\x95\xB0\xE5\x80\xBC\xE7\x9F\xA9\xE9\x98\xB5\xE6\x88\x96\xE6\x95\xB0\xE6\x8D\xAE\xE6\xA1\x86",
                      "a numeric matrix or data frame (rows x components)"); /* 数值矩阵或数据框 */
    rows = INTEGER(dim)[0];
    comps = INTEGER(dim)[1];
    zjr_need_real(weights, "weights", comps);
    rm = (double *)R_alloc((size_t)(rows * comps) + 1, sizeof(double));
    res = (double *)R_alloc((size_t)rows + 1, sizeof(double));
    st = (zj_code *)R_alloc((size_t)rows + 1, sizeof(zj_code));
    for (i = 0; i < rows; i++)
        for (j = 0; j < comps; j++)
            rm[i * comps + j] = REAL(scores)[i + j * rows];
    zj_error_clear(&err);
    if (zj_composite_batch(rm, (size_t)rows, REAL(weights), (size_t)comps, res, st, &err) != ZJ_OK)
        zjr_stop(&err);
    out = PROTECT(columns(4, names, types, rows));
    for (i = 0; i < rows; i++) {
        if (st[i] == ZJ_OK) {
            REAL(VECTOR_ELT(out, 0))[i] = res[i];
            set_reason(out, 1, i, ZJ_OK, NULL, NULL);
        } else {
            double one;
            REAL(VECTOR_ELT(out, 0))[i] = NA_REAL;
            zj_error_clear(&err);
            zj_composite(rm + i * comps, REAL(weights), (size_t)comps, &one, &err);
            set_reason(out, 1, i, st[i], err.message_zh, err.message_en);
        }
    }
    UNPROTECT(1);
    return out;
}

/* ---- grade distributions ------------------------------------------------------ */

SEXP zjr_grades(SEXP grades, SEXP conclusions)
{
    enum { NG = ZJ_GRADE_SCALE_SIZE };
    const char *names[NG + 8];
    SEXPTYPE types[NG + 8];
    zj_grade_distribution dist;
    const char **g, **c = NULL;
    R_xlen_t len, i;
    zj_error err;
    zj_code rc;
    SEXP out;
    int k;

    zjr_need_str(grades, "grade", -1);
    len = XLENGTH(grades);
    if (conclusions != R_NilValue)
        zjr_need_str(conclusions, "conclusion", len);
    g = (const char **)R_alloc((size_t)len + 1, sizeof(char *));
    for (i = 0; i < len; i++)
        g[i] = zjr_utf8_at(grades, i, "grade");
    if (conclusions != R_NilValue) {
        c = (const char **)R_alloc((size_t)len + 1, sizeof(char *));
        for (i = 0; i < len; i++)
            c[i] = zjr_utf8_at(conclusions, i, "conclusion");
    }
    for (k = 0; k < NG; k++) {
        names[k] = zj_grade_label((size_t)k);
        types[k] = INTSXP;
    }
    names[NG] = "passed"; names[NG + 1] = "yellow"; names[NG + 2] = "missing";
    names[NG + 3] = "total"; names[NG + 4] = "pass_share";
    names[NG + 5] = "status"; names[NG + 6] = "reason_zh"; names[NG + 7] = "reason_en";
    for (k = NG; k < NG + 4; k++)
        types[k] = INTSXP;
    types[NG + 4] = REALSXP;
    types[NG + 5] = types[NG + 6] = types[NG + 7] = STRSXP;

    memset(&dist, 0, sizeof dist);
    zj_error_clear(&err);
    rc = zj_grade_distribution_count(g, c, (size_t)len, &dist, &err);
    out = PROTECT(columns(NG + 8, names, types, 1));
    for (k = 0; k < NG; k++)
        INTEGER(VECTOR_ELT(out, k))[0] = rc == ZJ_OK ? (int)dist.counts[k] : NA_INTEGER;
    INTEGER(VECTOR_ELT(out, NG))[0] = rc == ZJ_OK ? (int)dist.passed : NA_INTEGER;
    INTEGER(VECTOR_ELT(out, NG + 1))[0] = rc == ZJ_OK ? (int)dist.yellow : NA_INTEGER;
    INTEGER(VECTOR_ELT(out, NG + 2))[0] = rc == ZJ_OK ? (int)dist.missing : NA_INTEGER;
    INTEGER(VECTOR_ELT(out, NG + 3))[0] = rc == ZJ_OK ? (int)dist.total : NA_INTEGER;
    REAL(VECTOR_ELT(out, NG + 4))[0] = rc == ZJ_OK ? na_if_nan(dist.pass_share) : NA_REAL;
    set_reason(out, NG + 5, 0, rc, err.message_zh, err.message_en);
    UNPROTECT(1);
    return out;
}
