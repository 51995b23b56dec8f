/* majors_setting.c — what follows for a 中职 major from its recent
 * enrolment and its new-major monitoring result?
 *
 * 京教职成〔2024〕4号 as restated in the quality report 6.2.4: a major with
 * no enrolment in each of the last three years (2021–2023 for the 2024
 * review) is revoked (予以撤销); a major that enrolled fewer than 10 in any
 * of those years files an enrolment rectification report; a new major with
 * many problems gets a 黄牌 (yellow card: enrolment reduced or suspended,
 * rectification within a deadline), and one still short after
 * rectification a 红牌 (red card: the major's licence is revoked).  The
 * numbers (3 years, 10 students) are parameters of the rules majors.*.
 *
 * Outcome: the gravest consequence that applies — revoke, reduce_or_suspend,
 * rectification_report — or no_action when every reason is met;
 * undetermined when something is not given and the consequence is not
 * already the gravest (the reasons still say what applies so far). */
#include "check_internal.h"

enum { F_E1 = 2, F_E2, F_E3, F_RESULT };

static const char *const result_ids[] = { "none", "pass", "yellow", "red", NULL };
static const char *const result_zh[] = { "未参加", "通过", "黄牌", "红牌", NULL };

static const zj_field_info fields[] = {
    ZJ_FIELDS_JURISDICTION_YEAR,
    { "enrolled_1", "近三年第一年招生数", ZJ_FIELD_INTEGER, 0,
      "近三年中第一年的招生人数（2024年清查：2021年）",
      "students enrolled in the first of the last three years (the 2024 review: 2021)", NULL, NULL },
    { "enrolled_2", "近三年第二年招生数", ZJ_FIELD_INTEGER, 0,
      "近三年中第二年的招生人数（2024年清查：2022年）",
      "students enrolled in the second of the last three years (the 2024 review: 2022)", NULL, NULL },
    { "enrolled_3", "近三年第三年招生数", ZJ_FIELD_INTEGER, 0,
      "近三年中第三年的招生人数（2024年清查：2023年）",
      "students enrolled in the third of the last three years (the 2024 review: 2023)", NULL, NULL },
    { "monitoring_result", "新增专业监测结果", ZJ_FIELD_CHOICE, 0,
      "近三年新增专业质量监测结果：未参加（none，非近三年新增专业）、通过（pass）、黄牌（yellow）、红牌（red）",
      "result of the new-major quality monitoring: none (not a major added in the last three years), "
      "pass, yellow (黄牌, yellow card) or red (红牌, red card)",
      result_ids, result_zh },
};

enum { ACT_NONE, ACT_REPORT, ACT_REDUCE, ACT_REVOKE };

static void eval(const zj__check_ctx *ctx, zj__dbuild *b)
{
    const zj__ruleset *rs = ctx->rules;
    const zj__rule *rnone = zj__rule_at(rs, ZJ_R_MAJORS_NO_ENROLMENT),
                  *rmin = zj__rule_at(rs, ZJ_R_MAJORS_ENROLMENT_MIN),
                  *rmon = zj__rule_at(rs, ZJ_R_MAJORS_MONITORING);
    double min = zj__param_num(rs, ZJ_P_MAJORS_ENROLMENT_MIN_MIN);
    const zj__arg *e[3] = { ZJ_ARG(ctx, F_E1), ZJ_ARG(ctx, F_E2), ZJ_ARG(ctx, F_E3) };
    const zj__arg *res = ZJ_ARG(ctx, F_RESULT);
    int i, known = 0, zeros = 0, below = 0, act = ACT_NONE;

    for (i = 0; i < 3; i++) {
        if (!e[i]->present)
            continue;
        if (e[i]->integer < 0) {
            ZJ_INPUT_ERROR(b, "INPUT.OUT_OF_RANGE",
                           ("近三年第 %d 年招生数 %ld 不能为负数", i + 1, e[i]->integer),
                           ("enrolled_%d %ld must not be negative", i + 1, e[i]->integer));
            return;
        }
        known++;
        zeros += e[i]->integer == 0;
        below += (double)e[i]->integer < min;
    }

    /* no enrolment in any of the three years: revoked */
    if (zeros == 3) {
        ZJ_REASON(b, "MAJORS.NO_ENROLMENT", ZJ_UNMET, rnone,
                  ("近三年连续未招生：予以撤销，列入拟撤销专业一览表"),
                  ("no enrolment in any of the last three years: the major is revoked (listed for revocation)"));
        act = ACT_REVOKE;
    } else if (!known)
        ZJ_REASON(b, "MAJORS.NO_ENROLMENT", ZJ_UNKNOWN, rnone,
                  ("未提供近三年招生数（enrolled_1、enrolled_2、enrolled_3）"),
                  ("the enrolment of the last three years is not given (enrolled_1, enrolled_2, enrolled_3)"));
    else if (known > zeros)
        ZJ_REASON(b, "MAJORS.NO_ENROLMENT", ZJ_MET, rnone,
                  ("近三年有招生，不属于连续未招生予以撤销的情形"),
                  ("the major enrolled students in the last three years: not revoked for lack of enrolment"));
    else
        ZJ_REASON(b, "MAJORS.NO_ENROLMENT", ZJ_UNKNOWN, rnone,
                  ("已知的 %d 年未招生，其余年份招生数未提供，无法判定是否近三年连续未招生", known),
                  ("no enrolment in the %d year(s) given; the other years are not given, so whether the "
                   "major enrolled no one in all three years is unknown", known));

    /* fewer than `min` in any year: rectification report */
    if (below && zeros < 3) {
        ZJ_REASON(b, "MAJORS.ENROLMENT_MIN", ZJ_UNMET, rmin,
                  ("近三年有 %d 年招生不足 %g 人：须提交专业招生整改报告", below, min),
                  ("fewer than %g students enrolled in %d of the last three years: an enrolment "
                   "rectification report is due", min, below));
        if (act < ACT_REPORT)
            act = ACT_REPORT;
    } else if (zeros < 3 && known == 3)
        ZJ_REASON(b, "MAJORS.ENROLMENT_MIN", ZJ_MET, rmin,
                  ("近三年每年招生均不少于 %g 人", min),
                  ("at least %g students enrolled in each of the last three years", min));
    else if (zeros < 3)
        ZJ_REASON(b, "MAJORS.ENROLMENT_MIN", ZJ_UNKNOWN, rmin,
                  ("近三年招生数未全部提供，无法判定是否有年份招生不足 %g 人", min),
                  ("not every year's enrolment is given: cannot tell whether any year had fewer than %g", min));

    if (!res->present)
        ZJ_REASON(b, "MAJORS.MONITORING", ZJ_UNKNOWN, rmon,
                  ("未提供新增专业质量监测结果（monitoring_result；非近三年新增专业填 none）"),
                  ("the new-major monitoring result is not given (monitoring_result; none for a major not "
                   "added in the last three years)"));
    else if (res->choice == 0)
        ZJ_REASON(b, "MAJORS.MONITORING", ZJ_MET, rmon,
                  ("非近三年新增专业，不参加新增专业质量监测"),
                  ("not a major added in the last three years: not subject to the new-major monitoring"));
    else if (res->choice == 1)
        ZJ_REASON(b, "MAJORS.MONITORING", ZJ_MET, rmon,
                  ("新增专业质量监测通过"), ("passed the new-major monitoring"));
    else if (res->choice == 2) {
        ZJ_REASON(b, "MAJORS.MONITORING", ZJ_UNMET, rmon,
                  ("新增专业质量监测为“黄牌”警告：调减或暂停招生，限期整改；整改后仍达不到要求的给予“红牌”退出"),
                  ("a yellow card (黄牌) in the new-major monitoring: enrolment is reduced or suspended and the "
                   "major must be rectified within a deadline; if it still falls short, a red card follows"));
        if (act < ACT_REDUCE)
            act = ACT_REDUCE;
    } else {
        ZJ_REASON(b, "MAJORS.MONITORING", ZJ_UNMET, rmon,
                  ("新增专业质量监测为“红牌”退出：撤销专业办学资格"),
                  ("a red card (红牌) in the new-major monitoring: the licence to run the major is revoked"));
        act = ACT_REVOKE;
    }

    /* an unknown reason could make the consequence graver, unless it is the gravest already */
    if (act != ACT_REVOKE && zj__db_count(b, ZJ_UNKNOWN))
        zj__db_outcome(b, -1, "undetermined", "无法判定", "undetermined");
    else if (act == ACT_REVOKE)
        zj__db_outcome(b, 0, "revoke", "撤销专业", "the major is revoked");
    else if (act == ACT_REDUCE)
        zj__db_outcome(b, 0, "reduce_or_suspend", "调减或暂停招生，限期整改",
                      "enrolment reduced or suspended, rectification within a deadline");
    else if (act == ACT_REPORT)
        zj__db_outcome(b, 0, "rectification_report", "提交专业招生整改报告",
                      "an enrolment rectification report is due");
    else
        zj__db_outcome(b, 1, "no_action", "无须撤销或整改", "neither revocation nor rectification");
}

const zj__check_def zj__check_majors_setting = {
    { "majors.setting", "majors", "中职专业设置清查与新增专业监测", "中职 majors: review of enrolment and new-major monitoring",
      "依京教职成〔2024〕4号（质量年报6.2.4转述）判断一个专业的后果：近三年连续未招生的予以撤销；近三年有招生不足10人的"
      "须提交专业招生整改报告；新增专业监测“黄牌”的调减或暂停招生、限期整改，“红牌”的撤销专业办学资格。",
      "What follows for a major under 京教职成〔2024〕4号 (as the quality report 6.2.4 restates it): no enrolment in "
      "the last three years means revocation; fewer than 10 enrolled in any of them, an enrolment rectification "
      "report; a yellow card in the new-major monitoring, reduced or suspended enrolment and rectification; a red "
      "card, revocation of the licence to run the major.",
      sizeof fields / sizeof fields[0], fields },
    eval,
};
