/* fn_audit.c — ZJ.AUDIT: the core's sum audit of a selected table. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "addin_call.h"

/* The key cells as texts (an empty cell is ""); free each and the array. */
static int key_texts(zjc_fncall *c, const zjc_range *rk, char ***out)
{
    size_t i, n = rk->rows * rk->cols;
    char **keys = calloc(n ? n : 1, sizeof *keys);

    *out = keys;
    if (!keys)
        return zjc_failf(&c->f, -1, ("内存不足"), ("out of memory"));
    for (i = 0; i < n; i++) {
        const uno_Any *k = rk->cells[i];
        zjc_arg_kind kind = rk->single ? zjc_arg_classify(&k) : zjc_any_is_void(k) ? ZJC_ARG_ERROR : ZJC_ARG_VALUE;
        if (kind == ZJC_ARG_ERROR)
            return zjc_fail_blank(&c->f, 0, "keys", kind);
        if (kind != ZJC_ARG_VALUE || (k->pType->eTypeClass == typelib_TypeClass_STRING &&
                                      (*(rtl_uString *const *)k->pData)->length == 0))
            keys[i] = strdup("");   /* a blank key cell: an aggregate row */
        else if (zjc_arg_text(k, 0, "keys", 0, &keys[i], &c->f))
            return -1;
        if (!keys[i])
            return zjc_failf(&c->f, -1, ("内存不足"), ("out of memory"));
    }
    return 0;
}

static void set_number_or_blank(uno_Any *a, double v)
{
    if (isnan(v))
        zjc_any_set_text(a, "");
    else
        zjc_any_set_double(a, v);
}

static int findings_array(zjc_fncall *c, const zj_findings *fs, int zh)
{
    zjc_matrix m;
    size_t i;

    if (zjc_matrix_init(&m, fs->count + 1, 5, &c->f))
        return -1;
    zjc_any_set_text(zjc_mcell(&m, 0, 0), zh ? "行" : "row");
    zjc_any_set_text(zjc_mcell(&m, 0, 1), zh ? "类型" : "kind");
    zjc_any_set_text(zjc_mcell(&m, 0, 2), zh ? "应为" : "expected");
    zjc_any_set_text(zjc_mcell(&m, 0, 3), zh ? "实为" : "found");
    zjc_any_set_text(zjc_mcell(&m, 0, 4), zh ? "说明" : "message");
    for (i = 0; i < fs->count; i++) {
        const zj_finding *x = &fs->items[i];
        zjc_any_set_double(zjc_mcell(&m, i + 1, 0), (double)x->row);
        zjc_any_set_text(zjc_mcell(&m, i + 1, 1), zj_finding_kind_name(x->kind));
        set_number_or_blank(zjc_mcell(&m, i + 1, 2), x->expected);
        set_number_or_blank(zjc_mcell(&m, i + 1, 3), x->found);
        zjc_any_set_text(zjc_mcell(&m, i + 1, 4), zh ? x->message_zh : x->message_en);
    }
    *(uno_Sequence **)c->ret = zjc_matrix_take(&m);
    return 0;
}

int zjc_fn_audit(zjc_fncall *c)
{
    zjc_range rk, rv;
    double *values = NULL, first = 1;
    char **keys = NULL;
    size_t *lines = NULL;
    zj_findings fs;
    zj_error e;
    size_t k, nk = 0;
    int zh, rc = -1;

    rk.cells = rv.cells = NULL;
    zj_findings_init(&fs);
    if (zjc_arg_range(ZJC_ARG(c, 0), 0, "keys", &rk, &c->f) || zjc_arg_range(ZJC_ARG(c, 1), 1, "values", &rv, &c->f) ||
        zjc_arg_lang(c->a, ZJC_ARG(c, 2), 2, &zh, &c->f) ||
        zjc_arg_opt_number(ZJC_ARG(c, 3), 3, "first_row", 1, &first, &c->f))
        goto out;
    if (first != (double)(size_t)first || first < 1 || first > 1048576) {
        zjc_failf(&c->f, 3, ("首行号应为正整数，如 ROW(A4)"), ("first_row must be a row number such as ROW(A4)"));
        goto out;
    }
    if (rv.cols != 1 || rv.rows != rk.rows) {
        zjc_failf(&c->f, 1, ("数值列应为一列，行数与键列相同（%zu 行）", rk.rows),
                  ("values must be one column with as many rows as keys (%zu)", rk.rows));
        goto out;
    }
    nk = rk.rows * rk.cols;
    if (zjc_range_numbers(&rv, 1, "values", 1, &values, &c->f) || key_texts(c, &rk, &keys))
        goto out;
    /* findings name the sheet's own rows when first_row is given */
    if (!(lines = malloc((rk.rows ? rk.rows : 1) * sizeof *lines))) {
        zjc_failf(&c->f, -1, ("内存不足"), ("out of memory"));
        goto out;
    }
    for (k = 0; k < rk.rows; k++)
        lines[k] = (size_t)first + k;
    if (zj_audit_sums("range", "value", (const char *const *)keys, rk.cols, NULL, values, lines,
                      rk.rows, &fs, &e) != ZJ_OK) {
        zjc_fail_zj(&c->f, 0, &e);
        goto out;
    }
    rc = findings_array(c, &fs, zh);
out:
    zj_findings_free(&fs);
    for (k = 0; keys && k < nk; k++)
        free(keys[k]);
    free(keys);
    free(lines);
    free(values);
    free(rk.cells);
    free(rv.cells);
    return rc;
}
