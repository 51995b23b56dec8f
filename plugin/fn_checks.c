/* fn_checks.c — the rule checks: ZJ.CHECK / ZJ.CHECK.REASONS (any check by
 * name, field names and values as ranges) and the two functions generated
 * for every check of the catalogue (fields as arguments, in catalogue
 * order).  Outcome functions return 1/0, or the outcome text when
 * undetermined; reasons functions return the decisive reasons with their
 * sources, or the sentence saying what was wrong with the input. */
#include <stdlib.h>
#include <string.h>

#include "addin_call.h"
#include "uno_util.h"

/* ---- text ------------------------------------------------------------- */

typedef struct sbuf {
    char *s;
    size_t len, cap;
    int oom;
} sbuf;

static void sb_add(sbuf *b, const char *t, size_t n)
{
    if (b->oom)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        char *p;
        while (cap < b->len + n + 1)
            cap *= 2;
        if (!(p = realloc(b->s, cap))) {
            b->oom = 1;
            return;
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, t, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void sb_puts(sbuf *b, const char *t)
{
    sb_add(b, t, strlen(t));
}

/* The decisive reasons with their citations, as the library sums them up
 * (zj_decision_summarize: the same joining as the CLI's batch and R). */
static void reasons_text(const zj_decision *d, int zh, sbuf *b)
{
    zj_summarizer *s = zj_summarizer_new(NULL, ZJ_SUMMARY_TEXTS);
    zj_decision_summary sm;

    if (!s || zj_decision_summarize(s, d, &sm, NULL) != ZJ_OK)
        b->oom = 1;
    else if (sm.text_en_len)   /* nothing decisive: leave b as it was */
        sb_add(b, zh ? sm.text_zh : sm.text_en, zh ? sm.text_zh_len : sm.text_en_len);
    zj_summarizer_free(s);
}

char *zjc_decision_reasons(const zj_decision *d, int zh, int with_head)
{
    sbuf b = { 0 };
    const char *head = zh ? d->outcome_zh : d->outcome_en;

    if (with_head && (d->status != ZJ_OK || d->n_reasons == 0)) {
        sb_puts(&b, head ? head : "");
        if (d->n_reasons)
            sb_puts(&b, zh ? "：" : ": ");
    }
    reasons_text(d, zh, &b);
    if (b.oom) {
        free(b.s);
        return NULL;
    }
    return b.s ? b.s : strdup("");
}

/* ---- the inputs of one check ------------------------------------------ */

/* The fields of one call.  Calc calls once per cell, so up to SMALL_N
 * fields and short texts (in pool) the call allocates nothing. */
enum { SMALL_N = 16 };
typedef struct check_input {
    const char *check;
    size_t n;
    const char **names;
    zj_value *vals;
    char **holds;             /* malloc'd texts of values and names */
    const char *s_names[SMALL_N];
    zj_value s_vals[SMALL_N];
    char *s_holds[2 * SMALL_N];
    char pool[1024];
    size_t used;
    char *check_name;         /* ZJ.CHECK's first argument */
    zjc_range rn, rv;
} check_input;

static void input_free(check_input *in)
{
    size_t i;

    for (i = 0; in->holds && i < 2 * in->n; i++)
        free(in->holds[i]);
    if (in->n > SMALL_N) {
        free(in->holds);
        free(in->names);
        free(in->vals);
    }
    free(in->check_name);
    free(in->rn.cells);
    free(in->rv.cells);
}

static int input_arrays(zjc_fncall *c, check_input *in, size_t n)
{
    in->n = n;
    if (n <= SMALL_N) {
        in->names = in->s_names;
        in->vals = in->s_vals;
        in->holds = in->s_holds;
        memset(in->s_holds, 0, sizeof in->s_holds);
    } else {
        in->names = calloc(n, sizeof *in->names);
        in->vals = calloc(n, sizeof *in->vals);
        in->holds = calloc(2 * n, sizeof *in->holds);
        if (!in->names || !in->vals || !in->holds)
            return zjc_failf(&c->f, -1, ("内存不足"), ("out of memory"));
    }
    return 0;
}

/* One field as a zj_value: a blank cell and an empty text are missing; so
 * is a 0 given as a single value (in_range not set), which may be a blank
 * cell (zjc_arg_classify).  A text lives in the pool or in *hold. */
static int to_value(zjc_fncall *c, check_input *in, const uno_Any *a, int in_range, int pos,
                    const char *name, zj_value *v, char **hold)
{
    rtl_uString *u;
    const char *t;
    zjc_arg_kind kind;

    /* in a range FillMixedArray leaves an error cell void */
    kind = in_range ? (zjc_any_is_void(a) ? ZJC_ARG_ERROR : ZJC_ARG_VALUE) : zjc_arg_classify(&a);
    if (kind == ZJC_ARG_ERROR)
        return zjc_failf(&c->f, pos, ("字段 %s 是错误值", name), ("field %s is an error value", name));
    if (kind != ZJC_ARG_VALUE) {
        *v = zj_value_missing();
        return 0;
    }
    switch (a->pType->eTypeClass) {
    case typelib_TypeClass_DOUBLE: *v = zj_value_number(*(const double *)a->pData); return 0;
    case typelib_TypeClass_BOOLEAN: *v = zj_value_bool(*(const sal_Bool *)a->pData ? 1 : 0); return 0;
    case typelib_TypeClass_STRING:
        u = *(rtl_uString *const *)a->pData;
        if ((t = zjc_utf8_into(u, in->pool + in->used, sizeof in->pool - in->used)) != NULL)
            in->used += strlen(t) + 1;
        else if (!(t = *hold = zjc_utf8(u)))
            return zjc_failf(&c->f, pos, ("内存不足"), ("out of memory"));
        *v = *t ? zj_value_text(t) : zj_value_missing();
        return 0;
    default:
        return zjc_failf(&c->f, pos, ("字段 %s 应为单个值，不能是区域", name),
                         ("field %s must be a single value, not a range", name));
    }
}

/* A generated function: the check's fields are the arguments. */
static int input_of_fields(zjc_fncall *c, check_input *in)
{
    size_t i;

    in->check = c->check->name;
    if (input_arrays(c, in, c->check->n_fields))
        return -1;
    for (i = 0; i < in->n; i++) {
        in->names[i] = c->check->fields[i].name;
        if (to_value(c, in, ZJC_ARG(c, i), 0, (int)i, in->names[i], &in->vals[i], &in->holds[i]))
            return -1;
    }
    return 0;
}

/* ZJ.CHECK(check; names; values): the check by name, names and values
 * as ranges of one shape. */
static int input_of_ranges(zjc_fncall *c, check_input *in)
{
    const zj_check_info *ci;
    size_t i, n;

    if (zjc_arg_text(ZJC_ARG(c, 0), 0, "check", 0, &in->check_name, &c->f))
        return -1;
    in->check = in->check_name;
    if (!(ci = zj_check_find(in->check)))
        return zjc_failf(&c->f, 0, ("没有名为“%s”的检查", in->check), ("there is no check \"%s\"", in->check));
    if (zjc_arg_range(ZJC_ARG(c, 1), 1, "fields", &in->rn, &c->f) ||
        zjc_arg_range(ZJC_ARG(c, 2), 2, "values", &in->rv, &c->f))
        return -1;
    n = in->rn.rows * in->rn.cols;
    if (in->rv.rows * in->rv.cols != n)
        return zjc_failf(&c->f, 2, ("字段值有 %zu 个单元格，字段名却有 %zu 个", in->rv.rows * in->rv.cols, n),
                         ("values has %zu cells but fields %zu", in->rv.rows * in->rv.cols, n));
    if (input_arrays(c, in, n))
        return -1;
    for (i = 0; i < n; i++) {
        char **name = &in->holds[n + i];
        if (zjc_arg_text(in->rn.cells[i], 1, "fields", 0, name, &c->f))
            return -1;
        if (zj_check_field_index(ci, *name) < 0)
            return zjc_failf(&c->f, 1, ("检查 %s 没有字段“%s”", in->check, *name),
                             ("check %s has no field \"%s\"", in->check, *name));
        in->names[i] = *name;
        if (to_value(c, in, in->rv.cells[i], !in->rv.single, 2, *name, &in->vals[i], &in->holds[i]))
            return -1;
    }
    return 0;
}

/* Decides; on 0 the caller frees *d. */
static int decide(zjc_fncall *c, const check_input *in, zj_decision *d)
{
    const zj_data *data = zjc_addin_data(c->a, &c->f);
    zj_error e;

    if (!data)
        return -1;
    memset(d, 0, sizeof *d);
    if (zj_check_run(data, in->check, in->names, in->vals, in->n, d, &e) != ZJ_OK)
        return zjc_fail_zj(&c->f, 0, &e);
    return 0;
}

/* ---- outcome ---------------------------------------------------------- */

/* An input error the check found (d->status not OK): its reasons. */
static int fail_from_decision(zjc_fncall *c, const zj_decision *d)
{
    sbuf zh = { 0 }, en = { 0 };

    reasons_text(d, 1, &zh);
    reasons_text(d, 0, &en);
    zjc_failf(&c->f, -1, ("%s", zh.s ? zh.s : d->outcome_zh ? d->outcome_zh : "输入有误"),
              ("%s", en.s ? en.s : d->outcome_en ? d->outcome_en : "input error"));
    free(zh.s);
    free(en.s);
    return -1;
}

static int outcome(zjc_fncall *c, int (*inputs)(zjc_fncall *, check_input *))
{
    check_input in;
    zj_decision d;
    int rc = -1;

    memset(&in, 0, sizeof in);
    if (inputs(c, &in) || decide(c, &in, &d))
        goto out;
    if (d.status != ZJ_OK)
        fail_from_decision(c, &d);
    else if (d.eligible == 1 || d.eligible == 0) {
        /* Calc has no boolean cells: TRUE/FALSE are 1/0 (a boolean any
         * arrives as 0 whatever its value) */
        zjc_any_set_double((uno_Any *)c->ret, d.eligible);
        rc = 0;
    } else {
        zjc_any_set_text((uno_Any *)c->ret, zjc_addin_ui_zh(c->a) ? d.outcome_zh : d.outcome_en);
        rc = 0;
    }
    zj_decision_free(&d);
out:
    input_free(&in);
    return rc;
}

int zjc_fn_check(zjc_fncall *c)
{
    return outcome(c, input_of_ranges);
}

int zjc_fn_check_outcome_of(zjc_fncall *c)
{
    return outcome(c, input_of_fields);
}

/* ---- reasons ---------------------------------------------------------- */

static int reasons(zjc_fncall *c, int (*inputs)(zjc_fncall *, check_input *), int lang_pos)
{
    check_input in;
    zj_decision d;
    char *text;
    int zh = zjc_addin_ui_zh(c->a), rc = -1;

    memset(&in, 0, sizeof in);
    if (zjc_arg_lang(c->a, ZJC_ARG(c, lang_pos), lang_pos, &zh, &c->f) || inputs(c, &in) ||
        decide(c, &in, &d))
        goto out;
    text = zjc_decision_reasons(&d, zh, 1);
    zj_decision_free(&d);
    if (!text)
        zjc_failf(&c->f, -1, ("内存不足"), ("out of memory"));
    else
        rc = zjc_ret_text(c, text);
    free(text);
out:
    input_free(&in);
    if (rc && c->f.set) {
        /* the reasons function answers an input error with its sentence */
        rc = zjc_ret_text(c, zh ? c->f.zh : c->f.en);
        c->f.set = 0;
    }
    return rc;
}

int zjc_fn_check_reasons(zjc_fncall *c)
{
    return reasons(c, input_of_ranges, 3);
}

int zjc_fn_check_reasons_of(zjc_fncall *c)
{
    return reasons(c, input_of_fields, (int)c->check->n_fields);
}
