/* r_refresh.c — zj_refresh(): the core's refresh pipeline from R.
 *
 * The result is a named list: tables (a data frame: one row per imported
 * table), changes (a data frame: one row per added, removed or changed
 * row, by key), warnings (character), committed (logical), version
 * (character) and the HTTP counts.  Core memory is held by a guard, so an
 * R error raised while building the result cannot leak it. */
#include <string.h>

#include "r_zj.h"

static void free_result(void *p)
{
    zj_refresh_result_free((zj_refresh_result *)p);
}

/* A character vector argument as a C array of UTF-8 strings (R_alloc'ed,
 * freed by R at the end of the call). */
static const char **str_array(SEXP x, const char *arg, size_t *n)
{
    R_xlen_t i, len;
    const char **a;

    zjr_need_str(x, arg, -1);
    len = XLENGTH(x);
    a = (const char **)R_alloc((size_t)len + 1, sizeof *a);
    for (i = 0; i < len; i++) {
        a[i] = zjr_utf8_at(x, i, arg);
        if (!a[i])
            zjr_arg_error(arg, "\xE4\xB8\x8D\xE5\x90\xAB NA \xE7\x9A\x84\xE5\xAD\x97\xE7\xAC\xA6\xE4\xB8\xB2", "strings without NA");
    }
    *n = (size_t)len;
    return a;
}

/* NULL or a length-one string. */
static const char *opt_string(SEXP x, const char *arg)
{
    return Rf_isNull(x) ? NULL : zjr_string_arg(x, arg);
}

static SEXP frame(SEXP cols, R_xlen_t n)
{
    SEXP rn = PROTECT(Rf_allocVector(INTSXP, 2));

    INTEGER(rn)[0] = NA_INTEGER;
    INTEGER(rn)[1] = -(int)n;
    Rf_setAttrib(cols, R_RowNamesSymbol, rn);
    Rf_setAttrib(cols, R_ClassSymbol, Rf_mkString("data.frame"));
    UNPROTECT(1);
    return cols;
}

static SEXP tables_frame(const zj_refresh_result *r)
{
    static const char *const names[] = { "table", "year", "document", "source_url",
                                         "retrieved_at", "rows", "aggregate_rows", "findings" };
    R_xlen_t n = (R_xlen_t)zj_refresh_table_count(r), i;
    SEXP df = PROTECT(zjr_named_list(8, names));
    SEXP c0 = Rf_allocVector(STRSXP, n), c1, c2, c3, c4, c5, c6, c7;

    SET_VECTOR_ELT(df, 0, c0);
    SET_VECTOR_ELT(df, 1, c1 = Rf_allocVector(INTSXP, n));
    SET_VECTOR_ELT(df, 2, c2 = Rf_allocVector(STRSXP, n));
    SET_VECTOR_ELT(df, 3, c3 = Rf_allocVector(STRSXP, n));
    SET_VECTOR_ELT(df, 4, c4 = Rf_allocVector(STRSXP, n));
    SET_VECTOR_ELT(df, 5, c5 = Rf_allocVector(REALSXP, n));
    SET_VECTOR_ELT(df, 6, c6 = Rf_allocVector(REALSXP, n));
    SET_VECTOR_ELT(df, 7, c7 = Rf_allocVector(REALSXP, n));
    for (i = 0; i < n; i++) {
        const zj_refresh_table *t = zj_refresh_table_at(r, (size_t)i);

        SET_STRING_ELT(c0, i, zjr_char(t->name));
        INTEGER(c1)[i] = t->year;
        SET_STRING_ELT(c2, i, zjr_char(t->document));
        SET_STRING_ELT(c3, i, zjr_char(t->source_url));
        SET_STRING_ELT(c4, i, zjr_char(t->retrieved_at));
        REAL(c5)[i] = (double)t->rows;
        REAL(c6)[i] = (double)t->aggregate_rows;
        REAL(c7)[i] = t->findings ? (double)t->findings->count : 0.0;
    }
    UNPROTECT(1);
    return frame(df, n);
}

static SEXP changes_frame(const zj_refresh_result *r)
{
    static const char *const names[] = { "kind", "table", "key", "before", "after" };
    R_xlen_t n = (R_xlen_t)zj_refresh_change_count(r), i;
    SEXP df = PROTECT(zjr_named_list(5, names));
    int k;

    for (k = 0; k < 5; k++)
        SET_VECTOR_ELT(df, k, Rf_allocVector(STRSXP, n));
    for (i = 0; i < n; i++) {
        const zj_refresh_change *c = zj_refresh_change_at(r, (size_t)i);

        SET_STRING_ELT(VECTOR_ELT(df, 0), i, zjr_char(zj_change_kind_name(c->kind)));
        SET_STRING_ELT(VECTOR_ELT(df, 1), i, zjr_char(c->table));
        SET_STRING_ELT(VECTOR_ELT(df, 2), i, zjr_char(c->key));
        SET_STRING_ELT(VECTOR_ELT(df, 3), i, zjr_char0(c->before));
        SET_STRING_ELT(VECTOR_ELT(df, 4), i, zjr_char0(c->after));
    }
    UNPROTECT(1);
    return frame(df, n);
}

SEXP zjr_refresh(SEXP base_urls, SEXP allow_hosts, SEXP snapshot_dir, SEXP cache_dir,
                 SEXP dry_run, SEXP offline, SEXP rate_limit, SEXP accept_removals, SEXP data_dir)
{
    static const char *const names[] = { "tables", "changes", "warnings", "committed",
                                         "version", "requests", "from_cache", "retries", "notes" };
    zj_refresh_options o;
    zj_refresh_result *res = NULL;
    zj_error err;
    size_t nw, i, requests = 0, cached = 0, retries = 0;
    SEXP guard, out, warn, notes;

    zj_refresh_options_init(&o);
    o.base_urls = str_array(base_urls, "base_url", &o.n_base_urls);
    o.allow_hosts = str_array(allow_hosts, "allow_hosts", &o.n_allow_hosts);
    o.snapshot_dir = opt_string(snapshot_dir, "snapshot_dir");
    o.cache_dir = opt_string(cache_dir, "cache_dir");
    zjr_need_lgl(dry_run, "dry_run", 1);
    zjr_need_lgl(offline, "offline", 1);
    zjr_need_real(rate_limit, "rate_limit", 1);
    if (LOGICAL(dry_run)[0] == NA_LOGICAL)
        zjr_arg_error("dry_run", "TRUE \xE6\x88\x96 FALSE", "TRUE or FALSE");
    if (LOGICAL(offline)[0] == NA_LOGICAL)
        zjr_arg_error("offline", "TRUE \xE6\x88\x96 FALSE", "TRUE or FALSE");
    if (ISNAN(REAL(rate_limit)[0]))
        zjr_arg_error("rate_limit", "\xE6\x95\xB0\xE5\xAD\x97",
                      "a number (requests per second per host; 0 = the default 2)");
    zjr_need_lgl(accept_removals, "accept_removals", 1);
    if (LOGICAL(accept_removals)[0] == NA_LOGICAL)
        zjr_arg_error("accept_removals", "TRUE \xE6\x88\x96 FALSE", "TRUE or FALSE");
    o.accept_removals = LOGICAL(accept_removals)[0];
    o.data_dir = opt_string(data_dir, "data_dir");
    o.dry_run = LOGICAL(dry_run)[0];
    o.offline = LOGICAL(offline)[0];
    o.rate_limit = REAL(rate_limit)[0];

    guard = PROTECT(zjr_guard(free_result, NULL));
    zj_error_clear(&err);
    if (zj_refresh_run(&o, &res, &err) != ZJ_OK)
        zjr_stop(&err);   /* nothing to free: *out is NULL on failure */
    zjr_guard_set(guard, res);
    out = PROTECT(zjr_named_list(9, names));
    SET_VECTOR_ELT(out, 0, tables_frame(res));
    SET_VECTOR_ELT(out, 1, changes_frame(res));
    nw = zj_refresh_warning_count(res);
    SET_VECTOR_ELT(out, 2, warn = Rf_allocVector(STRSXP, (R_xlen_t)nw));
    for (i = 0; i < nw; i++)
        SET_STRING_ELT(warn, (R_xlen_t)i, zjr_char(zj_refresh_warning_at(res, i)));
    SET_VECTOR_ELT(out, 3, Rf_ScalarLogical(zj_refresh_committed(res) != 0));
    SET_VECTOR_ELT(out, 4, zjr_str1(zj_refresh_version(res)));
    zj_refresh_stats(res, &requests, &cached, &retries);
    SET_VECTOR_ELT(out, 5, Rf_ScalarReal((double)requests));
    SET_VECTOR_ELT(out, 6, Rf_ScalarReal((double)cached));
    SET_VECTOR_ELT(out, 7, Rf_ScalarReal((double)retries));
    nw = zj_refresh_note_count(res);
    SET_VECTOR_ELT(out, 8, notes = Rf_allocVector(STRSXP, (R_xlen_t)nw));
    for (i = 0; i < nw; i++)
        SET_STRING_ELT(notes, (R_xlen_t)i, zjr_char(zj_refresh_note_at(res, i)));
    zjr_guard_release(guard);
    UNPROTECT(2);
    return out;
}

/* zj_rollback(): the version now current ("" for the bundled data alone). */
SEXP zjr_rollback(SEXP snapshot_dir)
{
    zj_error err;
    char *v = NULL;
    SEXP out;

    zj_error_clear(&err);
    if (zj_snapshot_rollback(opt_string(snapshot_dir, "snapshot_dir"), &v, &err) != ZJ_OK)
        zjr_stop(&err);
    out = PROTECT(zjr_str1(v));
    free(v);
    UNPROTECT(1);
    return out;
}
