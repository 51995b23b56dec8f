/* fn_tables.c — whole tables in one call: ZJ.CHECK.TABLE decides every row
 * of a candidates table with one call of the core's batch entry point
 * (zj_check_batch_opt), ZJ.RATE.TABLE gives the rate and interval of every
 * row of two count columns (zj_rate_ci_batch).  Both return one array; in
 * ranges a blank cell is an empty text (FillMixedArray), so blanks are
 * missing, never 0. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <string.h>
#include <strings.h>

#include "addin_call.h"
#include "uno_util.h"

/* ---- the columns asked for ---------------------------------------------- */

typedef enum out_col { COL_ELIGIBLE, COL_OUTCOME, COL_REASONS, COL_CODES,
                       COL_ESTIMATE, COL_LOWER, COL_UPPER, N_OUT_COLS } out_col;

static const struct { const char *en, *zh, *head_en, *head_zh; } col_names[N_OUT_COLS] = {
    { "eligible", "符合", "eligible", "符合" },
    { "outcome", "结论", "outcome", "结论" },
    { "reasons", "理由", "reasons (sources)", "理由与依据" },
    { "codes", "代码", "reason codes", "理由代码" },
    { "estimate", "比率", "rate", "比率" },
    { "lower", "下限", "lower", "下限" },
    { "upper", "上限", "upper", "上限" },
};

/* The columns named in a, separated by commas (，、 too); def when omitted.
 * Only columns from first to last are allowed. */
static int arg_columns(zjc_fncall *c, int pos, out_col first, out_col last, out_col *cols, size_t *n)
{
    char *s = NULL, *p, *tok;
    int rc = 0;

    *n = 0;
    if (zjc_arg_text(ZJC_ARG(c, pos), pos, "columns", 1, &s, &c->f))
        return -1;
    if (!s) {
        for (; first <= last; first++)
            cols[(*n)++] = first;
        return 0;
    }
    for (p = s; (tok = strtok_r(p, ",，、 ", &p)) != NULL;) {
        out_col k;
        for (k = first; k <= last; k++)
            if (strcasecmp(tok, col_names[k].en) == 0 || strcmp(tok, col_names[k].zh) == 0)
                break;
        if (k > last || *n >= N_OUT_COLS) {
            rc = zjc_failf(&c->f, pos, ("列“%s”不存在（可用：%s 至 %s）", tok, col_names[first].zh, col_names[last].zh),
                           ("there is no column \"%s\" (use %s to %s)", tok, col_names[first].en, col_names[last].en));
            break;
        }
        cols[(*n)++] = k;
    }
    if (!rc && *n == 0)
        rc = zjc_failf(&c->f, pos, ("列为空"), ("columns is empty"));
    free(s);
    return rc;
}

static void put_header(zjc_matrix *m, const out_col *cols, size_t n, int zh)
{
    size_t k;

    for (k = 0; k < n; k++)
        zjc_any_set_text(zjc_mcell(m, 0, k), zh ? col_names[cols[k]].head_zh : col_names[cols[k]].head_en);
}

/* ---- ZJ.CHECK.TABLE ------------------------------------------------------ */

/* Where a call's time goes, for bench/calc-bench.sh: with $ZJ_CALC_PROFILE
 * naming a file, each call appends "rows in core out" (seconds: the
 * arguments to values, the core's batch, the decisions to the array). */
static double now(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void profile(size_t rows, double t0, double t1, double t2, double t3)
{
    const char *path = getenv("ZJ_CALC_PROFILE");
    FILE *f;

    if (!path || !*path || !(f = fopen(path, "a")))
        return;
    fprintf(f, "%zu %.6f %.6f %.6f\n", rows, t1 - t0, t2 - t1, t3 - t2);
    fclose(f);
}

/* The table's cells as values: texts are UTF-8 in one buffer (*pool). */
static int table_values(zjc_fncall *c, const zjc_range *t, char ***names, zj_value **vals, char **pool)
{
    size_t i, cells = t->rows * t->cols, need = 1, used = 0;

    *names = NULL;
    *vals = NULL;
    for (i = 0; i < cells; i++) {
        const uno_Any *a = t->cells[i];
        if (!zjc_any_is_void(a) && a->pType->eTypeClass == typelib_TypeClass_STRING)
            need += (size_t)(*(rtl_uString *const *)a->pData)->length * 3 + 1;
    }
    *pool = malloc(need);
    *names = calloc(t->cols, sizeof **names);
    *vals = calloc(cells > t->cols ? cells - t->cols : 1, sizeof **vals);
    if (!*pool || !*names || !*vals)
        return zjc_failf(&c->f, -1, ("内存不足"), ("out of memory"));
    for (i = 0; i < cells; i++) {
        const uno_Any *a = t->cells[i];
        zj_value v = zj_value_missing();
        const char *s = NULL;
        if (zjc_any_is_void(a))   /* FillMixedArray leaves an error cell void */
            return zjc_failf(&c->f, 1, ("表格第 %zu 行第 %zu 列是错误值", i / t->cols + 1, i % t->cols + 1),
                             ("row %zu, column %zu of the table is an error value", i / t->cols + 1, i % t->cols + 1));
        if (a->pType->eTypeClass == typelib_TypeClass_STRING) {
            s = zjc_utf8_into(*(rtl_uString *const *)a->pData, *pool + used, need - used);
            used += strlen(s) + 1;
            v = *s ? zj_value_text(s) : zj_value_missing();   /* a blank cell is "" */
        } else if (a->pType->eTypeClass == typelib_TypeClass_DOUBLE) {
            v = zj_value_number(*(const double *)a->pData);
        } else if (a->pType->eTypeClass == typelib_TypeClass_BOOLEAN) {
            v = zj_value_bool(*(const sal_Bool *)a->pData);
        }
        if (i < t->cols)
            (*names)[i] = (char *)(s ? s : "");
        else
            (*vals)[i - t->cols] = v;
    }
    return 0;
}

static void put_decision(zjc_matrix *m, size_t r, const zj_decision *d, const out_col *cols, size_t n, int zh)
{
    size_t k, i;
    char *t;

    for (k = 0; k < n; k++) {
        uno_Any *cell = zjc_mcell(m, r, k);
        switch (cols[k]) {
        case COL_ELIGIBLE:   /* as zhijiao batch: 1, 0, or empty */
            if (d->eligible == 0 || d->eligible == 1)
                zjc_any_set_double(cell, d->eligible);
            else
                zjc_any_set_text(cell, "");
            break;
        case COL_OUTCOME:
            zjc_any_set_text(cell, zh ? d->outcome_zh : d->outcome_en);
            break;
        case COL_REASONS:
            t = zjc_decision_reasons(d, zh, 0);
            zjc_any_set_text(cell, t ? t : "");
            free(t);
            break;
        default: {   /* COL_CODES */
            size_t len = 1;
            for (i = 0; i < d->n_reasons; i++)
                len += strlen(d->reasons[i].code) + 3;
            t = malloc(len);
            if (t) {
                t[0] = '\0';
                for (i = 0; i < d->n_reasons; i++)
                    if (zj_reason_is_decisive(d, i)) {
                        if (t[0])
                            strcat(t, " | ");
                        strcat(t, d->reasons[i].code);
                    }
            }
            zjc_any_set_text(cell, t ? t : "");
            free(t);
        }
        }
    }
}

int zjc_fn_check_table(zjc_fncall *c)
{
    char *check = NULL, **names = NULL, *pool = NULL;
    zj_value *vals = NULL;
    zj_decision *ds = NULL;
    zjc_range t;
    out_col cols[N_OUT_COLS];
    size_t ncols, rows = 0, r, k;
    zj_batch_options opt = { 0 };
    const zj_data *data;
    zjc_matrix m;
    zj_error e;
    int zh, rc = -1;
    double t0 = now(), t1, t2;

    t.cells = NULL;
    m.cells = NULL;
    if (zjc_arg_text(ZJC_ARG(c, 0), 0, "check", 0, &check, &c->f) ||
        arg_columns(c, 2, COL_ELIGIBLE, COL_CODES, cols, &ncols) ||
        zjc_arg_lang(c->a, ZJC_ARG(c, 3), 3, &zh, &c->f) ||
        zjc_arg_range(ZJC_ARG(c, 1), 1, "table", &t, &c->f) || !(data = zjc_addin_data(c->a, &c->f)))
        goto out;
    if (!zj_check_find(check)) {
        zjc_failf(&c->f, 0, ("没有名为“%s”的检查", check), ("there is no check \"%s\"", check));
        goto out;
    }
    if (t.rows < 2) {
        zjc_failf(&c->f, 1, ("表格应有表头行和至少一行数据"), ("table needs a header row and at least one row"));
        goto out;
    }
    if (table_values(c, &t, &names, &vals, &pool))
        goto out;
    rows = t.rows - 1;
    /* only the eligible column: the core decides without wording reasons */
    opt.outcome_only = 1;
    for (k = 0; k < ncols; k++)
        if (cols[k] == COL_REASONS)
            opt.outcome_only = 0;
    if (!(ds = calloc(rows, sizeof *ds))) {
        zjc_failf(&c->f, -1, ("内存不足"), ("out of memory"));
        goto out;
    }
    t1 = now();
    if (zj_check_batch_opt(data, check, (const char *const *)names, t.cols, vals, rows, &opt, ds, &e) != ZJ_OK) {
        zjc_fail_zj(&c->f, 0, &e);
        free(ds);
        ds = NULL;
        goto out;
    }
    t2 = now();
    if (zjc_matrix_init(&m, rows + 1, ncols, &c->f))
        goto out;
    put_header(&m, cols, ncols, zh);
    for (r = 0; r < rows; r++)
        put_decision(&m, r + 1, &ds[r], cols, ncols, zh);
    *(uno_Sequence **)c->ret = zjc_matrix_take(&m);
    profile(rows, t0, t1, t2, now());
    rc = 0;
out:
    if (ds)
        zj_decisions_free(ds, rows);
    free(ds);
    zjc_matrix_free(&m);
    free(vals);
    free(names);
    free(pool);
    free(t.cells);
    free(check);
    return rc;
}

/* ---- ZJ.RATE.TABLE ------------------------------------------------------- */

/* The sentence of a row the batch refused (the batch gives codes only). */
static void row_error(const double *x, const double *n, size_t r, double conf, zj_ci_method m, int zh,
                      char *buf, size_t size)
{
    zj_rate tmp;
    zj_error e;

    if (isnan(x[r]) || isnan(n[r])) {
        snprintf(buf, size, zh ? "第 %zu 行的%s为空" : "row %zu: %s is blank", r + 1, isnan(x[r]) ? "x" : "n");
        return;
    }
    zj_error_clear(&e);
    if (zj_rate_ci(x[r], n[r], conf, m, &tmp, &e) != ZJ_OK)
        snprintf(buf, size, zh ? "第 %zu 行：%s" : "row %zu: %s", r + 1, zh ? e.message_zh : e.message_en);
    else
        buf[0] = '\0';
}

int zjc_fn_rate_table(zjc_fncall *c)
{
    zjc_range rx, rn;
    double *x = NULL, *n = NULL, conf;
    zj_ci_method method;
    out_col cols[N_OUT_COLS];
    size_t ncols, rows, r, k;
    zj_rate *rates = NULL;
    zj_code *status = NULL;
    zjc_matrix m;
    zj_error e;
    int zh = zjc_addin_ui_zh(c->a), rc = -1;

    rx.cells = rn.cells = NULL;
    m.cells = NULL;
    if (zjc_arg_range(ZJC_ARG(c, 0), 0, "x_range", &rx, &c->f) ||
        zjc_arg_range(ZJC_ARG(c, 1), 1, "n_range", &rn, &c->f) ||
        zjc_arg_method(ZJC_ARG(c, 2), 2, &method, &c->f) ||
        zjc_arg_opt_number(ZJC_ARG(c, 3), 3, "conf", ZJ_CONF_DEFAULT, &conf, &c->f) ||
        arg_columns(c, 4, COL_ESTIMATE, COL_UPPER, cols, &ncols))
        goto out;
    rows = rx.rows * rx.cols;
    if (rn.rows * rn.cols != rows) {
        zjc_failf(&c->f, 1, ("成功数区域有 %zu 个单元格，总数区域却有 %zu 个", rows, rn.rows * rn.cols),
                  ("x_range has %zu cells but n_range %zu", rows, rn.rows * rn.cols));
        goto out;
    }
    if (zjc_range_numbers(&rx, 0, "x_range", 1, &x, &c->f) || zjc_range_numbers(&rn, 1, "n_range", 1, &n, &c->f))
        goto out;
    rates = calloc(rows, sizeof *rates);
    status = calloc(rows, sizeof *status);
    if (!rates || !status) {
        zjc_failf(&c->f, -1, ("内存不足"), ("out of memory"));
        goto out;
    }
    if (zj_rate_ci_batch(x, n, rows, conf, method, rates, status, &e) != ZJ_OK) {
        zjc_fail_zj(&c->f, 2, &e);
        goto out;
    }
    if (zjc_matrix_init(&m, rows, ncols, &c->f))
        goto out;
    for (r = 0; r < rows; r++) {
        if (status[r] != ZJ_OK) {
            /* the sentence in the first column, the others empty */
            char why[ZJ_ERROR_TEXT_MAX + 64];
            row_error(x, n, r, conf, method, zh, why, sizeof why);
            zjc_any_set_text(zjc_mcell(&m, r, 0), why);
            for (k = 1; k < ncols; k++)
                zjc_any_set_text(zjc_mcell(&m, r, k), "");
            continue;
        }
        for (k = 0; k < ncols; k++)
            zjc_any_set_double(zjc_mcell(&m, r, k), cols[k] == COL_ESTIMATE ? rates[r].estimate
                                                   : cols[k] == COL_LOWER ? rates[r].lower : rates[r].upper);
    }
    *(uno_Sequence **)c->ret = zjc_matrix_take(&m);
    rc = 0;
out:
    zjc_matrix_free(&m);
    free(rates);
    free(status);
    free(x);
    free(n);
    free(rx.cells);
    free(rn.cells);
    return rc;
}
