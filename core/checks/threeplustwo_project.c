/* threeplustwo_project.c — may a "3+2" project be applied for, or keep its
 * qualification?
 *
 * New projects, 京教函〔2024〕51号 一(三): a 中职 school (技工学校 included)
 * applies jointly with an independently established (独立设置的) 高职
 * school.  Existing projects: every project must report its status data
 * every year (二(一), 二(三)); a project whose training progress or quality
 * has problems loses its qualification and stops enrolling from that year
 * (news page, April 2024, on the 2024 list). */
#include "check_internal.h"

enum { F_STAGE = 2, F_APPLICANT, F_PARTNER, F_REPORTED, F_PROBLEMS };

static const char *const stage_ids[] = { "new", "existing", NULL };
static const char *const stage_zh[] = { "新增申报", "已立项", NULL };
static const char *const applicant_ids[] = { "zhongzhi", "jigong", "other", NULL };
static const char *const applicant_zh[] = { "中职学校", "技工学校", "其他", NULL };

static const zj_field_info fields[] = {
    ZJ_FIELDS_JURISDICTION_YEAR,
    { "stage", "项目阶段", ZJ_FIELD_CHOICE, 1,
      "新增申报（new）或已立项项目（existing）", "a new application (new) or an existing project (existing)",
      stage_ids, stage_zh },
    { "applicant", "申报学校类型", ZJ_FIELD_CHOICE, 0,
      "新增申报的前段学校：中职学校（zhongzhi）、技工学校（jigong）或其他（other）",
      "the school applying for a new project: zhongzhi (a 中职 school), jigong (a 技工学校, technician school) or other",
      applicant_ids, applicant_zh },
    { "partner_independent_gaozhi", "合作方为独立设置的高职学校", ZJ_FIELD_BOOL, 0,
      "新增申报的合作学校是否为独立设置的高职学校",
      "whether the partner of a new application is an independently established 高职 school", NULL, NULL },
    { "status_data_reported", "已填报状态数据", ZJ_FIELD_BOOL, 0,
      "已立项项目是否已按时填报本年度人才培养状态数据",
      "whether the existing project has reported this year's status data on time", NULL, NULL },
    { "quality_problems", "人才培养存在问题", ZJ_FIELD_BOOL, 0,
      "市教委是否认定该已立项项目人才培养进展和质量存在问题",
      "whether the commission found problems in the existing project's progress or quality", NULL, NULL },
};

static void yes_no(zj__dbuild *b, const zj__arg *a, const char *code, const zj__rule *r, int good_when,
                   const char *field, const char *ok_zh, const char *ok_en, const char *bad_zh, const char *bad_en,
                   const char *what_zh, const char *what_en)
{
    if (!a->present)
        ZJ_REASON(b, code, ZJ_UNKNOWN, r, ("未提供%s（%s）", what_zh, field), ("%s is not given (%s)", what_en, field));
    else if (a->boolean == good_when)
        ZJ_REASON(b, code, ZJ_MET, r, ("%s", ok_zh), ("%s", ok_en));
    else
        ZJ_REASON(b, code, ZJ_UNMET, r, ("%s", bad_zh), ("%s", bad_en));
}

static void eval(const zj__check_ctx *ctx, zj__dbuild *b)
{
    const zj__ruleset *rs = ctx->rules;
    const zj__arg *ap = ZJ_ARG(ctx, F_APPLICANT);

    if (ZJ_ARG(ctx, F_STAGE)->choice == 0) {
        const zj__rule *r = zj__rule_at(rs, ZJ_R_PROJECT_APPLICANT);
        if (!ap->present)
            ZJ_REASON(b, "3PLUS2.PROJECT.APPLICANT", ZJ_UNKNOWN, r,
                      ("未提供申报学校类型（applicant）"), ("the applying school's kind (applicant) is not given"));
        else if (ap->choice < 2)
            ZJ_REASON(b, "3PLUS2.PROJECT.APPLICANT", ZJ_MET, r,
                      ("%s可以申报（中职学校含技工学校）", applicant_zh[ap->choice]),
                      ("%s may apply (技工学校, technician schools, count as 中职 schools)",
                       ap->choice == 0 ? "a 中职 school" : "a 技工学校"));
        else
            ZJ_REASON(b, "3PLUS2.PROJECT.APPLICANT", ZJ_UNMET, r,
                      ("申报学校须为中职学校（含技工学校）"),
                      ("the applying school must be a 中职 school (技工学校 included)"));
        yes_no(b, ZJ_ARG(ctx, F_PARTNER), "3PLUS2.PROJECT.PARTNER", zj__rule_at(rs, ZJ_R_PROJECT_PARTNER), 1,
               "partner_independent_gaozhi",
               "合作学校为独立设置的高职学校", "the partner is an independently established 高职 school",
               "合作学校须为独立设置的高职学校", "the partner must be an independently established 高职 school",
               "合作学校是否为独立设置的高职学校", "whether the partner is an independently established 高职 school");
        if (zj__db_count(b, ZJ_UNMET))
            zj__db_outcome(b, 0, "may_not_apply", "不能申报", "may not apply");
        else if (zj__db_count(b, ZJ_UNKNOWN))
            zj__db_outcome(b, -1, "undetermined", "无法判定", "undetermined");
        else
            zj__db_outcome(b, 1, "may_apply", "可以联合申报", "may apply jointly");
        return;
    }
    yes_no(b, ZJ_ARG(ctx, F_REPORTED), "3PLUS2.PROJECT.STATUS_DATA", zj__rule_at(rs, ZJ_R_PROJECT_STATUS_DATA), 1,
           "status_data_reported",
           "已按时填报本年度人才培养状态数据", "this year's status data is reported",
           "未填报：所有已立项项目每年均须按时填报人才培养状态数据",
           "not reported: every existing project must report its status data every year on time",
           "是否已填报本年度人才培养状态数据", "whether this year's status data is reported");
    yes_no(b, ZJ_ARG(ctx, F_PROBLEMS), "3PLUS2.PROJECT.QUALITY", zj__rule_at(rs, ZJ_R_PROJECT_REVOCATION), 0,
           "quality_problems",
           "未认定人才培养进展和质量存在问题", "no problems found in progress or quality",
           "人才培养进展和质量存在问题：撤销衔接办学资格，自当年起停止招生",
           "problems found in progress or quality: the qualification is revoked and enrolment stops from that year",
           "是否认定人才培养存在问题", "whether problems were found");
    if (ZJ_ARG(ctx, F_PROBLEMS)->present && ZJ_ARG(ctx, F_PROBLEMS)->boolean)
        zj__db_outcome(b, 0, "qualification_revoked", "撤销衔接办学资格，自当年起停止招生",
                      "qualification revoked, no enrolment from that year");
    else if (zj__db_count(b, ZJ_UNMET))
        zj__db_outcome(b, 0, "status_data_missing", "未按要求填报状态数据", "status data not reported");
    else if (zj__db_count(b, ZJ_UNKNOWN))
        zj__db_outcome(b, -1, "undetermined", "无法判定", "undetermined");
    else
        zj__db_outcome(b, 1, "in_good_standing", "符合要求", "in good standing");
}

const zj__check_def zj__check_3plus2_project = {
    { "3plus2.project", "3plus2", "“3+2”项目申报资格与已立项项目要求", "\"3+2\": who may apply, and what keeps a project",
      "新增申报：中职学校（含技工学校）联合独立设置的高职学校申报；已立项项目：每年均须填报人才培养状态数据，"
      "人才培养进展和质量存在问题的撤销衔接办学资格、自当年起停止招生。",
      "New applications: a 中职 school (技工学校 included) applies jointly with an independently established 高职 "
      "school.  Existing projects: status data every year; a project with problems in progress or quality loses "
      "its qualification and stops enrolling from that year.",
      sizeof fields / sizeof fields[0], fields },
    eval,
};
