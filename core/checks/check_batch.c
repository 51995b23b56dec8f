/* check_batch.c — the driver behind zj_check_batch.
 *
 * It turns each row's values into typed arguments (one reason per bad
 * field, so an officer sees every mistake of a row at once), finds the rule
 * set for the row's jurisdiction and year, and lets the check's evaluator
 * decide.  Row problems stay in the row's decision; only problems of the
 * call itself are returned. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_internal.h"
#include "data_internal.h"
#include "error_internal.h"
#include "strbuf.h"
#include "utf8.h"

#define MAX_FIELDS 32

typedef struct batch {
    const zj_data *data;
    const zj__check_def *def;
    int col_of_field[MAX_FIELDS];   /* input column of each field, or -1 */
    zj__arg args[MAX_FIELDS];
    size_t text_off[MAX_FIELDS];
    zj__strbuf scratch;              /* trimmed copies of text arguments */
    zj__dbuild *b;
    /* the rule set of the previous row: consecutive rows usually share it */
    char last_j[64];
    long last_year;
    const zj__ruleset *last_rs;
} batch;

static const char *type_zh(zj_field_type t)
{
    switch (t) {
    case ZJ_FIELD_INTEGER: return "整数";
    case ZJ_FIELD_NUMBER: return "数字";
    case ZJ_FIELD_BOOL: return "是/否（1/0、true/false）";
    case ZJ_FIELD_TEXT: return "文字";
    case ZJ_FIELD_CHOICE: return "规定选项之一";
    }
    return "";
}

static const char *type_en(zj_field_type t)
{
    switch (t) {
    case ZJ_FIELD_INTEGER: return "a whole number";
    case ZJ_FIELD_NUMBER: return "a number";
    case ZJ_FIELD_BOOL: return "yes/no (1/0, true/false, 是/否)";
    case ZJ_FIELD_TEXT: return "text";
    case ZJ_FIELD_CHOICE: return "one of the listed choices";
    }
    return "";
}

static int is_missing(const zj_value *v)
{
    size_t len;

    if (!v || v->type == ZJ_VAL_MISSING)
        return 1;
    if (v->type == ZJ_VAL_TEXT) {
        zj__trim(v->text, &len);
        return len == 0;
    }
    return 0;
}

static void choices_list(const zj_field_info *f, char *buf, size_t size)
{
    size_t i, len = 0;

    buf[0] = '\0';
    for (i = 0; f->choices && f->choices[i] && len + 1 < size; i++) {
        int k = snprintf(buf + len, size - len, "%s%s/%s", i ? ", " : "", f->choices[i],
                         f->choices_zh ? f->choices_zh[i] : f->choices[i]);
        if (k < 0)
            break;
        len += (size_t)k;
    }
    if (len >= size)
        buf[zj__utf8_prefix(buf, size - 1)] = '\0';
}

static int match_choice(const zj_field_info *f, const char *text)
{
    size_t i, len;
    const char *t = zj__trim(text, &len);
    char buf[128];

    if (len >= sizeof buf)
        return -1;
    memcpy(buf, t, len);
    buf[len] = '\0';
    for (i = 0; f->choices && f->choices[i]; i++)
        if (zj__ascii_ieq(buf, f->choices[i]) || (f->choices_zh && strcmp(buf, f->choices_zh[i]) == 0))
            return (int)i;
    return -1;
}

/* Shows a bad value in a message: text as given (shortened), numbers %g. */
static const char *show(const zj_value *v, char *buf, size_t size)
{
    const char *s = zj__value_as_text(v, buf, size);

    if (!s)
        return "";
    if (s != buf) {
        snprintf(buf, size, "%s", s);
        if (strlen(s) >= size)
            buf[zj__utf8_prefix(buf, size - 1)] = '\0';
    }
    return buf;
}

static void parse_arg(batch *B, size_t fi, const zj_value *v)
{
    const zj_field_info *f = &B->def->info.fields[fi];
    zj__arg *a = &B->args[fi];
    char shown[96], list[256];
    double d;

    memset(a, 0, sizeof *a);
    a->choice = -1;
    if (is_missing(v)) {
        if (f->required)
            ZJ_INPUT_ERROR(B->b, "INPUT.MISSING", ("缺少必填项“%s”（%s）", f->name_zh, f->name),
                           ("required field %s (%s) is missing", f->name_zh, f->name));
        return;
    }
    switch (f->type) {
    case ZJ_FIELD_INTEGER:
    case ZJ_FIELD_NUMBER:
        if (!zj__value_as_number(v, &d) ||
            (f->type == ZJ_FIELD_INTEGER && (d != (double)(long)d || d < -1e9 || d > 1e9))) {
            ZJ_INPUT_ERROR(B->b, f->type == ZJ_FIELD_INTEGER ? "INPUT.NOT_AN_INTEGER" : "INPUT.NOT_A_NUMBER",
                           ("“%s”（%s）应为%s，实际为“%s”", f->name_zh, f->name, type_zh(f->type), show(v, shown, sizeof shown)),
                           ("field %s (%s) must be %s, got \"%s\"", f->name_zh, f->name, type_en(f->type),
                            show(v, shown, sizeof shown)));
            return;
        }
        a->number = d;
        a->integer = (long)d;
        break;
    case ZJ_FIELD_BOOL:
        if (!zj__value_as_bool(v, &a->boolean)) {
            ZJ_INPUT_ERROR(B->b, "INPUT.NOT_A_BOOLEAN",
                           ("“%s”（%s）应为是/否（1/0、true/false），实际为“%s”", f->name_zh, f->name, show(v, shown, sizeof shown)),
                           ("field %s (%s) must be yes/no (1/0, true/false, 是/否), got \"%s\"", f->name_zh,
                            f->name, show(v, shown, sizeof shown)));
            return;
        }
        break;
    case ZJ_FIELD_CHOICE:
        if (v->type != ZJ_VAL_TEXT || (a->choice = match_choice(f, v->text)) < 0) {
            choices_list(f, list, sizeof list);
            ZJ_INPUT_ERROR(B->b, "INPUT.NOT_A_CHOICE",
                           ("“%s”（%s）应为以下之一：%s；实际为“%s”", f->name_zh, f->name, list, show(v, shown, sizeof shown)),
                           ("field %s (%s) must be one of: %s; got \"%s\"", f->name_zh, f->name, list, show(v, shown, sizeof shown)));
            return;
        }
        break;
    case ZJ_FIELD_TEXT: {
        char nb[64];
        const char *s = zj__value_as_text(v, nb, sizeof nb);
        size_t len;
        const char *t = zj__trim(s, &len);

        if (!zj__utf8_valid(t, len, NULL)) {
            ZJ_INPUT_ERROR(B->b, "INPUT.NOT_UTF8", ("“%s”（%s）不是有效的 UTF-8 文字", f->name_zh, f->name),
                           ("field %s (%s) is not valid UTF-8 text", f->name_zh, f->name));
            return;
        }
        B->text_off[fi] = B->scratch.len;
        zj__strbuf_append(&B->scratch, t, len);
        zj__strbuf_putc(&B->scratch, '\0');
        break;
    }
    }
    a->present = 1;
}

static void list_years(const zj_data *d, const char *programme, const zj__ruleset *like,
                       char *buf, size_t size)
{
    size_t i, len = 0;

    buf[0] = '\0';
    for (i = 0; i < d->n_rulesets && len + 1 < size; i++) {
        const zj__ruleset *rs = d->rulesets[i];
        int k;

        if (strcmp(rs->info.programme, programme) != 0)
            continue;
        if (like && strcmp(rs->info.jurisdiction, like->info.jurisdiction) != 0)
            continue;
        k = like ? snprintf(buf + len, size - len, "%s%d", len ? ", " : "", rs->info.year)
                 : snprintf(buf + len, size - len, "%s%s %d", len ? ", " : "", rs->info.jurisdiction,
                            rs->info.year);
        if (k < 0)
            break;
        len += (size_t)k;
    }
    if (len >= size)
        buf[zj__utf8_prefix(buf, size - 1)] = '\0';
}

static const zj__ruleset *find_rules(batch *B, const char *jur, long year)
{
    const zj_data *d = B->data;
    const char *prog = B->def->info.programme;
    const zj__ruleset *same_place = NULL;
    char list[256];
    size_t i;

    if (B->last_rs && B->last_year == year && strcmp(B->last_j, jur) == 0)
        return B->last_rs;
    B->last_rs = NULL;
    for (i = 0; i < d->n_rulesets; i++) {
        const zj__ruleset *rs = d->rulesets[i];

        if (strcmp(rs->info.programme, prog) != 0 || !zj__ruleset_matches_jurisdiction(rs, jur))
            continue;
        same_place = rs;
        if (rs->info.year == year) {
            if (strlen(jur) < sizeof B->last_j) {
                strcpy(B->last_j, jur);
                B->last_year = year;
                B->last_rs = rs;
            }
            return rs;
        }
    }
    if (same_place) {
        list_years(d, prog, same_place, list, sizeof list);
        ZJ_NO_RULES(B->b,
                    ("没有%s“%s”%ld 年的规则（现有年份：%s）", same_place->info.programme_zh,
                     same_place->info.jurisdiction_zh, year, list),
                    ("no rules for the %s in %s for %ld (years available: %s)", same_place->programme_en,
                     same_place->jurisdiction_en, year, list));
    } else {
        list_years(d, prog, NULL, list, sizeof list);
        ZJ_NO_RULES(B->b, ("没有地区“%s”的 %s 规则（现有：%s）", jur, prog, list[0] ? list : "-"),
                    ("no rules for the jurisdiction \"%s\" in programme %s (available: %s)", jur, prog,
                     list[0] ? list : "-"));
    }
    return NULL;
}

static zj_code decide_row(batch *B, const zj_value *row, size_t n_names, zj_decision *out)
{
    const zj_check_info *info = &B->def->info;
    const zj__ruleset *rs = NULL;
    size_t fi;

    (void)n_names;
    zj__db_reset(B->b);
    zj__strbuf_reset(&B->scratch);
    for (fi = 0; fi < info->n_fields; fi++) {
        int col = B->col_of_field[fi];
        parse_arg(B, fi, col >= 0 ? &row[col] : NULL);
    }
    /* pointers into the scratch buffer only once it has stopped growing */
    for (fi = 0; fi < info->n_fields; fi++)
        if (info->fields[fi].type == ZJ_FIELD_TEXT && B->args[fi].present)
            B->args[fi].text = B->scratch.data + B->text_off[fi];
    if (B->scratch.failed)
        return ZJ_ERR_NOMEM;
    if (zj__db_status(B->b) == ZJ_OK) {
        rs = find_rules(B, B->args[ZJ_FIELD_JURISDICTION].text, B->args[ZJ_FIELD_YEAR].integer);
        if (rs) {
            zj__check_ctx ctx;

            ctx.data = B->data;
            ctx.rules = rs;
            ctx.info = info;
            ctx.args = B->args;
            zj__db_set_ruleset(B->b, rs->id);
            B->def->eval(&ctx, B->b);
        }
    }
    return zj__db_finish(B->b, out);
}

zj_code zj_check_batch(const zj_data *data, const char *check, const char *const *names,
                       size_t n_names, const zj_value *cells, size_t rows,
                       zj_decision *out, zj_error *err)
{
    return zj_check_batch_opt(data, check, names, n_names, cells, rows, NULL, out, err);
}

zj_code zj_check_batch_opt(const zj_data *data, const char *check, const char *const *names,
                           size_t n_names, const zj_value *cells, size_t rows,
                           const zj_batch_options *opt, zj_decision *out, zj_error *err)
{
    batch B;
    size_t r;
    zj_code rc = ZJ_OK;

    memset(&B, 0, sizeof B);
    if (!data || (n_names && !names) || (rows && !cells && n_names) || (rows && !out))
        return ZJ_FAIL(err, ZJ_ERR_ARG, "arguments",
                       ("参数为空指针"),
                       ("a required argument is NULL"));
    B.def = zj__check_def_find(check);
    if (!B.def) {
        zj_check_lookup(check, err);   /* NULL, and the error worded */
        return ZJ_ERR_NOT_FOUND;
    }
    B.data = data;
    if ((rc = zj__check_map_columns(B.def, names, n_names, B.col_of_field, err)) != ZJ_OK)
        return rc;
    B.b = zj__db_new();
    if (!B.b)
        return ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL,
                       ("内存不足"),
                       ("out of memory"));
    zj__db_set_no_text(B.b, opt && opt->outcome_only);
    for (r = 0; r < rows; r++) {
        if (decide_row(&B, cells + r * n_names, n_names, &out[r]) != ZJ_OK) {
            zj_decisions_free(out, r);
            rc = ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL,
                         ("内存不足"),
                         ("out of memory"));
            break;
        }
    }
    zj__db_free(B.b);
    zj__strbuf_free(&B.scratch);
    return rc;
}

zj_code zj_check_run(const zj_data *data, const char *check, const char *const *names,
                     const zj_value *values, size_t n_values, zj_decision *out, zj_error *err)
{
    return zj_check_batch(data, check, names, n_values, values, 1, out, err);
}
