/* r_data.c — the data handle, rule sets, bundled tables and plan look-ups. */
#include <math.h>
#include <string.h>

#include "r_zj.h"

static SEXP data_tag(void)
{
    return Rf_install("zhijiao_data");
}

static void data_finalize(SEXP ptr)
{
    zj_data *d = (zj_data *)R_ExternalPtrAddr(ptr);

    if (d) {
        R_ClearExternalPtr(ptr);
        zj_data_close(d);
    }
}

const zj_data *zjr_data(SEXP handle)
{
    if (TYPEOF(handle) != EXTPTRSXP || R_ExternalPtrTag(handle) != data_tag())
        zjr_arg_error("data", "zhijiao \xE6\x95\xB0\xE6\x8D\xAE\xE5\x8F\xA5\xE6\x9F\x84",
                      "a zhijiao data handle"); /* 数据句柄 */
    if (!R_ExternalPtrAddr(handle))
        zjr_arg_error("data", "\xE5\xB7\xB2\xE6\x89\x93\xE5\xBC\x80\xE7\x9A\x84\xE6\x95\xB0\xE6\x8D\xAE\xE5\x8F\xA5\xE6\x9F\x84",
                      "an open data handle (this one was closed, or saved in another session)"); /* 已打开的数据句柄 */
    return (const zj_data *)R_ExternalPtrAddr(handle);
}

SEXP zjr_version(void)
{
    return zjr_str1(zj_version());
}

SEXP zjr_data_open(SEXP dir)
{
    const char *path = zjr_string_arg(dir, "data_dir");
    zj_data *d = NULL;
    zj_error err;
    SEXP ptr;

    /* The pointer (and its finalizer) exists before the data is opened, so
     * an allocation failure can never leak an open zj_data. */
    ptr = PROTECT(R_MakeExternalPtr(NULL, data_tag(), dir));
    R_RegisterCFinalizerEx(ptr, data_finalize, TRUE);
    zj_error_clear(&err);
    /* The bundled data plus the refreshed snapshot (zhijiao refresh), whose
     * tables serve in place of the bundled ones of the same name. */
    if (zj_data_open_with_snapshot(path, NULL, &d, &err) != ZJ_OK) {
        zj_data_close(d);
        zjr_stop(&err);
    }
    R_SetExternalPtrAddr(ptr, d);
    /* a damaged current snapshot: the previous version serves, and R says so */
    if (zj_data_warning(d)) {
        const zj_error *w = zj_data_warning(d);
        Rf_warning("%s: %s (%s)", w->where, w->message_en, w->message_zh);
    }
    UNPROTECT(1);
    return ptr;
}

SEXP zjr_data_valid(SEXP handle)
{
    return Rf_ScalarLogical(TYPEOF(handle) == EXTPTRSXP &&
                            R_ExternalPtrTag(handle) == data_tag() &&
                            R_ExternalPtrAddr(handle) != NULL);
}

SEXP zjr_data_close(SEXP handle)
{
    if (TYPEOF(handle) == EXTPTRSXP && R_ExternalPtrTag(handle) == data_tag())
        data_finalize(handle);
    return R_NilValue;
}

SEXP zjr_data_dir(SEXP handle)
{
    return zjr_str1(zj_data_dir(zjr_data(handle)));
}

SEXP zjr_rulesets(SEXP handle)
{
    static const char *const names[] = {"jurisdiction", "jurisdiction_zh", "programme",
                                        "programme_zh", "year", "file"};
    const zj_data *d = zjr_data(handle);
    R_xlen_t n = (R_xlen_t)zj_data_ruleset_count(d), i;
    SEXP out = PROTECT(zjr_named_list(6, names));
    int k;

    for (k = 0; k < 6; k++)
        SET_VECTOR_ELT(out, k, Rf_allocVector(k == 4 ? INTSXP : STRSXP, n));
    for (i = 0; i < n; i++) {
        const zj_ruleset_info *r = zj_data_ruleset_at(d, (size_t)i);
        SET_STRING_ELT(VECTOR_ELT(out, 0), i, zjr_char(r->jurisdiction));
        SET_STRING_ELT(VECTOR_ELT(out, 1), i, zjr_char(r->jurisdiction_zh));
        SET_STRING_ELT(VECTOR_ELT(out, 2), i, zjr_char(r->programme));
        SET_STRING_ELT(VECTOR_ELT(out, 3), i, zjr_char(r->programme_zh));
        INTEGER(VECTOR_ELT(out, 4))[i] = r->year;
        SET_STRING_ELT(VECTOR_ELT(out, 5), i, zjr_char(r->file));
    }
    UNPROTECT(1);
    return out;
}

SEXP zjr_tables(SEXP handle)
{
    static const char *const names[] = {"name", "title_zh", "title_en", "rows", "cols",
                                        "document", "clause", "date", "url",
                                        "source_title", "file"};
    const zj_data *d = zjr_data(handle);
    R_xlen_t n = (R_xlen_t)zj_data_table_count(d), i;
    SEXP out = PROTECT(zjr_named_list(11, names));
    int k;

    for (k = 0; k < 11; k++)
        SET_VECTOR_ELT(out, k, Rf_allocVector(k == 3 || k == 4 ? INTSXP : STRSXP, n));
    for (i = 0; i < n; i++) {
        const zj_table *t = zj_data_table_at(d, (size_t)i);
        const zj_source *s = zj_table_source(t);
        SET_STRING_ELT(VECTOR_ELT(out, 0), i, zjr_char(zj_table_name(t)));
        SET_STRING_ELT(VECTOR_ELT(out, 1), i, zjr_char(zj_table_title_zh(t)));
        SET_STRING_ELT(VECTOR_ELT(out, 2), i, zjr_char(zj_table_title_en(t)));
        INTEGER(VECTOR_ELT(out, 3))[i] = (int)zj_table_rows(t);
        INTEGER(VECTOR_ELT(out, 4))[i] = (int)zj_table_cols(t);
        SET_STRING_ELT(VECTOR_ELT(out, 5), i, zjr_char(s ? s->document : NULL));
        SET_STRING_ELT(VECTOR_ELT(out, 6), i, zjr_char(s ? s->clause : NULL));
        SET_STRING_ELT(VECTOR_ELT(out, 7), i, zjr_char(s ? s->date : NULL));
        SET_STRING_ELT(VECTOR_ELT(out, 8), i, zjr_char(s ? s->url : NULL));
        SET_STRING_ELT(VECTOR_ELT(out, 9), i, zjr_char(s ? s->title : NULL));
        SET_STRING_ELT(VECTOR_ELT(out, 10), i, zjr_char(zj_table_file(t)));
    }
    UNPROTECT(1);
    return out;
}

static const zj_table *find_table(const zj_data *d, SEXP name)
{
    const char *s = zjr_string_arg(name, "name");
    const zj_table *t = NULL;
    zj_error err;

    zj_error_clear(&err);
    if (zj_data_table(d, s, &t, &err) != ZJ_OK)
        zjr_stop(&err);
    return t;
}

/* Every column as text, an empty cell as NA; attribute "line" gives each
 * row's CSV line. */
SEXP zjr_table(SEXP handle, SEXP name)
{
    const zj_data *d = zjr_data(handle);
    const zj_table *t = find_table(d, name);
    R_xlen_t rows = (R_xlen_t)zj_table_rows(t), r;
    size_t cols = zj_table_cols(t), c;
    SEXP out = PROTECT(Rf_allocVector(VECSXP, (R_xlen_t)cols));
    SEXP nm = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)cols));
    SEXP lines = PROTECT(Rf_allocVector(INTSXP, rows));

    for (c = 0; c < cols; c++) {
        SEXP col = Rf_allocVector(STRSXP, rows);
        SET_VECTOR_ELT(out, (R_xlen_t)c, col);
        SET_STRING_ELT(nm, (R_xlen_t)c, zjr_char(zj_table_col_name(t, c)));
        for (r = 0; r < rows; r++) {
            const char *s = zj_table_cell(t, (size_t)r, c);
            SET_STRING_ELT(col, r, (s && *s) ? zjr_char(s) : NA_STRING);
        }
    }
    for (r = 0; r < rows; r++)
        INTEGER(lines)[r] = (int)zj_table_line(t, (size_t)r);
    Rf_setAttrib(out, R_NamesSymbol, nm);
    Rf_setAttrib(out, Rf_install("line"), lines);
    UNPROTECT(3);
    return out;
}

SEXP zjr_table_audit(SEXP handle, SEXP name)
{
    const zj_data *d = zjr_data(handle);
    const zj_table *t = find_table(d, name);
    zj_findings *f;
    SEXP guard, out;
    zj_error err;
    zj_code rc;

    guard = PROTECT(zjr_findings_new(&f));
    zj_error_clear(&err);
    rc = zj_table_audit(d, t, f, &err);
    if (rc != ZJ_OK) {
        zjr_guard_release(guard);
        zjr_stop(&err);
    }
    out = PROTECT(zjr_findings_list(f));
    zjr_guard_release(guard);
    UNPROTECT(2);
    return out;
}

SEXP zjr_plan_year_complete(SEXP handle, SEXP year)
{
    const zj_data *d = zjr_data(handle);
    R_xlen_t n, i;
    SEXP out;

    zjr_need_int(year, "year", -1);
    n = XLENGTH(year);
    out = PROTECT(Rf_allocVector(LGLSXP, n));
    for (i = 0; i < n; i++)
        LOGICAL(out)[i] = INTEGER(year)[i] == NA_INTEGER
                              ? NA_LOGICAL
                              : zj_plan_year_complete(d, INTEGER(year)[i]) != 0;
    UNPROTECT(1);
    return out;
}

/* Plan look-ups, vectorised over queries (year[i], school[i], major[i]).
 * Each query gives its matching rows; a query with no match (or NA input,
 * or no plan for the year) gives one row of NA with the reason. */
SEXP zjr_plan(SEXP handle, SEXP year, SEXP school, SEXP major)
{
    static const char *const names[] = {
        "query", "year", "programme", "school", "major", "major_code", "partner",
        "partner_major", "places", "table", "line", "complete", "reason_zh", "reason_en"};
    enum { NCOL = 14 };
    const zj_data *d = zjr_data(handle);
    R_xlen_t nq, q, total = 0, row = 0;
    size_t *found;
    SEXP out;
    int k;

    zjr_need_int(year, "year", -1);
    nq = XLENGTH(year);
    zjr_need_str(school, "school", nq);
    zjr_need_str(major, "major", nq);
    found = (size_t *)R_alloc((size_t)nq + 1, sizeof(size_t));

    /* Pass 1: count. */
    for (q = 0; q < nq; q++) {
        const char *s = zjr_utf8_at(school, q, "school");
        const char *m = zjr_utf8_at(major, q, "major");
        zj_error err;

        found[q] = 0;
        if (INTEGER(year)[q] != NA_INTEGER && s && m &&
            zj_plan_lookup(d, INTEGER(year)[q], s, m, NULL, 0, &found[q], &err) != ZJ_OK)
            found[q] = 0;
        total += found[q] ? (R_xlen_t)found[q] : 1;
    }

    out = PROTECT(zjr_named_list(NCOL, names));
    for (k = 0; k < NCOL; k++) {
        SEXPTYPE type = (k == 0 || k == 1 || k == 10) ? INTSXP
                        : k == 8                      ? REALSXP
                        : k == 11                     ? LGLSXP
                                                      : STRSXP;
        SET_VECTOR_ELT(out, k, Rf_allocVector(type, total));
    }

    /* Pass 2: fill. */
    for (q = 0; q < nq; q++) {
        int y = INTEGER(year)[q];
        const char *s = zjr_utf8_at(school, q, "school");
        const char *m = zjr_utf8_at(major, q, "major");
        zj_plan_entry *e = NULL;
        size_t nf = 0, j;
        zj_error err;
        const char *why_zh = NULL, *why_en = NULL;
        int complete = (y == NA_INTEGER) ? NA_LOGICAL : zj_plan_year_complete(d, y) != 0;

        zj_error_clear(&err);
        if (y == NA_INTEGER || !s || !m) {
            why_zh = "\xE5\xB9\xB4\xE4\xBB\xBD\xE3\x80\x81\xE5\xAD\xA6\xE6\xA0\xA1\xE6\x88\x96\xE4\xB8\x93\xE4\xB8\x9A\xE7\xBC\xBA\xE5\xA4\xB1\xEF\xBC\x88NA\xEF\xBC\x89"; /* 年份、学校或专业缺失（NA） */
            why_en = "year, school or major is missing (NA)";
        } else if (found[q] > 0) {
            e = (zj_plan_entry *)R_alloc(found[q], sizeof *e);
            if (zj_plan_lookup(d, y, s, m, e, found[q], &nf, &err) != ZJ_OK)
                nf = 0;
            if (nf > found[q])
                nf = found[q];
        } else if (zj_plan_lookup(d, y, s, m, NULL, 0, &nf, &err) != ZJ_OK) {
            nf = 0;
            why_zh = err.message_zh;
            why_en = err.message_en;
        } else {
            why_zh = "\xE8\xAF\xA5\xE5\xB9\xB4\xE8\xAE\xA1\xE5\x88\x92\xE4\xB8\xAD\xE6\x97\xA0\xE6\xAD\xA4\xE5\xAD\xA6\xE6\xA0\xA1\xE4\xB8\x8E\xE4\xB8\x93\xE4\xB8\x9A"; /* 该年计划中无此学校与专业 */
            why_en = "no row of that year's plans has this school and major";
        }
        if (nf == 0) {
            INTEGER(VECTOR_ELT(out, 0))[row] = (int)q + 1;
            INTEGER(VECTOR_ELT(out, 1))[row] = y;
            for (k = 2; k < NCOL; k++) {
                SEXP col = VECTOR_ELT(out, k);
                switch (TYPEOF(col)) {
                case INTSXP: INTEGER(col)[row] = NA_INTEGER; break;
                case REALSXP: REAL(col)[row] = NA_REAL; break;
                case LGLSXP: LOGICAL(col)[row] = complete; break;
                default: SET_STRING_ELT(col, row, NA_STRING);
                }
            }
            SET_STRING_ELT(VECTOR_ELT(out, 3), row, s ? zjr_char(s) : NA_STRING);
            SET_STRING_ELT(VECTOR_ELT(out, 4), row, m ? zjr_char(m) : NA_STRING);
            SET_STRING_ELT(VECTOR_ELT(out, 12), row, zjr_char(why_zh));
            SET_STRING_ELT(VECTOR_ELT(out, 13), row, zjr_char(why_en));
            row++;
            continue;
        }
        for (j = 0; j < nf; j++, row++) {
            INTEGER(VECTOR_ELT(out, 0))[row] = (int)q + 1;
            INTEGER(VECTOR_ELT(out, 1))[row] = e[j].year;
            SET_STRING_ELT(VECTOR_ELT(out, 2), row, zjr_char(e[j].programme));
            SET_STRING_ELT(VECTOR_ELT(out, 3), row, zjr_char(e[j].school));
            SET_STRING_ELT(VECTOR_ELT(out, 4), row, zjr_char(e[j].major));
            SET_STRING_ELT(VECTOR_ELT(out, 5), row,
                           e[j].major_code && *e[j].major_code ? zjr_char(e[j].major_code) : NA_STRING);
            SET_STRING_ELT(VECTOR_ELT(out, 6), row,
                           e[j].partner && *e[j].partner ? zjr_char(e[j].partner) : NA_STRING);
            SET_STRING_ELT(VECTOR_ELT(out, 7), row,
                           e[j].partner_major && *e[j].partner_major ? zjr_char(e[j].partner_major) : NA_STRING);
            REAL(VECTOR_ELT(out, 8))[row] = isnan(e[j].places) ? NA_REAL : e[j].places;
            SET_STRING_ELT(VECTOR_ELT(out, 9), row, zjr_char(e[j].table));
            INTEGER(VECTOR_ELT(out, 10))[row] = (int)e[j].line;
            LOGICAL(VECTOR_ELT(out, 11))[row] = complete;
            SET_STRING_ELT(VECTOR_ELT(out, 12), row, NA_STRING);
            SET_STRING_ELT(VECTOR_ELT(out, 13), row, NA_STRING);
        }
    }
    /* A query's match count cannot change between the passes (the data is
     * immutable), so row == total here. */
    UNPROTECT(1);
    return out;
}
