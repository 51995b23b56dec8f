/* table_audit.c — running the audits the manifest declares for a table.
 *
 * The manifest says which columns are keys, values, percentages and
 * counts; this file turns those declarations into calls of the generic
 * audits in audit_*.c.  Stated numbers come from the manifest, which cites
 * where they were published. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data_internal.h"
#include "error_internal.h"
#include "findings_internal.h"
#include "strbuf.h"
#include "utf8.h"

static const char *member_str(const json_t *spec, const char *key)
{
    return json_string_value(json_object_get(spec, key));
}

static zj_code nomem(zj_error *err)
{
    return ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL,
                   ("内存不足"),
                   ("out of memory"));
}

static zj_row_kind kind_of(const char *cell)
{
    if (strcmp(cell, "total") == 0 || strcmp(cell, "总计") == 0 || strcmp(cell, "合计") == 0)
        return ZJ_ROW_TOTAL;
    if (strcmp(cell, "subtotal") == 0 || strcmp(cell, "小计") == 0)
        return ZJ_ROW_SUBTOTAL;
    return ZJ_ROW_DETAIL;
}

static zj_code run_sums(const zj_table *t, const json_t *spec, zj_findings *out, zj_error *err)
{
    const json_t *keys = json_object_get(spec, "keys");
    const char *value = member_str(spec, "value"), *kind_col = member_str(spec, "kind_column");
    size_t nk = json_array_size(keys), r, k;
    const char **cells = calloc(t->rows * nk + 1, sizeof *cells);
    zj_row_kind *kinds = kind_col ? calloc(t->rows + 1, sizeof *kinds) : NULL;
    double *values = calloc(t->rows + 1, sizeof *values);
    size_t *lines = calloc(t->rows + 1, sizeof *lines);
    zj_code rc;

    if (!cells || !values || !lines || (kind_col && !kinds)) {
        rc = nomem(err);
        goto out;
    }
    for (r = 0; r < t->rows; r++) {
        for (k = 0; k < nk; k++)
            cells[r * nk + k] = zj__table_get(t, r, json_string_value(json_array_get(keys, k)));
        if (kinds)
            kinds[r] = kind_of(zj__table_get(t, r, kind_col));
        values[r] = zj__cell_number(zj__table_get(t, r, value));
        lines[r] = t->lines[r];
    }
    rc = zj_audit_sums(t->name, value, cells, nk, kinds, values, lines, t->rows, out, err);
out:
    free(cells);
    free(kinds);
    free(values);
    free(lines);
    return rc;
}

static int row_matches(const zj_table *t, size_t r, const json_t *where)
{
    const char *col;
    json_t *v;

    if (!where)
        return 1;
    json_object_foreach((json_t *)where, col, v) {
        if (strcmp(zj__table_get(t, r, col), json_string_value(v)) != 0)
            return 0;
    }
    return 1;
}

static zj_code count_mismatch(const zj_table *t, const json_t *spec, const char *column,
                              double counted, zj_findings *out, zj_error *err)
{
    double stated = json_number_value(json_object_get(spec, "stated"));
    char zh[512], en[512];

    if (counted == stated)
        return ZJ_OK;
    snprintf(zh, sizeof zh, "表 %s：列出的%s为 %g 个，文中说明为 %g 个", t->name,
             member_str(spec, "what_zh"), counted, stated);
    snprintf(en, sizeof en, "table %s: %g %s listed, the source states %g", t->name, counted,
             member_str(spec, "what_en"), stated);
    return zj__findings_add(out, ZJ_FIND_COUNT_MISMATCH, t->name, 0, column ? column : "",
                           stated, counted, zh, en, err);
}

static zj_code run_count(const zj_table *t, const json_t *spec, zj_findings *out, zj_error *err)
{
    const json_t *where = json_object_get(spec, "where");
    size_t r, n = 0;

    for (r = 0; r < t->rows; r++)
        if (row_matches(t, r, where))
            n++;
    return count_mismatch(t, spec, member_str(spec, "column"), (double)n, out, err);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static zj_code run_distinct(const zj_table *t, const json_t *spec, zj_findings *out, zj_error *err)
{
    const json_t *where = json_object_get(spec, "where");
    const char *col = member_str(spec, "column");
    const char **vals = calloc(t->rows + 1, sizeof *vals);
    size_t r, n = 0, distinct = 0;
    zj_code rc;

    if (!vals)
        return nomem(err);
    /* Blank cells are merged cells carried from the row above: not new values. */
    for (r = 0; r < t->rows; r++) {
        const char *c = zj__table_get(t, r, col);
        if (row_matches(t, r, where) && *c)
            vals[n++] = c;
    }
    qsort(vals, n, sizeof *vals, cmp_str);
    for (r = 0; r < n; r++)
        if (r == 0 || strcmp(vals[r], vals[r - 1]) != 0)
            distinct++;
    free(vals);
    rc = count_mismatch(t, spec, col, (double)distinct, out, err);
    return rc;
}

static zj_code run_percentages(const zj_table *t, const json_t *spec, zj_findings *out, zj_error *err)
{
    const char *pc = member_str(spec, "percent"), *nc = member_str(spec, "n");
    int dec = (int)json_integer_value(json_object_get(spec, "decimals"));
    size_t r;
    zj_code rc;

    for (r = 0; r < t->rows; r++) {
        double p = zj__cell_number(zj__table_get(t, r, pc)), n = zj__cell_number(zj__table_get(t, r, nc));

        if (isnan(p) || isnan(n))
            continue;
        if ((rc = zj_audit_percentage(t->name, pc, t->lines[r], p, n, dec, NULL, out, err)))
            return rc;
    }
    return ZJ_OK;
}

/* The row whose `key` column equals `id`, or (size_t)-1. */
static size_t find_row(const zj_table *t, const char *key, const char *id)
{
    size_t r;

    for (r = 0; r < t->rows; r++)
        if (strcmp(zj__table_get(t, r, key), id) == 0)
            return r;
    return (size_t)-1;
}

static zj_code missing_row(const zj_table *t, const char *id, zj_error *err)
{
    return ZJ_FAIL(err, ZJ_ERR_PARSE, t->file,
                   ("清单中的审核引用了表 %s 中不存在的行“%s”", t->name, id),
                   ("an audit in the manifest refers to the row \"%s\" that table %s does not have",
                    t->name, id));
}

static zj_code run_percentage(const zj_table *t, const json_t *spec, zj_findings *out, zj_error *err)
{
    const char *key = member_str(spec, "key"), *val = member_str(spec, "value");
    const char *prow = member_str(spec, "percent_row"), *nrow = member_str(spec, "n_row");
    int dec = (int)json_integer_value(json_object_get(spec, "decimals"));
    size_t pr = find_row(t, key, prow), nr = find_row(t, key, nrow);
    double p, n;

    if (pr == (size_t)-1)
        return missing_row(t, prow, err);
    if (nr == (size_t)-1)
        return missing_row(t, nrow, err);
    p = zj__cell_number(zj__table_get(t, pr, val));
    n = zj__cell_number(zj__table_get(t, nr, val));
    if (isnan(p) || isnan(n))
        return ZJ_OK;   /* a lost number stays lost; nothing to check */
    return zj_audit_percentage(t->name, val, t->lines[pr], p, n, dec, NULL, out, err);
}

static zj_code run_components(const zj_table *t, const json_t *spec, zj_findings *out, zj_error *err)
{
    const char *key = member_str(spec, "key"), *val = member_str(spec, "value");
    const char *total_id = member_str(spec, "total");
    const json_t *parts = json_object_get(spec, "parts");
    size_t np = json_array_size(parts), i, tr = find_row(t, key, total_id);
    const char **labels = calloc(np + 1, sizeof *labels);
    double *vals = calloc(np + 1, sizeof *vals);
    zj_code rc = ZJ_OK;

    if (!labels || !vals) {
        rc = nomem(err);
        goto out;
    }
    if (tr == (size_t)-1) {
        rc = missing_row(t, total_id, err);
        goto out;
    }
    for (i = 0; i < np; i++) {
        const char *id = json_string_value(json_array_get(parts, i));
        size_t pr = find_row(t, key, id);

        if (pr == (size_t)-1) {
            rc = missing_row(t, id, err);
            goto out;
        }
        labels[i] = id;
        vals[i] = zj__cell_number(zj__table_get(t, pr, val));
    }
    rc = zj_audit_components(t->name, val, t->lines[tr], labels, vals, np,
                             zj__cell_number(zj__table_get(t, tr, val)), out, err);
out:
    free(labels);
    free(vals);
    return rc;
}

/* The value of row `id` (NaN when empty); (size_t)-1 in *row when absent. */
static double row_value(const zj_table *t, const char *key, const char *val, const char *id, size_t *row)
{
    *row = find_row(t, key, id);
    return *row == (size_t)-1 ? NAN : zj__cell_number(zj__table_get(t, *row, val));
}

/* A claim of the report's text against the rows it summarises: the rate of
 * `total` against the rates of `parts` weighted by `weight`
 * (weighted_mean), or the count of `total` against `parts` that may not
 * all be stated (parts_stated: falling short is reported as not all
 * stated, going over as a mismatch). */
static zj_code run_claim(const zj_table *t, const json_t *spec, int weighted, zj_findings *out, zj_error *err)
{
    const char *key = member_str(spec, "key"), *val = member_str(spec, "value");
    const char *wcol = weighted ? member_str(spec, "weight") : NULL;
    const char *what_zh = member_str(spec, "what_zh"), *what_en = member_str(spec, "what_en");
    const json_t *parts = json_object_get(spec, "parts");
    int dec = weighted ? (int)json_integer_value(json_object_get(spec, "decimals")) : 0;
    size_t i, tr, pr;
    double stated = row_value(t, key, val, member_str(spec, "total"), &tr), sum = 0, wsum = 0;
    char a[ZJ_AUDIT_NUM_MAX], b[ZJ_AUDIT_NUM_MAX];
    zj__strbuf zh = ZJ_STRBUF_INIT, en = ZJ_STRBUF_INIT;

    if (tr == (size_t)-1)
        return missing_row(t, member_str(spec, "total"), err);
    for (i = 0; i < json_array_size(parts); i++) {
        const char *id = json_string_value(json_array_get(parts, i));
        double v = row_value(t, key, val, id, &pr), w;
        if (pr == (size_t)-1)
            return missing_row(t, id, err);
        if (isnan(v))
            return ZJ_OK;   /* a lost number stays lost */
        if (weighted) {
            w = zj__cell_number(zj__table_get(t, pr, wcol));
            if (isnan(w))
                return ZJ_OK;
            sum += v * w;
            wsum += w;
        } else
            sum += v;
    }
    if (isnan(stated))
        return ZJ_OK;
    if (weighted) {
        double scale = pow(10, dec), mean = wsum > 0 ? round(sum / wsum * scale) / scale : NAN;
        if (isnan(mean) || zj__audit_agree(mean, stated))
            return ZJ_OK;
        zj__audit_num(mean, a, sizeof a);
        zj__audit_num(stated, b, sizeof b);
        zj__audit_msg_start(&zh, &en, t->name, t->lines[tr], val);
        zj__strbuf_printf(&zh, "%s按各部分人数加权为 %s，所印为 %s", what_zh, a, b);
        zj__strbuf_printf(&en, "%s weighted by the parts' counts is %s, the printed value is %s", what_en, a, b);
        return zj__findings_add_msg(out, ZJ_FIND_WEIGHTED_MEAN_MISMATCH, t->name, t->lines[tr], val, mean, stated,
                                   &zh, &en, err);
    }
    if (zj__audit_agree(sum, stated))
        return ZJ_OK;
    zj__audit_num(sum, a, sizeof a);
    zj__audit_num(stated, b, sizeof b);
    zj__audit_msg_start(&zh, &en, t->name, t->lines[tr], val);
    if (sum < stated) {
        zj__strbuf_printf(&zh, "%s：所列各部分合计 %s，总数为 %s，其余部分文中未说明（不是错误）", what_zh, a, b);
        zj__strbuf_printf(&en, "%s: the parts stated add up to %s of %s; the rest is not stated (not an error)",
                         what_en, a, b);
        return zj__findings_add_msg(out, ZJ_FIND_PARTS_NOT_ALL_STATED, t->name, t->lines[tr], val, sum, stated,
                                   &zh, &en, err);
    }
    zj__strbuf_printf(&zh, "%s：所列各部分合计 %s，超过总数 %s", what_zh, a, b);
    zj__strbuf_printf(&en, "%s: the parts stated add up to %s, more than the total %s", what_en, a, b);
    return zj__findings_add_msg(out, ZJ_FIND_SUM_MISMATCH, t->name, t->lines[tr], val, sum, stated, &zh, &en, err);
}

zj_code zj_table_audit(const zj_data *d, const zj_table *t, zj_findings *out, zj_error *err)
{
    size_t i;
    json_t *spec;
    zj_code rc;

    (void)d;
    if (!t || !out)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "arguments",
                       ("参数为空指针"),
                       ("a required argument is NULL"));
    if (!t->audits)
        return ZJ_OK;
    json_array_foreach(t->audits, i, spec) {
        const char *type = member_str(spec, "type");

        if (strcmp(type, "sums") == 0)
            rc = run_sums(t, spec, out, err);
        else if (strcmp(type, "count") == 0)
            rc = run_count(t, spec, out, err);
        else if (strcmp(type, "distinct") == 0)
            rc = run_distinct(t, spec, out, err);
        else if (strcmp(type, "percentages") == 0)
            rc = run_percentages(t, spec, out, err);
        else if (strcmp(type, "percentage") == 0)
            rc = run_percentage(t, spec, out, err);
        else if (strcmp(type, "weighted_mean") == 0)
            rc = run_claim(t, spec, 1, out, err);
        else if (strcmp(type, "parts_stated") == 0)
            rc = run_claim(t, spec, 0, out, err);
        else
            rc = run_components(t, spec, out, err);
        if (rc)
            return rc;
    }
    return ZJ_OK;
}
