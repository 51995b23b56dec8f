/* gtpy_transfer.c — may a 贯通 student change major or school?
 *
 * 京教职成〔2023〕6号 三(三)5 (repeated by the 2024 news): one chance to
 * change major or school; the student applies, both schools consent and the
 * authority approves; the student's 中考 score must be higher than (高于,
 * strictly) the admission score of the target school's major that year;
 * students admitted by a special form, where a national rule or a prior
 * agreement bars it, may not change major; and the student must meet the
 * conditions of the 学籍 rules (《中职学校学生学籍管理办法》 and
 * 《普通高等学校学生管理规定》, rule transfer.xueji_conditions).  Scores are
 * on the year's 中考 scale (rule admission.score_scale); a score above it is
 * an input error.
 *
 * What is asked (`change`: major, school, or both) matters only for the
 * special-admission bar: the text bars a change of major (不得转专业) and is
 * silent on a change of school, so a specially admitted student changing
 * school alone is undetermined, with a reason saying the text is silent —
 * the check does not extend the bar.
 *
 * Outcome: eligible when everything holds; eligible_pending_procedure when
 * the substantive conditions hold and only procedure steps are not stated;
 * ineligible when anything fails; undetermined otherwise. */
#include "check_internal.h"

enum { F_CHANGE = 2, F_USED, F_SCORE, F_TARGET, F_SPECIAL, F_XUEJI, F_APPLIED, F_OUT_OK, F_IN_OK,
       F_APPROVED };

enum { CHANGE_MAJOR, CHANGE_SCHOOL, CHANGE_BOTH };
static const char *const change_ids[] = { "major", "school", "both", NULL };
static const char *const change_zh[] = { "转专业", "转学", "转学并转专业", NULL };

static const zj_field_info fields[] = {
    ZJ_FIELDS_JURISDICTION_YEAR,
    { "change", "转专业或转学", ZJ_FIELD_CHOICE, 0,
      "所申请的变动：转专业（major）、转学（school）或转学并转专业（both）",
      "what is asked: major (转专业, another major), school (转学, another school) or both",
      change_ids, change_zh },
    { "transfers_used", "已转专业转学次数", ZJ_FIELD_INTEGER, 0,
      "在贯通培养期间已经转专业或转学的次数", "times the student has already changed major or school in 贯通",
      NULL, NULL },
    { "score", "中考成绩", ZJ_FIELD_NUMBER, 0,
      "学生本人的中考成绩（中招录取总分，按入学当年中考总分计）",
      "the student's own 中考 score, on the scale of the year of admission", NULL, NULL },
    { "target_admission_score", "拟转入专业录取成绩", ZJ_FIELD_NUMBER, 0,
      "拟转入学校相关专业该年份的录取成绩", "the admission score of the target school's major in that year",
      NULL, NULL },
    { "special_admission_agreement", "特殊招生不得转专业", ZJ_FIELD_BOOL, 0,
      "是否以特殊招生形式录取，且国家有相关规定或录取前与学校有明确约定不得转专业",
      "whether the student was admitted by a special form with a national rule or a prior agreement "
      "barring a change of major", NULL, NULL },
    { "xueji_conditions_met", "符合学籍管理相关条件", ZJ_FIELD_BOOL, 0,
      "是否符合《中职学校学生学籍管理办法》和《普通高等学校学生管理规定》规定的转专业、转学相关条件",
      "whether the student meets the conditions for a change set by the student-status rules "
      "(中等职业学校学生学籍管理办法 and 普通高等学校学生管理规定)", NULL, NULL },
    { "applied", "学生申请", ZJ_FIELD_BOOL, 0,
      "学生是否已提出申请", "whether the student has applied", NULL, NULL },
    { "out_school_consents", "转出学校同意", ZJ_FIELD_BOOL, 0,
      "转出学校是否同意", "whether the school the student leaves consents", NULL, NULL },
    { "in_school_consents", "转入学校同意", ZJ_FIELD_BOOL, 0,
      "转入学校是否同意", "whether the receiving school consents", NULL, NULL },
    { "authority_approved", "相关部门审核通过", ZJ_FIELD_BOOL, 0,
      "相关部门是否已审核通过", "whether the competent authority has approved", NULL, NULL },
};

static int out_of_scale(zj__dbuild *b, const zj__arg *a, const char *what_zh, const char *what_en,
                        int year, double total)
{
    if (!a->present || (a->number >= 0 && a->number <= total))
        return 0;
    ZJ_INPUT_ERROR(b, "INPUT.OUT_OF_RANGE",
                   ("%s %.15g 超出 %d 年中考总分范围（0–%g 分）", what_zh, a->number, year, total),
                   ("%s %.15g is outside the %d 中考 scale (0–%g points)",
                    what_en, a->number, year, total));
    return 1;
}

static void step(zj__dbuild *b, const zj__arg *a, const char *code, const zj__rule *r,
                 const char *field, const char *zh, const char *en)
{
    if (!a->present)
        ZJ_REASON(b, code, ZJ_UNKNOWN, r,
                  ("未提供是否%s（%s）", zh, field),
                  ("not stated whether %s (%s)", en, field));
    else if (a->boolean)
        ZJ_REASON(b, code, ZJ_MET, r,
                  ("已%s", zh),
                  ("done: %s", en));
    else
        ZJ_REASON(b, code, ZJ_UNMET, r,
                  ("未%s：转专业或转学须经学生申请、转入转出学校同意和相关部门审核", zh),
                  ("not done: %s; a change needs the student's application, both schools' consent "
                   "and the authority's approval", en));
}

static void eval(const zj__check_ctx *ctx, zj__dbuild *b)
{
    const zj__rule *rmax = zj__rule_at(ctx->rules, ZJ_R_TRANSFER_MAX);
    const zj__rule *rscore = zj__rule_at(ctx->rules, ZJ_R_TRANSFER_SCORE);
    const zj__rule *rspecial = zj__rule_at(ctx->rules, ZJ_R_TRANSFER_SPECIAL_ADMISSION);
    const zj__rule *rproc = zj__rule_at(ctx->rules, ZJ_R_TRANSFER_PROCEDURE);
    const zj__rule *rxueji = zj__rule_at(ctx->rules, ZJ_R_TRANSFER_XUEJI_CONDITIONS);
    const zj__arg *change = ZJ_ARG(ctx, F_CHANGE), *xueji = ZJ_ARG(ctx, F_XUEJI);
    const zj__arg *used = ZJ_ARG(ctx, F_USED), *score = ZJ_ARG(ctx, F_SCORE),
                 *target = ZJ_ARG(ctx, F_TARGET), *special = ZJ_ARG(ctx, F_SPECIAL);
    double max = zj__param_num(ctx->rules, ZJ_P_TRANSFER_MAX_TRANSFERS);
    double total = zj__param_num(ctx->rules, ZJ_P_ADMISSION_TOTAL);
    int year = ctx->rules->info.year;
    int bad = 0;
    size_t unknown_before;

    if (used->present && used->integer < 0) {
        ZJ_INPUT_ERROR(b, "INPUT.OUT_OF_RANGE",
                       ("已转专业转学次数 %ld 不能为负数", used->integer),
                       ("transfers_used %ld must not be negative", used->integer));
        bad = 1;
    }
    bad |= out_of_scale(b, score, "中考成绩", "score", year, total);
    bad |= out_of_scale(b, target, "拟转入专业录取成绩", "target_admission_score", year, total);
    if (bad)
        return;

    /* substantive conditions */
    if (!used->present)
        ZJ_REASON(b, "GTPY.TRANSFER.COUNT", ZJ_UNKNOWN, rmax,
                  ("未提供已转专业或转学的次数（transfers_used）：贯通培养学生可有 %g 次机会", max),
                  ("times already transferred not given (transfers_used): 贯通 students have %g chance(s)",
                   max));
    else if ((double)used->integer < max)
        ZJ_REASON(b, "GTPY.TRANSFER.COUNT", ZJ_MET, rmax,
                  ("已转 %ld 次，少于可转专业或转学的 %g 次机会", used->integer, max),
                  ("transferred %ld time(s), fewer than the %g chance(s) allowed",
                   used->integer, max));
    else
        ZJ_REASON(b, "GTPY.TRANSFER.COUNT", ZJ_UNMET, rmax,
                  ("已转 %ld 次，已用完可转专业或转学的 %g 次机会", used->integer, max),
                  ("transferred %ld time(s): the %g chance(s) allowed are used up",
                   used->integer, max));

    if (!score->present && !target->present)
        ZJ_REASON(b, "GTPY.TRANSFER.SCORE", ZJ_UNKNOWN, rscore,
                  ("未提供中考成绩（score）和拟转入专业录取成绩（target_admission_score）"),
                  ("neither the student's 中考 score (score) nor the target major's admission score "
                   "(target_admission_score) is given"));
    else if (!score->present)
        ZJ_REASON(b, "GTPY.TRANSFER.SCORE", ZJ_UNKNOWN, rscore,
                  ("未提供中考成绩（score），无法判定是否高于拟转入专业录取成绩 %g 分", target->number),
                  ("the student's 中考 score (score) is not given: cannot tell whether it is above the "
                   "target major's admission score of %g", target->number));
    else if (!target->present)
        ZJ_REASON(b, "GTPY.TRANSFER.SCORE", ZJ_UNKNOWN, rscore,
                  ("未提供拟转入专业录取成绩（target_admission_score），无法判定中考成绩 %g 分是否高于它", score->number),
                  ("the target major's admission score (target_admission_score) is not given: cannot tell "
                   "whether the score of %g is above it", score->number));
    else if (score->number > target->number)
        ZJ_REASON(b, "GTPY.TRANSFER.SCORE", ZJ_MET, rscore,
                  ("中考成绩 %g 分，高于拟转入专业当年录取成绩 %g 分（%d 年中考总分 %g 分）",
                   score->number, target->number, year, total),
                  ("中考 score %g is above the target major's admission score of %g (%d scale: %g points)",
                   score->number, target->number, year, total));
    else if (score->number == target->number)
        ZJ_REASON(b, "GTPY.TRANSFER.SCORE", ZJ_UNMET, rscore,
                  ("中考成绩 %g 分，等于拟转入专业当年录取成绩 %g 分：须“高于”，相等不够（%d 年中考总分 %g 分）",
                   score->number, target->number, year, total),
                  ("中考 score %g equals the target major's admission score of %g: it must be higher, "
                   "equal is not enough (%d scale: %g points)",
                   score->number, target->number, year, total));
    else
        ZJ_REASON(b, "GTPY.TRANSFER.SCORE", ZJ_UNMET, rscore,
                  ("中考成绩 %g 分，低于拟转入专业当年录取成绩 %g 分（%d 年中考总分 %g 分）",
                   score->number, target->number, year, total),
                  ("中考 score %g is below the target major's admission score of %g (%d scale: %g points)",
                   score->number, target->number, year, total));

    if (!special->present)
        ZJ_REASON(b, "GTPY.TRANSFER.SPECIAL_ADMISSION", ZJ_UNKNOWN, rspecial,
                  ("未提供是否以特殊招生形式录取且有不得转专业的规定或约定（special_admission_agreement）"),
                  ("not stated whether the student was admitted by a special form barring a change of "
                   "major (special_admission_agreement)"));
    else if (!special->boolean)
        ZJ_REASON(b, "GTPY.TRANSFER.SPECIAL_ADMISSION", ZJ_MET, rspecial,
                  ("不属于以特殊招生形式录取且约定不得转专业的情形"),
                  ("not admitted by a special form that bars a change of major"));
    else if (!change->present)
        ZJ_REASON(b, "GTPY.TRANSFER.SPECIAL_ADMISSION", ZJ_UNKNOWN, rspecial,
                  ("以特殊招生形式录取且有规定或约定：不得转专业；未提供申请的是转专业还是转学（change），无法判定"),
                  ("admitted by a special form with a national rule or a prior agreement, which bars a change "
                   "of major; whether a change of major or of school is asked (change) is not given"));
    else if (change->choice == CHANGE_SCHOOL)
        ZJ_REASON(b, "GTPY.TRANSFER.SPECIAL_ADMISSION", ZJ_UNKNOWN, rspecial,
                  ("以特殊招生形式录取且有规定或约定：原文只规定不得转专业，对不转专业的转学未作规定，无法判定"),
                  ("admitted by a special form with a national rule or a prior agreement: the text bars a "
                   "change of major only and is silent on a change of school that keeps the major, so this "
                   "cannot be decided"));
    else
        ZJ_REASON(b, "GTPY.TRANSFER.SPECIAL_ADMISSION", ZJ_UNMET, rspecial,
                  ("以特殊招生形式录取，国家有相关规定或录取前与学校有明确约定：不得转专业（申请%s）",
                   change_zh[change->choice]),
                  ("admitted by a special form with a national rule or a prior agreement: may not change "
                   "major (asked: %s)", change->choice == CHANGE_MAJOR ? "a change of major"
                                                                         : "a change of school and major"));

    if (!xueji->present)
        ZJ_REASON(b, "GTPY.TRANSFER.XUEJI_CONDITIONS", ZJ_UNKNOWN, rxueji,
                  ("未提供是否符合学籍管理规定的相关条件（xueji_conditions_met）"),
                  ("not stated whether the student meets the conditions of the student-status rules "
                   "(xueji_conditions_met)"));
    else if (xueji->boolean)
        ZJ_REASON(b, "GTPY.TRANSFER.XUEJI_CONDITIONS", ZJ_MET, rxueji,
                  ("符合《中职学校学生学籍管理办法》和《普通高等学校学生管理规定》相关条件和规定"),
                  ("meets the conditions of the student-status rules (中等职业学校学生学籍管理办法 and "
                   "普通高等学校学生管理规定)"));
    else
        ZJ_REASON(b, "GTPY.TRANSFER.XUEJI_CONDITIONS", ZJ_UNMET, rxueji,
                  ("不符合《中职学校学生学籍管理办法》和《普通高等学校学生管理规定》相关条件和规定"),
                  ("does not meet the conditions of the student-status rules (中等职业学校学生学籍管理办法 and "
                   "普通高等学校学生管理规定)"));

    unknown_before = zj__db_count(b, ZJ_UNKNOWN);

    /* procedure */
    step(b, ZJ_ARG(ctx, F_APPLIED), "GTPY.TRANSFER.APPLIED", rproc, "applied", "经学生申请", "the student has applied");
    step(b, ZJ_ARG(ctx, F_OUT_OK), "GTPY.TRANSFER.OUT_SCHOOL_CONSENT", rproc, "out_school_consents", "经转出学校同意",
         "the school the student leaves has consented");
    step(b, ZJ_ARG(ctx, F_IN_OK), "GTPY.TRANSFER.IN_SCHOOL_CONSENT", rproc, "in_school_consents", "经转入学校同意",
         "the receiving school has consented");
    step(b, ZJ_ARG(ctx, F_APPROVED), "GTPY.TRANSFER.APPROVAL", rproc, "authority_approved", "经相关部门审核通过",
         "the competent authority has approved");

    if (zj__db_count(b, ZJ_UNMET))
        zj__db_outcome(b, 0, "ineligible", "不能转专业或转学", "may not change major or school");
    else if (unknown_before)
        zj__db_outcome(b, -1, "undetermined", "无法判定", "undetermined");
    else if (zj__db_count(b, ZJ_UNKNOWN))
        zj__db_outcome(b, -1, "eligible_pending_procedure", "符合转专业或转学条件，待完成申请、同意和审核程序",
                      "meets the conditions; the application, consents and approval are pending");
    else
        zj__db_outcome(b, 1, "eligible", "可以转专业或转学", "may change major or school");
}

const zj__check_def zj__check_gtpy_transfer = {
    { "gtpy.transfer", "gtpy", "贯通培养转专业或转学", "贯通 programme: changing major or school",
      "判断贯通培养学生能否转专业或转学：仅有1次机会，中考成绩须高于拟转入学校相关专业当年录取成绩，"
      "特殊招生形式录取且有规定或约定的不得转专业（对转学原文未作规定），须符合学籍管理规定的相关条件，并须经学生申请、转入转出学校同意和相关部门审核。",
      "Whether a 贯通 student may change major or school: one chance only, a 中考 score higher than the "
      "target major's admission score that year, no special-admission bar on a change of major (the text is "
      "silent on a change of school), the student-status rules' conditions, and the student's application, "
      "both schools' consent and the authority's approval.",
      sizeof fields / sizeof fields[0], fields },
    eval,
};
