/* findings.c — the list of findings that audits append to. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "findings_internal.h"
#include "error_internal.h"
#include "strbuf.h"
#include "utf8.h"

/* Indexed by zj_finding_kind; the names appear in CSV and JSON output,
 * so they never change. */
static const char *const kind_names[] = {
    "sum_mismatch", "derived", "unresolved", "count_mismatch",
    "percent_unachievable", "orphan_total", "weighted_mean_mismatch",
    "parts_not_all_stated"
};

#define KIND_COUNT (sizeof kind_names / sizeof kind_names[0])

const char *zj_finding_kind_name(zj_finding_kind kind)
{
    if ((unsigned)kind >= KIND_COUNT)
        return "unknown";
    return kind_names[kind];
}

void zj_findings_init(zj_findings *f)
{
    if (!f)
        return;
    f->items = NULL;
    f->count = f->capacity = 0;
}

static void finding_free(zj_finding *x)
{
    free(x->table);
    free(x->column);
    free(x->message_zh);
    free(x->message_en);
}

void zj__findings_truncate(zj_findings *f, size_t count)
{
    if (!f)
        return;
    while (f->count > count)
        finding_free(&f->items[--f->count]);
}

void zj_findings_free(zj_findings *f)
{
    if (!f)
        return;
    zj__findings_truncate(f, 0);
    free(f->items);
    zj_findings_init(f);
}

static zj_code nomem(zj_error *err)
{
    return ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL,
                   ("记录审核结果时内存不足"),
                   ("out of memory while recording an audit finding"));
}

zj_code zj__findings_add(zj_findings *f, zj_finding_kind kind,
                        const char *table, size_t row, const char *column,
                        double expected, double found, const char *msg_zh,
                        const char *msg_en, zj_error *err)
{
    zj_finding x;

    if (!f)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument out",
                       ("out 不能为 NULL"),
                       ("out must not be NULL"));
    if (f->count == f->capacity) {
        size_t cap = f->capacity ? f->capacity * 2 : 8;
        zj_finding *p;

        if (cap > (size_t)-1 / sizeof *p)
            return nomem(err);
        p = realloc(f->items, cap * sizeof *p);
        if (!p)
            return nomem(err);
        f->items = p;
        f->capacity = cap;
    }
    x.kind = kind;
    x.row = row;
    x.expected = expected;
    x.found = found;
    x.table = zj__strdup(table ? table : "");
    x.column = zj__strdup(column ? column : "");
    x.message_zh = zj__strdup(msg_zh ? msg_zh : "");
    x.message_en = zj__strdup(msg_en ? msg_en : "");
    if (!x.table || !x.column || !x.message_zh || !x.message_en) {
        finding_free(&x);
        return nomem(err);
    }
    f->items[f->count++] = x;
    return ZJ_OK;
}

zj_code zj__audit_check_names(const char *table, const char *column,
                             const zj_findings *out, zj_error *err)
{
    if (!out)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument out",
                       ("out（审核结果列表）不能为 NULL"),
                       ("out (the findings list) must not be NULL"));
    if (!table || !zj__utf8_valid(table, strlen(table), NULL))
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument table",
                       ("表名 table 必须是非 NULL 的 UTF-8 文本"),
                       ("the table name must be UTF-8 text, not NULL"));
    if (!column || !zj__utf8_valid(column, strlen(column), NULL))
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument column",
                       ("列名 column 必须是非 NULL 的 UTF-8 文本"),
                       ("the column name must be UTF-8 text, not NULL"));
    return ZJ_OK;
}

const char *zj__audit_num(double v, char *buf, size_t size)
{
    /* 15 digits hide binary noise such as 0.30000000000000004; adding
     * 0.0 turns -0 into 0. */
    snprintf(buf, size, "%.15g", v + 0.0);
    return buf;
}

void zj__audit_msg_start(zj__strbuf *zh, zj__strbuf *en, const char *table,
                        size_t row, const char *column)
{
    if (row) {
        zj__strbuf_printf(zh, "表 %s 第 %zu 行 %s：", table, row, column);
        zj__strbuf_printf(en, "table %s row %zu column %s: ", table, row,
                         column);
    } else {
        zj__strbuf_printf(zh, "表 %s %s：", table, column);
        zj__strbuf_printf(en, "table %s column %s: ", table, column);
    }
}

zj_code zj__findings_add_msg(zj_findings *f, zj_finding_kind kind,
                            const char *table, size_t row, const char *column,
                            double expected, double found, zj__strbuf *zh,
                            zj__strbuf *en, zj_error *err)
{
    zj_code rc;

    if (zh->failed || en->failed)
        rc = nomem(err);
    else
        rc = zj__findings_add(f, kind, table, row, column, expected, found,
                             zh->data ? zh->data : "", en->data ? en->data : "", err);
    zj__strbuf_free(zh);
    zj__strbuf_free(en);
    return rc;
}

int zj__audit_agree(double sum, double stated)
{
    if (!isfinite(sum) || !isfinite(stated))
        return 0;
    return fabs(sum - stated) <= 1e-9 * fmax(fabs(sum), fabs(stated));
}
