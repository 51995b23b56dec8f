/* check_catalog.c — the list of checks, and verifying rule files against it. */
#include <stdio.h>
#include <string.h>

#include "check_internal.h"
#include "error_internal.h"
#include "utf8.h"

/* The order is the order users see in `zhijiao checks`, the Calc function
 * list and the R documentation. */
static const zj_check_def *const catalog[] = {
    &zj_check_gtpy_admission,
    &zj_check_gtpy_zhiyuan,
    &zj_check_gtpy_transfer,
    &zj_check_gtpy_zhuanduan,
    &zj_check_gtpy_suspension,
    &zj_check_gtpy_exit,
    &zj_check_gtpy_xueji,
    &zj_check_3plus2_applications,
    &zj_check_3plus2_partner,
    &zj_check_3plus2_wuyi,
    &zj_check_pzhz_window,
};

#define N_CHECKS (sizeof catalog / sizeof catalog[0])

size_t zj_check_def_count(void)
{
    return N_CHECKS;
}

const zj_check_def *zj_check_def_at(size_t i)
{
    return i < N_CHECKS ? catalog[i] : NULL;
}

const zj_check_def *zj_check_def_find(const char *name)
{
    size_t i;

    if (!name)
        return NULL;
    for (i = 0; i < N_CHECKS; i++)
        if (strcmp(catalog[i]->info.name, name) == 0)
            return catalog[i];
    return NULL;
}

size_t zj_check_count(void)
{
    return N_CHECKS;
}

const zj_check_info *zj_check_at(size_t i)
{
    return i < N_CHECKS ? &catalog[i]->info : NULL;
}

const zj_check_info *zj_check_find(const char *name)
{
    const zj_check_def *d = zj_check_def_find(name);

    return d ? &d->info : NULL;
}

int zj_check_field_index(const zj_check_info *check, const char *name)
{
    size_t i, len;
    const char *t;
    char buf[128];

    if (!check || !name)
        return -1;
    t = zj_trim(name, &len);
    if (len == 0 || len >= sizeof buf)
        return -1;
    memcpy(buf, t, len);
    buf[len] = '\0';
    for (i = 0; i < check->n_fields; i++)
        if (zj_ascii_ieq(check->fields[i].name, buf) || strcmp(check->fields[i].name_zh, buf) == 0)
            return (int)i;
    return -1;
}

static int param_ok(const zj_param *p, char type)
{
    switch (type) {
    case 'n': return p->type == ZJ_PARAM_NUMBER;
    case 's': return p->type == ZJ_PARAM_STRING;
    case 'b': return p->type == ZJ_PARAM_BOOL;
    case 'l': return p->type == ZJ_PARAM_STRINGS;
    }
    return 0;
}

static const char *type_en(char t)
{
    return t == 'n' ? "a number" : t == 's' ? "a string" : t == 'b' ? "true or false"
                                                              : "an array of strings";
}

static const char *type_zh(char t)
{
    return t == 'n' ? "数字" : t == 's' ? "字符串" : t == 'b' ? "true 或 false" : "字符串数组";
}

static zj_code verify_need(const zj_ruleset *rs, const zj_check_def *d,
                           const zj_rule_need *need, zj_error *err)
{
    const zj_rule *r = zj_ruleset_rule(rs, need->rule);
    size_t i;

    if (!r)
        return zj_fail(err, ZJ_ERR_PARSE, NULL,
                       "键 rules.%s：缺少规则（检查 %s 需要）",
                       "key rules.%s: rule missing (needed by check %s)",
                       need->rule, d->info.name);
    for (i = 0; need->params && need->params[i]; i++) {
        const char *spec = need->params[i];
        const char *colon = strchr(spec, ':');
        char key[64];
        const zj_param *p;
        size_t klen = colon ? (size_t)(colon - spec) : strlen(spec);
        char type = colon ? colon[1] : 'n';

        if (klen >= sizeof key)
            klen = sizeof key - 1;
        memcpy(key, spec, klen);
        key[klen] = '\0';
        p = zj_rule_param(r, key);
        if (!p)
            return zj_fail(err, ZJ_ERR_PARSE, NULL,
                           "键 rules.%s.params.%s：缺少参数（检查 %s 需要）",
                           "key rules.%s.params.%s: parameter missing (needed by check %s)",
                           need->rule, key, d->info.name);
        if (!param_ok(p, type)) {
            if (err) {
                err->code = ZJ_ERR_PARSE;
                err->where[0] = '\0';
                snprintf(err->message_zh, sizeof err->message_zh,
                         "键 rules.%s.params.%s：应为%s", need->rule, key, type_zh(type));
                snprintf(err->message_en, sizeof err->message_en,
                         "key rules.%s.params.%s: expected %s", need->rule, key, type_en(type));
            }
            return ZJ_ERR_PARSE;
        }
    }
    return ZJ_OK;
}

zj_code zj_check_verify_ruleset(const zj_ruleset *rs, zj_error *err)
{
    size_t i;
    const zj_rule_need *n;
    zj_code rc;

    for (i = 0; i < N_CHECKS; i++) {
        const zj_check_def *d = catalog[i];

        if (strcmp(d->info.programme, rs->info.programme) != 0)
            continue;
        for (n = d->needs; n && n->rule; n++)
            if ((rc = verify_need(rs, d, n, err)))
                return rc;
    }
    return ZJ_OK;
}
