/* audit_sums.c — do the details of a hierarchical table add up to its
 * subtotals and total?
 *
 * Published plan tables (招生计划) list places per major, with subtotals
 * per school and district and a grand total.  Cells are sometimes left
 * blank; when a stated subtotal pins a blank down, we say what it must
 * be, without touching the input. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "zhijiao/audit.h"
#include "error_internal.h"
#include "findings_internal.h"
#include "utf8.h"

typedef struct key_ref {
    const char *s;
    size_t len;
} key_ref;

/* Working state of one audit call. */
typedef struct sums_ctx {
    const char *table, *column;
    size_t n_rows, n_keys;
    const zj_row_kind *kinds;
    const double *values;
    const size_t *row_numbers;
    key_ref *keys;          /* trimmed, n_rows * n_keys */
    size_t *level;          /* leading non-empty keys */
    unsigned char *is_agg;
    double *eff;            /* detail values, with derived ones filled in */
    size_t *inner;          /* per detail: innermost aggregate + 1, or 0 */
    size_t *inner_missing;  /* missing details under that aggregate */
    size_t *match;          /* scratch: the details under one aggregate */
    zj_findings found;      /* findings in the order they were made */
    size_t *found_row;      /* the input row of each, to sort by */
    size_t found_cap;
} sums_ctx;

static size_t row_no(const sums_ctx *c, size_t i)
{
    return c->row_numbers ? c->row_numbers[i] : i + 1;
}

static zj_code check_args(const char *table, const char *column,
                          const char *const *keys, size_t n_keys,
                          const zj_row_kind *kinds, const double *values,
                          size_t n_rows, zj_findings *out, zj_error *err)
{
    size_t i;
    zj_code rc = zj__audit_check_names(table, column, out, err);

    if (rc)
        return rc;
    if (n_rows && !values)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument values",
                       ("values 不能为 NULL（共 %zu 行）", n_rows),
                       ("values must not be NULL (%zu rows)", n_rows));
    if (n_rows && n_keys && !keys)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument keys",
                       ("keys 不能为 NULL（%zu 行 × %zu 个键）", n_rows, n_keys),
                       ("keys must not be NULL (%zu rows x %zu keys)", n_rows, n_keys));
    if (n_keys && n_rows > (size_t)-1 / sizeof(key_ref) / n_keys)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument n_rows",
                       ("n_rows × n_keys 过大"),
                       ("n_rows x n_keys is too large"));
    for (i = 0; i < n_rows; i++) {
        if (kinds && (unsigned)kinds[i] > ZJ_ROW_TOTAL)
            return ZJ_FAIL(err, ZJ_ERR_ARG, "argument kinds",
                           ("kinds[%zu] 不是有效的行类型（%d）", i, (int)kinds[i]),
                           ("kinds[%zu] is not a row kind (%d)", i, (int)kinds[i]));
        if (isinf(values[i]))
            return ZJ_FAIL(err, ZJ_ERR_ARG, "argument values",
                           ("values[%zu] 为无穷大", i),
                           ("values[%zu] is infinite", i));
    }
    return ZJ_OK;
}

static void ctx_free(sums_ctx *c)
{
    free(c->keys);
    free(c->level);
    free(c->is_agg);
    free(c->eff);
    free(c->inner);
    free(c->inner_missing);
    free(c->match);
    free(c->found_row);
    zj_findings_free(&c->found);
}

/* A cell that only labels its row as a total ("合计", "小计", ...) is
 * not a key: "东城区,小计," subtotals 东城区 just as "东城区,," does, which
 * is how most published tables are laid out. */
static int is_total_label(const char *s, size_t len)
{
    static const char *const labels[] = {
        "合计", "总计", "小计", "共计", "total", "subtotal", "sum"
    };
    size_t i, j, n;

    for (i = 0; i < sizeof labels / sizeof labels[0]; i++) {
        n = strlen(labels[i]);
        if (len != n)
            continue;
        for (j = 0; j < n; j++)
            if ((s[j] >= 'A' && s[j] <= 'Z' ? s[j] - 'A' + 'a' : s[j]) !=
                labels[i][j])
                break;
        if (j == n)
            return 1;
    }
    return 0;
}

/* Trims the keys and classifies every row.  0 on allocation failure. */
static int ctx_setup(sums_ctx *c, const char *const *keys)
{
    size_t n = c->n_rows ? c->n_rows : 1, i, j;

    c->keys = calloc(n * (c->n_keys ? c->n_keys : 1), sizeof *c->keys);
    c->level = calloc(n, sizeof *c->level);
    c->is_agg = calloc(n, 1);
    c->eff = calloc(n, sizeof *c->eff);
    c->inner = calloc(n, sizeof *c->inner);
    c->inner_missing = calloc(n, sizeof *c->inner_missing);
    c->match = calloc(n, sizeof *c->match);
    if (!c->keys || !c->level || !c->is_agg || !c->eff || !c->inner ||
        !c->inner_missing || !c->match)
        return 0;
    for (i = 0; i < c->n_rows; i++) {
        key_ref *k = c->keys + i * c->n_keys;
        int leading = 1;

        for (j = 0; j < c->n_keys; j++) {
            const char *s = keys[i * c->n_keys + j];
            k[j].s = zj__trim(s ? s : "", &k[j].len);
            if (k[j].len == 0 || is_total_label(k[j].s, k[j].len))
                leading = 0;
            else if (leading)
                c->level[i]++;
        }
        /* Without kinds, a row with a blank key is a subtotal: the
         * layout of a pivot table. */
        c->is_agg[i] = c->kinds ? c->kinds[i] != ZJ_ROW_DETAIL
                                : c->level[i] < c->n_keys;
        c->eff[i] = c->values[i];
    }
    return 1;
}

static int same_prefix(const sums_ctx *c, size_t a, size_t b, size_t j)
{
    const key_ref *x = c->keys + a * c->n_keys, *y = c->keys + b * c->n_keys;
    size_t i;

    for (i = 0; i < j; i++)
        if (x[i].len != y[i].len || memcmp(x[i].s, y[i].s, x[i].len) != 0)
            return 0;
    return 1;
}

/* Records a finding about input row `i`. */
static zj_code note(sums_ctx *c, size_t i, zj_error *err)
{
    if (c->found.count > c->found_cap) {
        size_t cap = c->found.capacity, *p;

        p = realloc(c->found_row, cap * sizeof *p);
        if (!p)
            return ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL,
                           ("内存不足"),
                           ("out of memory"));
        c->found_row = p;
        c->found_cap = cap;
    }
    c->found_row[c->found.count - 1] = i;
    return ZJ_OK;
}

static int is_total(const sums_ctx *c, size_t a)
{
    return c->level[a] == 0 || (c->kinds && c->kinds[a] == ZJ_ROW_TOTAL);
}

/* The details under aggregate a add up; or they do not; or a blank under
 * it can be derived. */
static zj_code check_aggregate(sums_ctx *c, size_t a, zj_error *err)
{
    char s1[ZJ_AUDIT_NUM_MAX], s2[ZJ_AUDIT_NUM_MAX];
    size_t n = 0, missing = 0, miss = 0, d, i;
    double sum = 0, v = c->values[a];
    int tot = is_total(c, a);
    /* the aggregate in the messages, and its stated value and the details' sum */
    const char *agg_zh = tot ? "合计" : "小计", *agg_en = tot ? "total" : "subtotal";
    const char *vs = zj__audit_num(v, s2, sizeof s2), *sums;
    zj_code rc;

    for (d = 0; d < c->n_rows; d++) {
        if (c->is_agg[d] || !same_prefix(c, a, d, c->level[a]))
            continue;
        c->match[n++] = d;
        if (isnan(c->eff[d])) {
            missing++;
            miss = d;
        } else {
            sum += c->eff[d];
        }
    }
    for (i = 0; i < n; i++) {
        d = c->match[i];
        if (isnan(c->eff[d]) && !c->inner[d]) {
            c->inner[d] = a + 1;
            c->inner_missing[d] = missing;
        }
    }
    sums = zj__audit_num(sum, s1, sizeof s1);
    if (n == 0) {
        if (isnan(v))
            rc = ZJ_FINDING(&c->found, ZJ_FIND_ORPHAN_TOTAL, c->table, row_no(c, a), c->column, NAN, v, err,
                            ("表 %s 第 %zu 行 %s：%s行下没有明细行（且数值缺失）",
                             c->table, row_no(c, a), c->column, agg_zh),
                            ("table %s row %zu column %s: the %s row has no detail rows under it "
                             "(and no value)", c->table, row_no(c, a), c->column, agg_en));
        else
            rc = ZJ_FINDING(&c->found, ZJ_FIND_ORPHAN_TOTAL, c->table, row_no(c, a), c->column, NAN, v, err,
                            ("表 %s 第 %zu 行 %s：%s %s 下没有明细行", c->table, row_no(c, a),
                             c->column, agg_zh, vs),
                            ("table %s row %zu column %s: the %s %s has no detail rows under it",
                             c->table, row_no(c, a), c->column, agg_en, vs));
        return rc ? rc : note(c, a, err);
    }
    if (isnan(v)) {
        if (missing)
            rc = ZJ_FINDING(&c->found, ZJ_FIND_UNRESOLVED, c->table, row_no(c, a), c->column, NAN, v, err,
                            ("表 %s 第 %zu 行 %s：%s缺失，其 %zu 个明细中也有 %zu 个缺失，无法推得",
                             c->table, row_no(c, a), c->column, agg_zh, n, missing),
                            ("table %s row %zu column %s: the %s is missing, and of its %zu details "
                             "%zu are missing too, so it cannot be derived",
                             c->table, row_no(c, a), c->column, agg_en, n, missing));
        else
            rc = ZJ_FINDING(&c->found, ZJ_FIND_UNRESOLVED, c->table, row_no(c, a), c->column, sum, v, err,
                            ("表 %s 第 %zu 行 %s：%s缺失，明细合计为 %s", c->table, row_no(c, a),
                             c->column, agg_zh, sums),
                            ("table %s row %zu column %s: the %s is missing; its details add up to %s",
                             c->table, row_no(c, a), c->column, agg_en, sums));
        return rc ? rc : note(c, a, err);
    }
    if (missing == 0) {
        if (zj__audit_agree(sum, v))
            return ZJ_OK;
        rc = ZJ_FINDING(&c->found, ZJ_FIND_SUM_MISMATCH, c->table, row_no(c, a), c->column, sum, v, err,
                        ("表 %s 第 %zu 行 %s：明细合计 %s，%s为 %s", c->table, row_no(c, a), c->column,
                         sums, agg_zh, vs),
                        ("table %s row %zu column %s: details add up to %s, the %s states %s",
                         c->table, row_no(c, a), c->column, sums, agg_en, vs));
        return rc ? rc : note(c, a, err);
    }
    if (missing > 1)
        return ZJ_OK;   /* reported as UNRESOLVED at the end */
    /* Exactly one blank: the stated aggregate pins it down, and outer
     * aggregates are checked with it filled in. */
    c->eff[miss] = v - sum;
    sums = zj__audit_num(c->eff[miss], s1, sizeof s1);
    rc = ZJ_FINDING(&c->found, ZJ_FIND_DERIVED, c->table, row_no(c, miss), c->column, c->eff[miss], NAN, err,
                    ("表 %s 第 %zu 行 %s：缺失；由第 %zu 行的%s %s 推得应为 %s", c->table,
                     row_no(c, miss), c->column, row_no(c, a), agg_zh, vs, sums),
                    ("table %s row %zu column %s: missing; row %zu states the %s %s, which implies %s",
                     c->table, row_no(c, miss), c->column, row_no(c, a), agg_en, vs, sums));
    return rc ? rc : note(c, miss, err);
}

/* Blanks that no aggregate pinned down. */
static zj_code report_unresolved(sums_ctx *c, zj_error *err)
{
    size_t d, a;
    zj_code rc;

    for (d = 0; d < c->n_rows; d++) {
        if (c->is_agg[d] || !isnan(c->eff[d]))
            continue;
        if (!c->inner[d]) {
            rc = ZJ_FINDING(&c->found, ZJ_FIND_UNRESOLVED, c->table, row_no(c, d), c->column, NAN, NAN, err,
                            ("表 %s 第 %zu 行 %s：缺失，且没有小计或合计涵盖此行", c->table, row_no(c, d), c->column),
                            ("table %s row %zu column %s: missing, and no subtotal or "
                             "total covers this row",
                             c->table, row_no(c, d), c->column));
        } else if (a = c->inner[d] - 1, isnan(c->values[a])) {
            const char *agg_zh = is_total(c, a) ? "合计" : "小计";
            const char *agg_en = is_total(c, a) ? "total" : "subtotal";

            rc = ZJ_FINDING(&c->found, ZJ_FIND_UNRESOLVED, c->table, row_no(c, d), c->column, NAN, NAN, err,
                            ("表 %s 第 %zu 行 %s：缺失，且第 %zu 行的%s也缺失，无法推得", c->table,
                             row_no(c, d), c->column, row_no(c, a), agg_zh),
                            ("table %s row %zu column %s: missing, and so is the %s on row %zu, "
                             "so it cannot be derived", c->table, row_no(c, d), c->column, agg_en,
                             row_no(c, a)));
        } else {
            const char *agg_zh = is_total(c, a) ? "合计" : "小计";
            const char *agg_en = is_total(c, a) ? "total" : "subtotal";

            rc = ZJ_FINDING(&c->found, ZJ_FIND_UNRESOLVED, c->table, row_no(c, d), c->column, NAN, NAN, err,
                            ("表 %s 第 %zu 行 %s：缺失；第 %zu 行的%s之下有 %zu 个缺失值，无法逐一推得",
                             c->table, row_no(c, d), c->column, row_no(c, a), agg_zh,
                             c->inner_missing[d]),
                            ("table %s row %zu column %s: missing; the %s on row %zu has %zu missing "
                             "details, so none can be derived", c->table, row_no(c, d), c->column,
                             agg_en, row_no(c, a), c->inner_missing[d]));
        }
        if (rc || (rc = note(c, d, err)) != ZJ_OK)
            return rc;
    }
    return ZJ_OK;
}

typedef struct order_ref {
    size_t row, seq;
} order_ref;

static int order_cmp(const void *pa, const void *pb)
{
    const order_ref *a = pa, *b = pb;

    if (a->row != b->row)
        return a->row < b->row ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Moves the findings to `out` in input-row order (inner aggregates are
 * checked first, but a reader goes down the table). */
static zj_code hand_over(sums_ctx *c, zj_findings *out, zj_error *err)
{
    size_t n = c->found.count, i, cap;
    order_ref *ord;
    zj_finding *items;

    if (n == 0)
        return ZJ_OK;
    if (out->count > (size_t)-1 / sizeof *items - n)
        return ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL,
                       ("内存不足"),
                       ("out of memory"));
    cap = out->count + n;
    if (cap > out->capacity) {
        items = realloc(out->items, cap * sizeof *items);
        if (!items)
            return ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL,
                           ("内存不足"),
                           ("out of memory"));
        out->items = items;
        out->capacity = cap;
    }
    ord = malloc(n * sizeof *ord);
    if (!ord)
        return ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL,
                       ("内存不足"),
                       ("out of memory"));
    for (i = 0; i < n; i++) {
        ord[i].row = c->found_row[i];
        ord[i].seq = i;
    }
    qsort(ord, n, sizeof *ord, order_cmp);
    for (i = 0; i < n; i++)
        out->items[out->count++] = c->found.items[ord[i].seq];
    free(ord);
    /* The strings now belong to out. */
    c->found.count = 0;
    return ZJ_OK;
}

zj_code zj_audit_sums(const char *table, const char *column,
                      const char *const *keys, size_t n_keys,
                      const zj_row_kind *kinds, const double *values,
                      const size_t *row_numbers, size_t n_rows,
                      zj_findings *out, zj_error *err)
{
    sums_ctx c;
    size_t lev, i;
    zj_code rc = check_args(table, column, keys, n_keys, kinds, values,
                            n_rows, out, err);

    if (rc)
        return rc;
    memset(&c, 0, sizeof c);
    c.table = table;
    c.column = column;
    c.n_rows = n_rows;
    c.n_keys = n_keys;
    c.kinds = kinds;
    c.values = values;
    c.row_numbers = row_numbers;
    if (!ctx_setup(&c, keys)) {
        ctx_free(&c);
        return ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL,
                       ("内存不足"),
                       ("out of memory"));
    }
    /* Innermost first, so that a blank derived from its subtotal counts
     * towards the outer ones. */
    for (lev = n_keys + 1; rc == ZJ_OK && lev-- > 0;)
        for (i = 0; rc == ZJ_OK && i < n_rows; i++)
            if (c.is_agg[i] && c.level[i] == lev)
                rc = check_aggregate(&c, i, err);
    if (rc == ZJ_OK)
        rc = report_unresolved(&c, err);
    if (rc == ZJ_OK)
        rc = hand_over(&c, out, err);
    ctx_free(&c);
    return rc;
}
