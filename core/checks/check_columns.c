/* check_columns.c — which input columns a check uses, and which of its
 * fields no column supplies (zj_check_columns, zhijiao/check.h).
 *
 * A file whose headers are not field names (户口, 分数 instead of
 * beijing_hukou, score) would otherwise be decided row by row as
 * undetermined without a word; every client shows this report instead. */
#include <stdlib.h>
#include <string.h>

#include "check_internal.h"
#include "error_internal.h"
#include "strbuf.h"

zj_code zj__check_map_columns(const zj__check_def *def, const char *const *names,
                             size_t n, int *col_of_field, zj_error *err)
{
    size_t k;

    for (k = 0; k < def->info.n_fields; k++)
        col_of_field[k] = -1;
    for (k = 0; k < n; k++) {
        int fi = names[k] ? zj_check_field_index(&def->info, names[k]) : -1;

        if (fi < 0)
            continue;
        if (col_of_field[fi] >= 0)
            return ZJ_FAIL(err, ZJ_ERR_ARG, "argument names",
                           ("字段 %s 出现了两次（第 %d 和第 %zu 列）", def->info.fields[fi].name,
                            col_of_field[fi] + 1, k + 1),
                           ("field %s is given twice (columns %d and %zu)",
                            def->info.fields[fi].name, col_of_field[fi] + 1, k + 1));
        col_of_field[fi] = (int)k;
    }
    return ZJ_OK;
}

/* "a、b" / "a, b": the unused column names, or the missing fields with
 * their Chinese names. */
static void list_columns(zj__strbuf *zh, zj__strbuf *en, const char *const *names,
                         const size_t *idx, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        const char *s = names[idx[i]] ? names[idx[i]] : "";
        zj__strbuf_printf(zh, "%s“%s”", i ? "、" : "", s);
        zj__strbuf_printf(en, "%s'%s'", i ? ", " : "", s);
    }
}

static void list_fields(zj__strbuf *zh, zj__strbuf *en, const zj_check_info *c,
                        const size_t *idx, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        const zj_field_info *f = &c->fields[idx[i]];
        zj__strbuf_printf(zh, "%s%s（%s）", i ? "、" : "", f->name_zh, f->name);
        zj__strbuf_printf(en, "%s%s (%s)", i ? ", " : "", f->name, f->name_zh);
    }
}

void zj_column_report_free(zj_column_report *r)
{
    if (!r)
        return;
    free(r->message_zh);
    free(r->message_en);
    free(r->priv_);
    memset(r, 0, sizeof *r);
}

zj_code zj_check_columns(const char *check, const char *const *names, size_t n_names,
                         zj_column_report *out, zj_error *err)
{
    const zj__check_def *def;
    int col_of_field[64];
    size_t k, nu = 0, nm = 0, *unused, *missing, head;
    zj__strbuf zh = ZJ_STRBUF_INIT, en = ZJ_STRBUF_INIT;
    char *block;
    zj_code rc;

    if (!out || (n_names && !names))
        return ZJ_FAIL(err, ZJ_ERR_ARG, "arguments", ("参数为空指针"),
                       ("a required argument is NULL"));
    memset(out, 0, sizeof *out);
    def = zj__check_def_find(check);
    if (!def) {
        zj_check_lookup(check, err);   /* NULL, and the error worded */
        return ZJ_ERR_NOT_FOUND;
    }
    if (def->info.n_fields > sizeof col_of_field / sizeof col_of_field[0])
        return ZJ_FAIL(err, ZJ_ERR_UNSUPPORTED, "argument check", ("检查的字段过多"),
                       ("the check has too many fields"));
    if ((rc = zj__check_map_columns(def, names, n_names, col_of_field, err)) != ZJ_OK)
        return rc;
    /* one block: the two index arrays */
    head = (n_names + def->info.n_fields + 1) * sizeof(size_t);
    block = malloc(head);
    if (!block)
        return ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL, ("内存不足"), ("out of memory"));
    unused = (size_t *)(void *)block;
    missing = unused + n_names;
    for (k = 0; k < n_names; k++)
        if (!names[k] || zj_check_field_index(&def->info, names[k]) < 0)
            unused[nu++] = k;
    for (k = 0; k < def->info.n_fields; k++)
        if (col_of_field[k] < 0)
            missing[nm++] = k;
    out->n_unused = nu;
    out->unused = unused;
    out->n_missing = nm;
    out->missing = missing;
    out->priv_ = block;
    if (nm == 0 || nu == 0)
        return ZJ_OK;
    /* The warning: a field no column supplies while a column goes unused
     * is most likely a misnamed header (户口 for beijing_hukou).  Fields
     * merely left out (optional ones) are said row by row instead. */
    zj__strbuf_puts(&zh, "没有列提供字段 ");
    zj__strbuf_puts(&en, "no column supplies the field(s) ");
    list_fields(&zh, &en, &def->info, missing, nm);
    zj__strbuf_printf(&zh, "，这些字段在每一行都缺失");
    zj__strbuf_printf(&en, ", so every row lacks them");
    zj__strbuf_puts(&zh, "；未使用的列：");
    zj__strbuf_puts(&en, "; columns not used: ");
    list_columns(&zh, &en, names, unused, nu);
    zj__strbuf_printf(&zh, "（检查 %s 的字段名见其说明）", def->info.name);
    zj__strbuf_printf(&en, " (the field names of check %s are listed in its help)", def->info.name);
    if (zh.failed || en.failed || !(out->message_zh = zj__strbuf_take(&zh)) ||
        !(out->message_en = zj__strbuf_take(&en))) {
        zj__strbuf_free(&zh);
        zj__strbuf_free(&en);
        zj_column_report_free(out);
        return ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL, ("内存不足"), ("out of memory"));
    }
    out->warn = 1;
    return ZJ_OK;
}
