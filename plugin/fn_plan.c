/* fn_plan.c — the bundled data: one plan row's places, partner and
 * partner major; a year's plan as an array; any bundled table as an array. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "addin_call.h"

/* The plan row of (year, school, major): exactly one must match. */
static int plan_one(zjc_fncall *c, zj_plan_entry *out)
{
    int year;
    char *school = NULL, *major = NULL;
    const zj_data *d;
    size_t found = 0;
    zj_error e;
    int rc = -1;

    if (zjc_arg_year(ZJC_ARG(c, 0), 0, &year, &c->f) ||
        zjc_arg_text(ZJC_ARG(c, 1), 1, "school", 0, &school, &c->f) ||
        zjc_arg_text(ZJC_ARG(c, 2), 2, "major", 0, &major, &c->f) || !(d = zjc_addin_data(c->a, &c->f)))
        goto out;
    if (zj_plan_lookup(d, year, school, major, out, 1, &found, &e) != ZJ_OK) {
        zjc_fail_zj(&c->f, 0, &e);
        goto out;
    }
    if (found == 0) {
        zjc_failf(&c->f, 2, ("%d 年计划中没有学校“%s”专业“%s”", year, school, major),
                  ("no plan row of %d for school \"%s\" and major \"%s\"", year, school, major));
        goto out;
    }
    if (found > 1) {
        zjc_failf(&c->f, 2, ("%d 年计划中有 %zu 行符合学校“%s”专业“%s”，请用 招生计划表", year, found, school, major),
                  ("%zu plan rows of %d match school \"%s\" and major \"%s\"; use ZJ.PLAN.TABLE",
                   found, year, school, major));
        goto out;
    }
    rc = 0;
out:
    free(school);
    free(major);
    return rc;
}

int zjc_fn_plan_places(zjc_fncall *c)
{
    zj_plan_entry p;

    if (plan_one(c, &p))
        return -1;
    if (isnan(p.places))
        return zjc_failf(&c->f, -1, ("计划表未给出该专业的计划数（%s 第 %zu 行）", p.table, p.line),
                         ("the plan does not give the places of this major (%s line %zu)", p.table, p.line));
    return zjc_ret_double(c, p.places);
}

int zjc_fn_plan_partner(zjc_fncall *c)
{
    zj_plan_entry p;
    return plan_one(c, &p) ? -1 : zjc_ret_text(c, p.partner);
}

int zjc_fn_plan_partner_major(zjc_fncall *c)
{
    zj_plan_entry p;
    return plan_one(c, &p) ? -1 : zjc_ret_text(c, p.partner_major);
}

/* Chinese first, the English beside: the sheet reads the same in either UI. */
static const char *const plan_header[] = {
    "年份 year", "项目 programme", "学校 school", "专业 major", "专业代码 major code", "合作院校 partner",
    "合作专业 partner major", "计划数 places", "来源表 table", "行号 line"
};

static int cmp_entry(const void *pa, const void *pb)
{
    const zj_plan_entry *a = pa, *b = pb;
    int t = strcmp(a->table, b->table);
    return t ? t : (a->line > b->line) - (a->line < b->line);
}

static void plan_row(zjc_matrix *m, size_t r, const zj_plan_entry *p)
{
    zjc_any_set_double(zjc_mcell(m, r, 0), p->year);
    zjc_any_set_text(zjc_mcell(m, r, 1), p->programme);
    zjc_any_set_text(zjc_mcell(m, r, 2), p->school);
    zjc_any_set_text(zjc_mcell(m, r, 3), p->major);
    zjc_any_set_text(zjc_mcell(m, r, 4), p->major_code);
    zjc_any_set_text(zjc_mcell(m, r, 5), p->partner);
    zjc_any_set_text(zjc_mcell(m, r, 6), p->partner_major);
    if (isnan(p->places))
        zjc_any_set_text(zjc_mcell(m, r, 7), "");
    else
        zjc_any_set_double(zjc_mcell(m, r, 7), p->places);
    zjc_any_set_text(zjc_mcell(m, r, 8), p->table);
    zjc_any_set_double(zjc_mcell(m, r, 9), (double)p->line);
}

int zjc_fn_plan_table(zjc_fncall *c)
{
    int year;
    char *school = NULL, *major = NULL;
    const zj_data *d;
    size_t found = 0, i, n;
    zj_plan_entry *rows = NULL;
    zj_error e;
    zjc_matrix m;
    int rc = -1;

    m.cells = NULL;
    if (zjc_arg_year(ZJC_ARG(c, 0), 0, &year, &c->f) ||
        zjc_arg_text(ZJC_ARG(c, 1), 1, "school", 1, &school, &c->f) ||
        zjc_arg_text(ZJC_ARG(c, 2), 2, "major", 1, &major, &c->f) || !(d = zjc_addin_data(c->a, &c->f)))
        goto out;
    /* counted first, then fetched */
    if (zj_plan_lookup(d, year, school, major, NULL, 0, &found, &e) != ZJ_OK) {
        zjc_fail_zj(&c->f, 0, &e);
        goto out;
    }
    n = found;
    if (!(rows = calloc(n ? n : 1, sizeof *rows))) {
        zjc_failf(&c->f, -1, ("内存不足"), ("out of memory"));
        goto out;
    }
    if (zj_plan_lookup(d, year, school, major, rows, n, &found, &e) != ZJ_OK) {
        zjc_fail_zj(&c->f, 0, &e);
        goto out;
    }
    qsort(rows, n, sizeof *rows, cmp_entry);
    if (zjc_matrix_init(&m, n + 1, 10, &c->f))
        goto out;
    for (i = 0; i < 10; i++)
        zjc_any_set_text(zjc_mcell(&m, 0, i), plan_header[i]);
    for (i = 0; i < n; i++)
        plan_row(&m, i + 1, &rows[i]);
    *(uno_Sequence **)c->ret = zjc_matrix_take(&m);
    rc = 0;
out:
    zjc_matrix_free(&m);
    free(rows);
    free(school);
    free(major);
    return rc;
}

int zjc_fn_table(zjc_fncall *c)
{
    char *name = NULL;
    const zj_data *d;
    const zj_table *t;
    zj_error e;
    zjc_matrix m;
    size_t r, k, rows, cols;
    int rc = -1;

    m.cells = NULL;
    if (zjc_arg_text(ZJC_ARG(c, 0), 0, "table", 0, &name, &c->f) || !(d = zjc_addin_data(c->a, &c->f)))
        goto out;
    if (zj_data_table(d, name, &t, &e) != ZJ_OK) {
        zjc_fail_zj(&c->f, 0, &e);
        goto out;
    }
    rows = zj_table_rows(t);
    cols = zj_table_cols(t);
    if (zjc_matrix_init(&m, rows + 1, cols, &c->f))
        goto out;
    for (k = 0; k < cols; k++)
        zjc_any_set_text(zjc_mcell(&m, 0, k), zj_table_col_name(t, k));
    for (r = 0; r < rows; r++)
        for (k = 0; k < cols; k++) {
            const char *s = zj_table_cell(t, r, k);
            double v;
            /* numbers read as every surface reads them (zhijiao/parse.h) */
            if (s && *s && zj_parse_number(s, NULL, &v, NULL) == ZJ_OK)
                zjc_any_set_double(zjc_mcell(&m, r + 1, k), v);
            else
                zjc_any_set_text(zjc_mcell(&m, r + 1, k), s ? s : "");
        }
    *(uno_Sequence **)c->ret = zjc_matrix_take(&m);
    rc = 0;
out:
    zjc_matrix_free(&m);
    free(name);
    return rc;
}
