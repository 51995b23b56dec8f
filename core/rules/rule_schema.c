/* rule_schema.c — what every programme's rule file must provide.
 *
 * The checks of a programme read these rules and parameters; a rule file
 * that lacks one, or gives it the wrong type, is rejected when it loads,
 * so no decision ever meets a missing parameter.  The table lives here,
 * below the data set, because loading a rule file (rules layer) must not
 * reach up into the checks that read it. */
#include <stdio.h>
#include <string.h>

#include "error_internal.h"
#include "rule_schema.h"

static const char *const p0[] = { NULL };
static const char *const p1[] = { "min:n", NULL };
static const char *const p2[] = { "total:n", NULL };
static const char *const p3[] = { "institution_zh:s", "institution_en:s", "certificate_zh:s", "certificate_en:s", "issuer_zh:s", "issuer_en:s", NULL };
static const char *const p4[] = { "max_transfers:n", NULL };
static const char *const p5[] = { "institution_zh:s", "institution_en:s", "regulation_zh:s", "regulation_en:s", "certificate_zh:s", "certificate_en:s", "issuer_zh:s", "issuer_en:s", NULL };
static const char *const p6[] = { "max_choices:n", "max_majors:n", NULL };
static const char *const p7[] = { "programmes:l", NULL };
static const char *const p8[] = { "text_zh:s", "text_en:s", NULL };
static const char *const p9[] = { "max_repeats:n", NULL };
static const char *const p10[] = { "windows:l", "windows_known:b", NULL };
static const char *const p11[] = { "max:n", NULL };

static const zj_rule_need schema[] = {
    { "gtpy", "gtpy.admission", "admission.qualification", p0 },
    { "gtpy", "gtpy.admission", "admission.hukou", p0 },
    { "gtpy", "gtpy.admission", "admission.min_score", p1 },
    { "gtpy", "gtpy.admission", "admission.score_scale", p2 },
    { "gtpy", "gtpy.exit", "exit.voluntary", p0 },
    { "gtpy", "gtpy.exit", "xueji.gaoben.zhongzhi", p3 },
    { "gtpy", "gtpy.exit", "xueji.gaoben.gaozhi", p3 },
    { "gtpy", "gtpy.exit", "xueji.zhongben.zhongzhi", p3 },
    { "gtpy", "gtpy.exit", "xueji.zhongben.gaozhi", p3 },
    { "gtpy", "gtpy.suspension", "suspension.resume", p0 },
    { "gtpy", "gtpy.transfer", "transfer.max", p4 },
    { "gtpy", "gtpy.transfer", "transfer.score", p0 },
    { "gtpy", "gtpy.transfer", "transfer.special_admission", p0 },
    { "gtpy", "gtpy.transfer", "transfer.procedure", p0 },
    { "gtpy", "gtpy.transfer", "admission.score_scale", p2 },
    { "gtpy", "gtpy.xueji", "xueji.gaoben.zhongzhi", p5 },
    { "gtpy", "gtpy.xueji", "xueji.gaoben.gaozhi", p5 },
    { "gtpy", "gtpy.xueji", "xueji.gaoben.benke", p5 },
    { "gtpy", "gtpy.xueji", "xueji.zhongben.zhongzhi", p5 },
    { "gtpy", "gtpy.xueji", "xueji.zhongben.gaozhi", p5 },
    { "gtpy", "gtpy.xueji", "xueji.zhongben.benke", p5 },
    { "gtpy", "gtpy.zhiyuan", "zhiyuan.advance", p6 },
    { "gtpy", "gtpy.zhiyuan", "zhiyuan.unified", p6 },
    { "gtpy", "gtpy.zhiyuan", "zhiyuan.plan", p7 },
    { "gtpy", "gtpy.zhuanduan", "zhuanduan.pass", p0 },
    { "gtpy", "gtpy.zhuanduan", "zhuanduan.mechanism.zhongzhi_gaozhi", p8 },
    { "gtpy", "gtpy.zhuanduan", "zhuanduan.mechanism.gaozhi_benke", p8 },
    { "gtpy", "gtpy.zhuanduan", "zhuanduan.repeat", p9 },
    { "pzhz", "pzhz.window", "window.zhongzhi_to_putong", p10 },
    { "pzhz", "pzhz.window", "window.putong_to_zhongzhi", p10 },
    { "3plus2", "3plus2.applications", "applications.max", p11 },
    { "3plus2", "3plus2.partner", "partner.meetings", p1 },
    { "3plus2", "3plus2.partner", "partner.research_activities", p1 },
    { "3plus2", "3plus2.partner", "partner.teachers_sent", p1 },
    { "3plus2", "3plus2.wuyi", "wuyi.gaoben_conflict", p0 },
};

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

static zj_code verify_need(const zj_ruleset *rs, const zj_rule_need *need, zj_error *err)
{
    const zj_rule *r = zj_ruleset_rule(rs, need->rule);
    size_t i;

    if (!r)
        return ZJ_FAIL(err, ZJ_ERR_PARSE, NULL,
                       ("键 rules.%s：缺少规则（检查 %s 需要）", need->rule, need->check),
                       ("key rules.%s: rule missing (needed by check %s)", need->rule, need->check));
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
            return ZJ_FAIL(err, ZJ_ERR_PARSE, NULL,
                           ("键 rules.%s.params.%s：缺少参数（检查 %s 需要）", need->rule, key, need->check),
                           ("key rules.%s.params.%s: parameter missing (needed by check %s)",
                            need->rule, key, need->check));
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

zj_code zj_ruleset_verify_schema(const zj_ruleset *rs, zj_error *err)
{
    size_t i;
    zj_code rc;

    for (i = 0; i < sizeof schema / sizeof schema[0]; i++) {
        if (strcmp(schema[i].programme, rs->info.programme) != 0)
            continue;
        if ((rc = verify_need(rs, &schema[i], err)))
            return rc;
    }
    return ZJ_OK;
}
