/* fn_deadlines.c — ZJ.DEADLINES: what is due, from the rule files'
 * deadline.* rules (zj_deadlines), as an array with a header row, the
 * status and what is due in the sheet's language. */
#include <stdio.h>
#include <stdlib.h>

#include "addin_call.h"

/* Chinese first, the English beside: the sheet reads the same in either UI. */
static const char *const deadlines_header[] = {
    "截止 due", "状态 status", "事项 what", "规则 rules", "来源 source"
};

#define DEADLINES_COLS (sizeof deadlines_header / sizeof deadlines_header[0])

/* The year: left out, blank (or 0, which a blank cell also gives) is every year. */
static int deadlines_year(const uno_Any *a, int *year, zjc_fail *f)
{
    const uno_Any *v = a;
    zjc_arg_kind k = zjc_arg_classify(&v);

    *year = 0;
    if (k == ZJC_ARG_OMITTED || k == ZJC_ARG_BLANK || k == ZJC_ARG_ZERO_OR_BLANK)
        return 0;
    return zjc_arg_year(a, 0, year, f);
}

static void deadline_row(zjc_matrix *m, size_t r, const zj_deadline *d, int zh)
{
    char set[160], cite[1024];

    snprintf(set, sizeof set, "%s %s %d", d->jurisdiction, d->programme, d->year);
    zj_source_format(&d->source, cite, sizeof cite);
    zjc_any_set_text(zjc_mcell(m, r, 0), d->due);
    zjc_any_set_text(zjc_mcell(m, r, 1), zh ? d->status_zh : d->status_en);
    zjc_any_set_text(zjc_mcell(m, r, 2), zh ? d->what_zh : d->what_en);
    zjc_any_set_text(zjc_mcell(m, r, 3), set);
    zjc_any_set_text(zjc_mcell(m, r, 4), cite);
}

int zjc_fn_deadlines(zjc_fncall *c)
{
    int year, zh;
    char *date = NULL;
    const zj_data *d;
    zj_deadline *list = NULL;
    size_t i, n = 0;
    zj_error e;
    zjc_matrix m;
    int rc = -1;

    m.cells = NULL;
    if (deadlines_year(ZJC_ARG(c, 0), &year, &c->f) ||
        zjc_arg_text(ZJC_ARG(c, 1), 1, "date", 1, &date, &c->f) ||
        zjc_arg_lang(c->a, ZJC_ARG(c, 2), 2, &zh, &c->f) || !(d = zjc_addin_data(c->a, &c->f)))
        goto out;
    if (zj_deadlines(d, year, date, &list, &n, &e) != ZJ_OK) {
        zjc_fail_zj(&c->f, e.code == ZJ_ERR_ARG ? 1 : 0, &e);
        goto out;
    }
    if (zjc_matrix_init(&m, n + 1, DEADLINES_COLS, &c->f))
        goto out;
    for (i = 0; i < DEADLINES_COLS; i++)
        zjc_any_set_text(zjc_mcell(&m, 0, i), deadlines_header[i]);
    for (i = 0; i < n; i++)
        deadline_row(&m, i + 1, &list[i], zh);
    *(uno_Sequence **)c->ret = zjc_matrix_take(&m);
    rc = 0;
out:
    zjc_matrix_free(&m);
    zj_deadlines_free(list);
    free(date);
    return rc;
}
