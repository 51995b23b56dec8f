/* gtpy_zhuanduan.c — what happens at 转段 (moving up a stage)?
 *
 * 京教职成〔2023〕6号 三(四)1–3: a student who passes the assessment after
 * completing a stage advances (中职→高职 under each institution's rules,
 * 高职→本科 as 专升本 under the commission's policy).  One who fails may,
 * meeting the repeat conditions, repeat in the school's next cohort in the
 * same or a similar major; without such a major, or failing again after
 * repeating once, the student graduates from the current school; one who
 * does not meet the repeat conditions is handled under the stage's
 * student-status rules. */
#include "check_internal.h"

enum { F_STAGE = 2, F_PASSED, F_REPEATED, F_MEETS, F_SIMILAR };

static const char *const stage_ids[] = { "zhongzhi_to_gaozhi", "gaozhi_to_benke", NULL };
static const char *const stage_zh[] = { "中职转高职", "高职转本科", NULL };

static const zj_field_info fields[] = {
    ZJ_FIELDS_JURISDICTION_YEAR,
    { "stage", "转段阶段", ZJ_FIELD_CHOICE, 1,
      "转段：中职转高职（zhongzhi_to_gaozhi）或高职转本科（gaozhi_to_benke）",
      "the stage transition: zhongzhi_to_gaozhi (中职 → 高职) or gaozhi_to_benke (高职 → 本科)",
      stage_ids, stage_zh },
    { "passed", "通过转段考核", ZJ_FIELD_BOOL, 1,
      "完成上一阶段学业后，经考核是否达到转段升学条件",
      "whether the student, having completed the stage, passed the assessment for moving up", NULL, NULL },
    { "repeated_before", "已留级", ZJ_FIELD_BOOL, 0,
      "此前是否已因未通过转段而留级过",
      "whether the student has already repeated once after failing a stage transition", NULL, NULL },
    { "meets_repeat_conditions", "符合留级条件", ZJ_FIELD_BOOL, 0,
      "是否符合所在学段学籍管理规定的留级条件",
      "whether the student meets the stage's conditions for repeating a year", NULL, NULL },
    { "similar_major_next_cohort", "下一届开设相同或相近专业", ZJ_FIELD_BOOL, 0,
      "本学校下一届是否开设相同或相近专业",
      "whether the school runs the same or a similar major in the next cohort", NULL, NULL },
};

static const char *const stage_en[] = { "中职 → 高职", "高职 → 本科" };

static void undetermined(zj__dbuild *b)
{
    zj__db_outcome(b, -1, "undetermined", "无法判定", "undetermined");
}

static void eval(const zj__check_ctx *ctx, zj__dbuild *b)
{
    int s = ZJ_ARG(ctx, F_STAGE)->choice;
    const zj__arg *passed = ZJ_ARG(ctx, F_PASSED), *rep = ZJ_ARG(ctx, F_REPEATED),
                 *meets = ZJ_ARG(ctx, F_MEETS), *sim = ZJ_ARG(ctx, F_SIMILAR);
    const zj__rule *pass = zj__rule_at(ctx->rules, ZJ_R_ZHUANDUAN_PASS);
    const zj__rule *mech = zj__rule_at(ctx->rules, s == 0 ? ZJ_R_ZHUANDUAN_MECH_ZHONGZHI_GAOZHI
                                                        : ZJ_R_ZHUANDUAN_MECH_GAOZHI_BENKE);
    const zj__rule *repeat = zj__rule_at(ctx->rules, ZJ_R_ZHUANDUAN_REPEAT);
    double max = zj__param_num(ctx->rules, ZJ_P_ZHUANDUAN_MAX_REPEATS);

    if (passed->boolean) {
        ZJ_REASON(b, "GTPY.ZHUANDUAN.PASSED", ZJ_MET, pass,
                  ("%s：经考核达到转段升学条件，可升入下一阶段学习", stage_zh[s]),
                  ("%s: the assessment was passed, so the student may move up to the next stage",
                   stage_en[s]));
        ZJ_REASON(b, "GTPY.ZHUANDUAN.MECHANISM", ZJ_MET, mech,
                  ("%s", zj__param_str(ctx->rules, s == 0 ? ZJ_P_ZHUANDUAN_MECH_ZHONGZHI_GAOZHI_TEXT_ZH
                                                           : ZJ_P_ZHUANDUAN_MECH_GAOZHI_BENKE_TEXT_ZH)),
                  ("%s", zj__param_str(ctx->rules, s == 0 ? ZJ_P_ZHUANDUAN_MECH_ZHONGZHI_GAOZHI_TEXT_EN
                                                           : ZJ_P_ZHUANDUAN_MECH_GAOZHI_BENKE_TEXT_EN)));
        zj__db_outcome(b, 1, "advance", "升入下一阶段", "advances to the next stage");
        return;
    }
    ZJ_REASON(b, "GTPY.ZHUANDUAN.PASSED", ZJ_UNMET, pass,
              ("%s：未达到转段升学条件，不能升入下一阶段", stage_zh[s]),
              ("%s: the assessment was not passed, so the student does not move up", stage_en[s]));
    if (!rep->present) {
        ZJ_REASON(b, "GTPY.ZHUANDUAN.MAX_REPEATS", ZJ_UNKNOWN, repeat,
                  ("未提供此前是否已留级（repeated_before）：留级 %g 次后仍未达到转段条件的应从当前学校毕业", max),
                  ("not stated whether the student has repeated before (repeated_before): after %g repeat(s) "
                   "a student who still fails graduates from the current school",
                   max));
        undetermined(b);
        return;
    }
    if (rep->boolean) {
        ZJ_REASON(b, "GTPY.ZHUANDUAN.MAX_REPEATS", ZJ_UNMET, repeat,
                  ("已留级（最多留级 %g 次）后仍未达到转段升学条件，应从当前所在学校毕业", max),
                  ("already repeated (at most %g repeat allowed) and still not passed: graduates from "
                   "the current school", max));
        zj__db_outcome(b, 0, "graduate_current_stage", "从当前所在学校毕业", "graduates from the current school");
        return;
    }
    ZJ_REASON(b, "GTPY.ZHUANDUAN.MAX_REPEATS", ZJ_MET, repeat,
              ("此前未留级（最多可留级 %g 次）", max),
              ("has not repeated before (at most %g repeat allowed)", max));
    if (!meets->present) {
        ZJ_REASON(b, "GTPY.ZHUANDUAN.REPEAT_CONDITIONS", ZJ_UNKNOWN, repeat,
                  ("未提供是否符合留级条件（meets_repeat_conditions）"),
                  ("not stated whether the student meets the conditions to repeat (meets_repeat_conditions)"));
        undetermined(b);
        return;
    }
    if (!meets->boolean) {
        ZJ_REASON(b, "GTPY.ZHUANDUAN.REPEAT_CONDITIONS", ZJ_UNMET, repeat,
                  ("不符合留级条件：由当前所在学校按照学生当前所在学段的学籍管理规定处理"),
                  ("does not meet the conditions to repeat: the current school handles the case under "
                   "the student-status rules of the current stage"));
        zj__db_outcome(b, 0, "handled_by_stage_rules", "由当前学校按所在学段学籍管理规定处理",
                      "handled by the current school under the stage's student-status rules");
        return;
    }
    ZJ_REASON(b, "GTPY.ZHUANDUAN.REPEAT_CONDITIONS", ZJ_MET, repeat,
              ("符合留级条件"),
              ("meets the conditions to repeat"));
    if (!sim->present) {
        ZJ_REASON(b, "GTPY.ZHUANDUAN.SIMILAR_MAJOR", ZJ_UNKNOWN, repeat,
                  ("未提供本学校下一届是否开设相同或相近专业（similar_major_next_cohort）"),
                  ("not stated whether the school runs the same or a similar major in the next cohort "
                   "(similar_major_next_cohort)"));
        undetermined(b);
        return;
    }
    if (!sim->boolean) {
        ZJ_REASON(b, "GTPY.ZHUANDUAN.SIMILAR_MAJOR", ZJ_UNMET, repeat,
                  ("本学校下一届未开设相同或相近专业：应从当前所在学校毕业"),
                  ("the school runs no same or similar major in the next cohort: graduates from the "
                   "current school"));
        zj__db_outcome(b, 0, "graduate_current_stage", "从当前所在学校毕业", "graduates from the current school");
        return;
    }
    ZJ_REASON(b, "GTPY.ZHUANDUAN.SIMILAR_MAJOR", ZJ_MET, repeat,
              ("可选择留级到本学校下一届开设相同或相近专业的班级学习"),
              ("may repeat in the class of the same or a similar major of the school's next cohort"));
    zj__db_outcome(b, 0, "repeat", "留级到下一届相同或相近专业",
                  "repeats in the same or a similar major of the next cohort");
}

const zj__check_def zj__check_gtpy_zhuanduan = {
    { "gtpy.zhuanduan", "gtpy", "贯通培养转段升学", "贯通 programme: moving up a stage (转段)",
      "判断贯通培养学生转段升学的结果：通过考核则升入下一阶段；未通过的，视是否已留级、是否符合留级条件、"
      "下一届是否开设相同或相近专业，留级、从当前学校毕业或按所在学段学籍管理规定处理。",
      "The result of a 贯通 student's stage transition: passing the assessment moves the student up; "
      "otherwise, depending on an earlier repeat, the repeat conditions and a same or similar major in the "
      "next cohort, the student repeats, graduates from the current school, or is handled under the "
      "stage's student-status rules.",
      sizeof fields / sizeof fields[0], fields },
    eval,
};
