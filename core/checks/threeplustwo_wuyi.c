/* threeplustwo_wuyi.c — may a 高职 school recruit 五年一贯制 in a major that
 * has 高本贯通?
 *
 * 京教函〔2024〕51号 三(一): "高职学校有高本贯通的专业原则上不得再做五年一贯制
 * 招生".  原则上 (in principle): the conflict is reported as not allowed in
 * principle, and the message says the notice allows exceptions without
 * saying when. */
#include "check_internal.h"

enum { F_GAOBEN = 2, F_WUYI };

static const zj_field_info fields[] = {
    ZJ_FIELDS_JURISDICTION_YEAR,
    { "gaozhi_has_gaoben_in_major", "该专业有高本贯通", ZJ_FIELD_BOOL, 0,
      "高职学校的该专业是否承担高本贯通培养",
      "whether the 高职 school runs 高本贯通 (高职–本科 integrated) in this major", NULL, NULL },
    { "plans_wuyi_in_major", "拟招五年一贯制", ZJ_FIELD_BOOL, 0,
      "高职学校是否拟在该专业做五年一贯制招生",
      "whether the 高职 school plans to recruit five-year integrated (五年一贯制) students in this major",
      NULL, NULL },
};

static void eval(const zj__check_ctx *ctx, zj__dbuild *b)
{
    const zj__rule *r = zj__rule_at(ctx->rules, ZJ_R_WUYI_GAOBEN_CONFLICT);
    const zj__arg *g = ZJ_ARG(ctx, F_GAOBEN), *w = ZJ_ARG(ctx, F_WUYI);
    const char *code = "3PLUS2.WUYI.GAOBEN_CONFLICT";

    if (g->present && !g->boolean)
        ZJ_REASON(b, code, ZJ_MET, r,
                  ("该专业没有高本贯通，做五年一贯制招生不受此限制"),
                  ("the major does not run 高本贯通, so five-year integrated recruitment is not restricted"));
    else if (w->present && !w->boolean)
        ZJ_REASON(b, code, ZJ_MET, r,
                  ("不在该专业做五年一贯制招生，不涉及此限制"),
                  ("no five-year integrated (五年一贯制) recruitment is planned in the major: no conflict"));
    else if (g->present && w->present)
        ZJ_REASON(b, code, ZJ_UNMET, r,
                  ("该专业有高本贯通，又拟做五年一贯制招生：有高本贯通的专业原则上不得再做五年一贯制招生"
                   "（“原则上”：通知允许例外，但未说明例外的条件）"),
                  ("the major runs 高本贯通 and plans five-year integrated recruitment: a major with "
                   "高本贯通 should in principle (原则上) not also recruit five-year integrated students; the notice allows "
                   "exceptions without saying when"));
    else if (!g->present && !w->present)
        ZJ_REASON(b, code, ZJ_UNKNOWN, r,
                  ("未提供该专业是否有高本贯通（gaozhi_has_gaoben_in_major）及是否拟做五年一贯制招生（plans_wuyi_in_major）"),
                  ("not stated whether the major runs 高本贯通 (gaozhi_has_gaoben_in_major) nor whether "
                   "five-year integrated (五年一贯制) recruitment is planned (plans_wuyi_in_major)"));
    else if (!g->present)
        ZJ_REASON(b, code, ZJ_UNKNOWN, r,
                  ("拟做五年一贯制招生，但未提供该专业是否有高本贯通（gaozhi_has_gaoben_in_major）"),
                  ("five-year integrated (五年一贯制) recruitment is planned but it is not stated whether the major "
                   "runs 高本贯通 "
                   "(gaozhi_has_gaoben_in_major)"));
    else
        ZJ_REASON(b, code, ZJ_UNKNOWN, r,
                  ("该专业有高本贯通，但未提供是否拟做五年一贯制招生（plans_wuyi_in_major）"),
                  ("the major runs 高本贯通 but it is not stated whether five-year integrated (五年一贯制) "
                   "recruitment is planned "
                   "(plans_wuyi_in_major)"));
    zj__db_conclude(b, "no_conflict", "无冲突", "no conflict",
                   "conflict", "原则上不得再做五年一贯制招生", "in principle not allowed: the major has 高本贯通");
}

const zj__check_def zj__check_3plus2_wuyi = {
    { "3plus2.wuyi", "3plus2", "高本贯通专业的五年一贯制招生", "\"3+2\": 五年一贯制 recruitment in a 高本贯通 major",
      "判断高职学校是否拟在有高本贯通的专业再做五年一贯制招生（原则上不得）。",
      "Whether a 高职 school plans five-year integrated (五年一贯制) recruitment in a major that "
      "already runs 高本贯通, which the notice disallows in principle.",
      sizeof fields / sizeof fields[0], fields },
    eval,
};
