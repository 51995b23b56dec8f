/* majors_teaching_quality.c — what follows from a school's teaching-quality
 * monitoring result?
 *
 * 京教职成〔2024〕12号 as restated in the quality report 6.2.7 and 6.4.1:
 * from 2024 the commission monitors each school every year through one
 * 专业群 (or one major where the school has no group), chosen by the
 * commission (6.4.1: at random); a school and major rated “C-” must rectify
 * within a deadline and is followed up.  The report gives no consequence for
 * the other grades, and no deadline: the messages say so. */
#include "check_internal.h"

enum { F_GROUPS = 2, F_GRADE };

static const char *const grade_ids[] = { "A+", "A", "A-", "B+", "B", "B-", "C+", "C", "C-", NULL };

static const zj_field_info fields[] = {
    ZJ_FIELDS_JURISDICTION_YEAR,
    { "groups_monitored", "本年度监测专业群数", ZJ_FIELD_INTEGER, 0,
      "本年度该校接受教学质量管理监测评价的专业群（或专业）个数",
      "number of the school's 专业群 (major groups) or majors monitored this year", NULL, NULL },
    { "grade", "监测结果", ZJ_FIELD_CHOICE, 0,
      "教学质量管理监测评价结果：A+、A、A-、B+、B、B-、C+、C、C-",
      "result of the teaching-quality monitoring: A+, A, A-, B+, B, B-, C+, C or C-",
      grade_ids, grade_ids },
};

static void eval(const zj__check_ctx *ctx, zj__dbuild *b)
{
    const zj__ruleset *rs = ctx->rules;
    const zj__rule *rper = zj__rule_at(rs, ZJ_R_MAJORS_GROUPS_PER_YEAR), *rc = zj__rule_at(rs, ZJ_R_MAJORS_C_MINUS);
    double per = zj__param_num(rs, ZJ_P_MAJORS_GROUPS_PER_YEAR_MAX);
    const zj__arg *n = ZJ_ARG(ctx, F_GROUPS), *g = ZJ_ARG(ctx, F_GRADE);
    int rectify = 0;

    if (n->present && n->integer < 0) {
        ZJ_INPUT_ERROR(b, "INPUT.OUT_OF_RANGE",
                       ("本年度监测专业群数 %ld 不能为负数", n->integer),
                       ("groups_monitored %ld must not be negative", n->integer));
        return;
    }
    if (!n->present)
        ZJ_REASON(b, "MAJORS.GROUPS_PER_YEAR", ZJ_UNKNOWN, rper,
                  ("未提供本年度监测专业群数（groups_monitored）：每年选取每校 %g 个专业群", per),
                  ("groups_monitored is not given: %g 专业群 per school is chosen each year", per));
    else if ((double)n->integer <= per)
        ZJ_REASON(b, "MAJORS.GROUPS_PER_YEAR", ZJ_MET, rper,
                  ("本年度监测 %ld 个专业群，未超过每年每校 %g 个", n->integer, per),
                  ("%ld 专业群 monitored this year, within %g per school per year", n->integer, per));
    else
        ZJ_REASON(b, "MAJORS.GROUPS_PER_YEAR", ZJ_UNMET, rper,
                  ("本年度监测 %ld 个专业群：每年只选取每校 %g 个专业群（无专业群的选取专业）", n->integer, per),
                  ("%ld 专业群 monitored this year: only %g per school is chosen each year (a major where "
                   "the school has no group)", n->integer, per));

    if (!g->present)
        ZJ_REASON(b, "MAJORS.C_MINUS", ZJ_UNKNOWN, rc,
                  ("未提供监测结果（grade）"), ("the monitoring result (grade) is not given"));
    else if (g->choice == 8) {
        ZJ_REASON(b, "MAJORS.C_MINUS", ZJ_UNMET, rc,
                  ("监测结果为 C-：学校和专业须限期整改，市教委持续跟踪整改成效（报告未载整改期限）"),
                  ("rated C-: the school and major must rectify within a deadline and the commission follows "
                   "up (the report gives no deadline)"));
        rectify = 1;
    } else
        ZJ_REASON(b, "MAJORS.C_MINUS", ZJ_MET, rc,
                  ("监测结果为 %s，不是 C-：报告未规定其他等次的后果", grade_ids[g->choice]),
                  ("rated %s, not C-: the report states no consequence for the other grades",
                   grade_ids[g->choice]));

    if (rectify)
        zj__db_outcome(b, 0, "rectify", "限期整改", "rectification within a deadline");
    else if (zj__db_count(b, ZJ_UNMET))
        zj__db_outcome(b, 0, "not_as_described", "与每年每校一个专业群的规定不符",
                      "not as the rules describe (one group per school per year)");
    else if (zj__db_count(b, ZJ_UNKNOWN))
        zj__db_outcome(b, -1, "undetermined", "无法判定", "undetermined");
    else
        zj__db_outcome(b, 1, "no_action", "无须整改", "no rectification");
}

const zj__check_def zj__check_majors_teaching_quality = {
    { "majors.teaching_quality", "majors", "教学质量管理监测评价", "teaching-quality monitoring of a school",
      "依京教职成〔2024〕12号（质量年报6.2.7、6.4.1转述）：每年选取每校1个专业群（无专业群的选取专业）监测评价，"
      "结果为C-的学校和专业限期整改。",
      "Under 京教职成〔2024〕12号 (as the quality report 6.2.7 and 6.4.1 restate it): one 专业群 (major group) "
      "per school is monitored each year, and a school and major rated C- must rectify within a deadline.",
      sizeof fields / sizeof fields[0], fields },
    eval,
};
