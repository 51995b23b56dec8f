/* r_audit.c — table audits: findings as columns, sums, components and
 * percentages. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r_zj.h"

SEXP zjr_findings_list(const zj_findings *f)
{
    static const char *const names[] = {"table", "row", "column", "kind", "expected",
                                         "found", "message_zh", "message_en"};
    R_xlen_t n = (R_xlen_t)f->count, i;
    SEXP out = PROTECT(zjr_named_list(8, names));
    SEXP table, row, column, kind, expected, found, zh, en;

    SET_VECTOR_ELT(out, 0, table = Rf_allocVector(STRSXP, n));
    SET_VECTOR_ELT(out, 1, row = Rf_allocVector(INTSXP, n));
    SET_VECTOR_ELT(out, 2, column = Rf_allocVector(STRSXP, n));
    SET_VECTOR_ELT(out, 3, kind = Rf_allocVector(STRSXP, n));
    SET_VECTOR_ELT(out, 4, expected = Rf_allocVector(REALSXP, n));
    SET_VECTOR_ELT(out, 5, found = Rf_allocVector(REALSXP, n));
    SET_VECTOR_ELT(out, 6, zh = Rf_allocVector(STRSXP, n));
    SET_VECTOR_ELT(out, 7, en = Rf_allocVector(STRSXP, n));
    for (i = 0; i < n; i++) {
        const zj_finding *x = &f->items[i];
        SET_STRING_ELT(table, i, zjr_char(x->table));
        INTEGER(row)[i] = (int)x->row;
        SET_STRING_ELT(column, i, zjr_char(x->column));
        SET_STRING_ELT(kind, i, zjr_char(zj_finding_kind_name(x->kind)));
        REAL(expected)[i] = isnan(x->expected) ? NA_REAL : x->expected;
        REAL(found)[i] = isnan(x->found) ? NA_REAL : x->found;
        SET_STRING_ELT(zh, i, zjr_char(x->message_zh));
        SET_STRING_ELT(en, i, zjr_char(x->message_en));
    }
    UNPROTECT(1);
    return out;
}

static SEXP finish(SEXP guard, const zj_findings *f, zj_code rc, const zj_error *err)
{
    SEXP out;

    if (rc != ZJ_OK) {
        zjr_guard_release(guard);
        zjr_stop(err);
    }
    out = PROTECT(zjr_findings_list(f));
    zjr_guard_release(guard);
    UNPROTECT(1);
    return out;
}

/* keys: a list of character columns (the key levels, outermost first);
 * kinds: NULL (inferred) or a character vector of row kinds
 * (zj_row_kind_parse); values: double; row_numbers: NULL or integer. */
SEXP zjr_audit_sums(SEXP table, SEXP column, SEXP keys, SEXP kinds,
                    SEXP values, SEXP row_numbers)
{
    const char *tname = zjr_string_arg(table, "table");
    const char *cname = zjr_string_arg(column, "value");
    R_xlen_t n, i;
    size_t nk, k;
    const char **cells;
    zj_row_kind *kd = NULL;
    size_t *rn = NULL;
    SEXP guard, out;
    zj_findings *f;
    zj_error err;
    zj_code rc;

    zjr_need_real(values, "values", -1);
    n = XLENGTH(values);
    zjr_need_list(keys, "keys");
    nk = (size_t)XLENGTH(keys);
    if (nk == 0)
        zjr_arg_error("keys", "\xE8\x87\xB3\xE5\xB0\x91\xE4\xB8\x80\xE4\xB8\xAA\xE9\x94\xAE\xE5\x88\x97", "at least one key column"); /* 至少一个键列 */
    for (k = 0; k < nk; k++)
        zjr_need_str(VECTOR_ELT(keys, (R_xlen_t)k), "keys", n);
    cells = (const char **)R_alloc((size_t)n * nk + 1, sizeof(char *));
    for (i = 0; i < n; i++)
        for (k = 0; k < nk; k++) {
            const char *s = zjr_utf8_at(VECTOR_ELT(keys, (R_xlen_t)k), i, "keys");
            cells[(size_t)i * nk + k] = s ? s : "";
        }
    if (kinds != R_NilValue) {
        /* read by the library: detail/subtotal/total in any case, 明细/小计/
         * 总计/合计, as the CLI and Calc read them */
        zjr_need_str(kinds, "kind", n);
        kd = (zj_row_kind *)R_alloc((size_t)n + 1, sizeof *kd);
        for (i = 0; i < n; i++) {
            const char *s = zjr_utf8_at(kinds, i, "kind");
            char label[64];
            snprintf(label, sizeof label, "kind[%ld]", (long)i + 1);
            if (zj_row_kind_parse(s ? s : "NA", label, &kd[i], &err) != ZJ_OK) {
                snprintf(err.where, sizeof err.where, "argument kind");
                zjr_stop(&err);
            }
        }
    }
    if (row_numbers != R_NilValue) {
        zjr_need_int(row_numbers, "row_numbers", n);
        rn = (size_t *)R_alloc((size_t)n + 1, sizeof *rn);
        for (i = 0; i < n; i++) {
            int v = INTEGER(row_numbers)[i];
            if (v == NA_INTEGER || v < 0)
                zjr_arg_error("row_numbers", "\xE4\xB8\x8D\xE5\x90\xAB NA \xE7\x9A\x84\xE9\x9D\x9E\xE8\xB4\x9F\xE6\x95\xB4\xE6\x95\xB0",
                              "non-negative whole numbers without NA"); /* 不含 NA 的非负整数 */
            rn[i] = (size_t)v;
        }
    }
    /* R's NA_real_ is a NaN: the core's "missing". */
    guard = PROTECT(zjr_findings_new(&f));
    zj_error_clear(&err);
    rc = zj_audit_sums(tname, cname, cells, nk, kd, REAL(values), rn, (size_t)n, f, &err);
    out = finish(guard, f, rc, &err);
    UNPROTECT(1);
    return out;
}

SEXP zjr_audit_components(SEXP table, SEXP column, SEXP row, SEXP labels,
                          SEXP parts, SEXP total)
{
    const char *tname = zjr_string_arg(table, "table");
    const char *cname = zjr_string_arg(column, "column");
    const char **lab = NULL;
    R_xlen_t n, i;
    SEXP guard, out;
    zj_findings *f;
    zj_error err;
    zj_code rc;
    int r;

    zjr_need_real(parts, "parts", -1);
    n = XLENGTH(parts);
    zjr_need_real(total, "total", 1);
    zjr_need_int(row, "row", 1);
    r = INTEGER(row)[0];
    if (r == NA_INTEGER || r < 0)
        zjr_arg_error("row", "\xE9\x9D\x9E\xE8\xB4\x9F\xE6\x95\xB4\xE6\x95\xB0", "a non-negative whole number");
    if (labels != R_NilValue) {
        zjr_need_str(labels, "labels", n);
        lab = (const char **)R_alloc((size_t)n + 1, sizeof(char *));
        for (i = 0; i < n; i++)
            lab[i] = zjr_utf8_at(labels, i, "labels");
    }
    guard = PROTECT(zjr_findings_new(&f));
    zj_error_clear(&err);
    rc = zj_audit_components(tname, cname, (size_t)r, lab, REAL(parts), (size_t)n,
                             REAL(total)[0], f, &err);
    out = finish(guard, f, rc, &err);
    UNPROTECT(1);
    return out;
}

/* Vectorised over percent[i], n[i], decimals[i] (equal lengths, recycled
 * in R).  Returns list(achievable = logical, status = character,
 * reason_zh, reason_en, findings = list of columns). */
SEXP zjr_audit_percentage(SEXP table, SEXP column, SEXP row, SEXP percent,
                          SEXP n, SEXP decimals)
{
    static const char *const names[] = {"achievable", "status", "reason_zh", "reason_en",
                                        "findings"};
    const char *tname = zjr_string_arg(table, "table");
    const char *cname = zjr_string_arg(column, "column");
    R_xlen_t len, i;
    SEXP guard, out, ach, st, rzh, ren;
    zj_findings *f;

    zjr_need_real(percent, "percent", -1);
    len = XLENGTH(percent);
    zjr_need_real(n, "n", len);
    zjr_need_int(decimals, "decimals", len);
    zjr_need_int(row, "row", len);

    out = PROTECT(zjr_named_list(5, names));
    SET_VECTOR_ELT(out, 0, ach = Rf_allocVector(LGLSXP, len));
    SET_VECTOR_ELT(out, 1, st = Rf_allocVector(STRSXP, len));
    SET_VECTOR_ELT(out, 2, rzh = Rf_allocVector(STRSXP, len));
    SET_VECTOR_ELT(out, 3, ren = Rf_allocVector(STRSXP, len));
    guard = PROTECT(zjr_findings_new(&f));
    for (i = 0; i < len; i++) {
        double p = REAL(percent)[i], nn = REAL(n)[i];
        int dec = INTEGER(decimals)[i], r = INTEGER(row)[i], a = 0;
        zj_error err;
        zj_code rc;

        zj_error_clear(&err);
        if (ISNAN(p) || ISNAN(nn) || dec == NA_INTEGER || r == NA_INTEGER) {
            LOGICAL(ach)[i] = NA_LOGICAL;
            SET_STRING_ELT(st, i, zjr_char("missing"));
            SET_STRING_ELT(rzh, i, zjr_char("\xE8\xBE\x93\xE5\x85\xA5\xE7\xBC\xBA\xE5\xA4\xB1\xEF\xBC\x88NA\xEF\xBC\x89")); /* 输入缺失（NA） */
            SET_STRING_ELT(ren, i, zjr_char("input is missing (NA)"));
            continue;
        }
        rc = zj_audit_percentage(tname, cname, r < 0 ? 0 : (size_t)r, p, nn, dec, &a, f, &err);
        if (rc != ZJ_OK) {
            LOGICAL(ach)[i] = NA_LOGICAL;
            SET_STRING_ELT(st, i, zjr_char(zj_code_name(rc)));
            SET_STRING_ELT(rzh, i, zjr_char(err.message_zh));
            SET_STRING_ELT(ren, i, zjr_char(err.message_en));
        } else {
            LOGICAL(ach)[i] = a != 0;
            SET_STRING_ELT(st, i, zjr_char("ok"));
            SET_STRING_ELT(rzh, i, NA_STRING);
            SET_STRING_ELT(ren, i, NA_STRING);
        }
    }
    SET_VECTOR_ELT(out, 4, zjr_findings_list(f));
    zjr_guard_release(guard);
    UNPROTECT(2);
    return out;
}
