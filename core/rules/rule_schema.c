/* rule_schema.c — what every programme's rule file must provide.
 *
 * The checks of a programme read the rules and parameters declared in
 * rule_schema_list.h; a rule file that lacks one, gives it the wrong type or a
 * value outside its range is rejected when it loads, so no decision ever
 * meets a missing parameter or a minimum score of 4900 on a 670-point
 * scale.  The table lives here, below the data set, because loading a rule
 * file (rules layer) must not reach up into the checks that read it. */
#include <math.h>
#include <string.h>

#include "error_internal.h"
#include "rule_schema.h"

typedef enum ptype { PT_NUM, PT_INT, PT_STR, PT_BOOL, PT_LIST, PT_WINDOWS } ptype;

typedef struct rule_spec {
    const char *programme, *id, *checks;
} rule_spec;

typedef struct param_spec {
    zj__rule_id rule;
    const char *key;
    ptype type;
    double lo, hi;
} param_spec;

typedef struct le_spec {
    zj__param_id a, b;
} le_spec;

static const rule_spec rules[ZJ_R_COUNT] = {
#define ZJ_RULE(ID, prog, name, checks) { prog, name, checks },
#define ZJ_PARAM(ID, rule, key, type, lo, hi)
#define ZJ_LE(a, b)
#include "rule_schema_list.h"
#undef ZJ_RULE
#undef ZJ_PARAM
#undef ZJ_LE
};

static const param_spec params[ZJ_P_COUNT] = {
#define ZJ_RULE(ID, prog, name, checks)
#define ZJ_PARAM(ID, rule, key, type, lo, hi) { ZJ_R_##rule, key, PT_##type, lo, hi },
#define ZJ_LE(a, b)
#include "rule_schema_list.h"
#undef ZJ_RULE
#undef ZJ_PARAM
#undef ZJ_LE
};

static const le_spec les[] = {
#define ZJ_RULE(ID, prog, name, checks)
#define ZJ_PARAM(ID, rule, key, type, lo, hi)
#define ZJ_LE(a, b) { ZJ_P_##a, ZJ_P_##b },
#include "rule_schema_list.h"
#undef ZJ_RULE
#undef ZJ_PARAM
#undef ZJ_LE
};

static int type_ok(const zj__param *p, ptype t)
{
    switch (t) {
    case PT_NUM:
    case PT_INT: return p->type == ZJ_PARAM_NUMBER;
    case PT_STR: return p->type == ZJ_PARAM_STRING;
    case PT_BOOL: return p->type == ZJ_PARAM_BOOL;
    case PT_LIST:
    case PT_WINDOWS: return p->type == ZJ_PARAM_STRINGS;
    }
    return 0;
}

static const char *type_en(ptype t)
{
    /* the JSON type; INT's wholeness is checked with its range */
    static const char *const en[] = { "a number", "a number", "a string", "true or false",
                                      "an array of strings", "an array of strings" };
    return en[t];
}

static const char *type_zh(ptype t)
{
    static const char *const zh[] = { "数字", "数字", "字符串", "true 或 false", "字符串数组",
                                      "字符串数组" };
    return zh[t];
}

/* "g<1-3>-<1|2>": the end of term 1 or 2 of grade 10, 11 or 12. */
static int window_ok(const char *w)
{
    return w[0] == 'g' && w[1] >= '1' && w[1] <= '3' && w[2] == '-' && (w[3] == '1' || w[3] == '2') &&
           w[4] == '\0';
}

/* The value's range; 0 and err set when it is out. */
static zj_code check_range(const param_spec *s, const zj__param *p, zj_error *err)
{
    const char *rule = rules[s->rule].id;
    size_t i;

    switch (s->type) {
    case PT_NUM:
    case PT_INT:
        if (!isfinite(p->number) || p->number < s->lo || p->number > s->hi)
            return ZJ_FAIL(err, ZJ_ERR_PARSE, NULL,
                           ("键 rules.%s.params.%s：%g 超出范围，应在 %g 到 %g 之间", rule, s->key,
                            p->number, s->lo, s->hi),
                           ("key rules.%s.params.%s: %g is out of range, must be between %g and %g",
                            rule, s->key, p->number, s->lo, s->hi));
        if (s->type == PT_INT && p->number != floor(p->number))
            return ZJ_FAIL(err, ZJ_ERR_PARSE, NULL,
                           ("键 rules.%s.params.%s：应为整数，现为 %g", rule, s->key, p->number),
                           ("key rules.%s.params.%s: must be a whole number, got %g", rule, s->key,
                            p->number));
        break;
    case PT_STR:
        if (!p->string[0])
            return ZJ_FAIL(err, ZJ_ERR_PARSE, NULL, ("键 rules.%s.params.%s：不能为空", rule, s->key),
                           ("key rules.%s.params.%s: must not be empty", rule, s->key));
        break;
    case PT_BOOL:
        break;
    case PT_LIST:
    case PT_WINDOWS:
        if ((double)p->n_strings < s->lo || (double)p->n_strings > s->hi)
            return ZJ_FAIL(err, ZJ_ERR_PARSE, NULL,
                           ("键 rules.%s.params.%s：有 %zu 项，应为 %g 到 %g 项", rule, s->key,
                            p->n_strings, s->lo, s->hi),
                           ("key rules.%s.params.%s: has %zu entries, must have %g to %g", rule,
                            s->key, p->n_strings, s->lo, s->hi));
        for (i = 0; i < p->n_strings; i++) {
            if (!p->strings[i][0])
                return ZJ_FAIL(err, ZJ_ERR_PARSE, NULL,
                               ("键 rules.%s.params.%s：第 %zu 项为空", rule, s->key, i + 1),
                               ("key rules.%s.params.%s: entry %zu is empty", rule, s->key, i + 1));
            if (s->type == PT_WINDOWS && !window_ok(p->strings[i]))
                return ZJ_FAIL(err, ZJ_ERR_PARSE, NULL,
                               ("键 rules.%s.params.%s：第 %zu 项“%s”应为“g<年级 1–3>-<学期 1 或 2>”，如 g1-2",
                                rule, s->key, i + 1, p->strings[i]),
                               ("key rules.%s.params.%s: entry %zu \"%s\" must be g<grade 1-3>-<term 1 "
                                "or 2>, e.g. g1-2", rule, s->key, i + 1, p->strings[i]));
        }
        break;
    }
    return ZJ_OK;
}

zj_code zj__ruleset_bind_schema(zj__ruleset *rs, zj_error *err)
{
    size_t i;
    zj_code rc;

    for (i = 0; i < ZJ_R_COUNT; i++) {
        if (strcmp(rules[i].programme, rs->info.programme) != 0)
            continue;
        rs->bound_rules[i] = zj__ruleset_rule(rs, rules[i].id);
        if (!rs->bound_rules[i])
            return ZJ_FAIL(err, ZJ_ERR_PARSE, NULL,
                           ("键 rules.%s：缺少规则（检查 %s 需要）", rules[i].id, rules[i].checks),
                           ("key rules.%s: rule missing (needed by check %s)", rules[i].id,
                            rules[i].checks));
    }
    for (i = 0; i < ZJ_P_COUNT; i++) {
        const param_spec *s = &params[i];
        const zj__rule *r = rs->bound_rules[s->rule];
        const zj__param *p;

        if (!r)
            continue;   /* another programme's */
        p = zj__rule_param(r, s->key);
        if (!p)
            return ZJ_FAIL(err, ZJ_ERR_PARSE, NULL,
                           ("键 rules.%s.params.%s：缺少参数（检查 %s 需要）", r->id, s->key,
                            rules[s->rule].checks),
                           ("key rules.%s.params.%s: parameter missing (needed by check %s)", r->id,
                            s->key, rules[s->rule].checks));
        if (!type_ok(p, s->type))
            return ZJ_FAIL(err, ZJ_ERR_PARSE, NULL,
                           ("键 rules.%s.params.%s：应为%s", r->id, s->key, type_zh(s->type)),
                           ("key rules.%s.params.%s: expected %s", r->id, s->key, type_en(s->type)));
        if ((rc = check_range(s, p, err)))
            return rc;
        rs->bound_params[i] = p;
    }
    for (i = 0; i < sizeof les / sizeof les[0]; i++) {
        const zj__param *a = rs->bound_params[les[i].a], *b = rs->bound_params[les[i].b];
        const param_spec *sa = &params[les[i].a], *sb = &params[les[i].b];

        if (a && b && a->number > b->number)
            return ZJ_FAIL(err, ZJ_ERR_PARSE, NULL,
                           ("键 rules.%s.params.%s：%g 大于 rules.%s.params.%s 的 %g", rules[sa->rule].id,
                            sa->key, a->number, rules[sb->rule].id, sb->key, b->number),
                           ("key rules.%s.params.%s: %g is greater than rules.%s.params.%s (%g)",
                            rules[sa->rule].id, sa->key, a->number, rules[sb->rule].id, sb->key,
                            b->number));
    }
    return ZJ_OK;
}
