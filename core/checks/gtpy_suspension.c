/* gtpy_suspension.c — what happens when a suspended 贯通 student resumes?
 *
 * 京教职成〔2023〕6号 三(四)4: suspension for personal reasons follows the
 * stage's student-status rules; a student who meets the conditions to
 * resume may join the same or a similar major of the school's next 贯通
 * cohort; if the school no longer runs 贯通 in the next cohort, the 贯通
 * status is not kept.  The notice does not say what happens when the school
 * runs 贯通 next year but no same or similar major: that case is reported
 * as undetermined. */
#include "check_internal.h"

enum { F_RESUME = 2, F_GTPY_NEXT, F_SIMILAR };

static const zj_field_info fields[] = {
    ZJ_FIELDS_JURISDICTION_YEAR,
    { "meets_resume_conditions", "符合复学条件", ZJ_FIELD_BOOL, 0,
      "休学学生是否符合所在学段学籍管理规定的复学条件",
      "whether the suspended student meets the stage's conditions for resuming studies", NULL, NULL },
    { "school_runs_gtpy_next_cohort", "下一届承担贯通培养", ZJ_FIELD_BOOL, 0,
      "学校下一届是否仍承担贯通培养任务",
      "whether the school still runs 贯通 in the next cohort", NULL, NULL },
    { "similar_major_next_cohort", "下一届开设相同或相近专业", ZJ_FIELD_BOOL, 0,
      "学校贯通培养下一届是否开设相同或相近专业",
      "whether the school's next 贯通 cohort has the same or a similar major", NULL, NULL },
};

static void eval(const zj__check_ctx *ctx, zj__dbuild *b)
{
    const zj__rule *r = zj__rule_at(ctx->rules, ZJ_R_SUSPENSION_RESUME);
    const zj__arg *res = ZJ_ARG(ctx, F_RESUME), *next = ZJ_ARG(ctx, F_GTPY_NEXT),
                 *sim = ZJ_ARG(ctx, F_SIMILAR);

    if (!res->present) {
        ZJ_REASON(b, "GTPY.SUSPENSION.RESUME_CONDITIONS", ZJ_UNKNOWN, r,
                  ("未提供是否符合复学条件（meets_resume_conditions）"),
                  ("not stated whether the student meets the conditions to resume (meets_resume_conditions)"));
        zj__db_outcome(b, -1, "undetermined", "无法判定", "undetermined");
        return;
    }
    if (!res->boolean) {
        ZJ_REASON(b, "GTPY.SUSPENSION.RESUME_CONDITIONS", ZJ_UNMET, r,
                  ("不符合复学条件：按所在学段学籍管理规定处理"),
                  ("does not meet the conditions to resume: handled under the stage's student-status rules"));
        zj__db_outcome(b, 0, "handled_by_stage_rules", "按所在学段学籍管理规定处理",
                      "handled under the stage's student-status rules");
        return;
    }
    ZJ_REASON(b, "GTPY.SUSPENSION.RESUME_CONDITIONS", ZJ_MET, r,
              ("符合复学条件"),
              ("meets the conditions to resume"));
    if (!next->present) {
        ZJ_REASON(b, "GTPY.SUSPENSION.GTPY_NEXT_COHORT", ZJ_UNKNOWN, r,
                  ("未提供学校下一届是否承担贯通培养任务（school_runs_gtpy_next_cohort）"),
                  ("not stated whether the school runs 贯通 in the next cohort (school_runs_gtpy_next_cohort)"));
        zj__db_outcome(b, -1, "undetermined", "无法判定", "undetermined");
        return;
    }
    if (!next->boolean) {
        ZJ_REASON(b, "GTPY.SUSPENSION.GTPY_NEXT_COHORT", ZJ_UNMET, r,
                  ("学校下一届不再承担贯通培养任务：不再保留贯通培养资格"),
                  ("the school no longer runs 贯通 in the next cohort: the 贯通 status is not kept"));
        zj__db_outcome(b, 0, "lose_gtpy_status", "不再保留贯通培养资格", "贯通 status not kept");
        return;
    }
    ZJ_REASON(b, "GTPY.SUSPENSION.GTPY_NEXT_COHORT", ZJ_MET, r,
              ("学校下一届仍承担贯通培养任务"),
              ("the school runs 贯通 in the next cohort"));
    if (!sim->present) {
        ZJ_REASON(b, "GTPY.SUSPENSION.SIMILAR_MAJOR", ZJ_UNKNOWN, r,
                  ("未提供下一届是否开设相同或相近专业（similar_major_next_cohort）"),
                  ("not stated whether the next cohort has the same or a similar major (similar_major_next_cohort)"));
        zj__db_outcome(b, -1, "undetermined", "无法判定", "undetermined");
        return;
    }
    if (!sim->boolean) {
        ZJ_REASON(b, "GTPY.SUSPENSION.SIMILAR_MAJOR", ZJ_UNMET, r,
                  ("学校贯通培养下一届未开设相同或相近专业"),
                  ("the school's next 贯通 cohort has no same or similar major"));
        ZJ_REASON(b, "GTPY.SUSPENSION.NOT_COVERED", ZJ_UNKNOWN, r,
                  ("通知未规定学校下一届仍承担贯通培养、但未开设相同或相近专业时如何处理"),
                  ("the notice does not say what happens when the school runs 贯通 in the next cohort "
                   "but without the same or a similar major"));
        zj__db_outcome(b, -1, "undetermined", "无法判定", "undetermined");
        return;
    }
    ZJ_REASON(b, "GTPY.SUSPENSION.SIMILAR_MAJOR", ZJ_MET, r,
              ("可转入该校贯通培养下一届开设的相同或相近专业学习"),
              ("may join the same or a similar major of the school's next 贯通 cohort"));
    zj__db_outcome(b, 1, "resume_next_cohort", "复学，转入下一届相同或相近专业",
                  "resumes in the same or a similar major of the next cohort");
}

const zj__check_def zj__check_gtpy_suspension = {
    { "gtpy.suspension", "gtpy", "贯通培养休学后复学", "贯通 programme: resuming after suspension",
      "判断因个人原因休学的贯通培养学生复学时如何处理：符合复学条件的，可转入该校下一届相同或相近专业；"
      "该校下一届不再承担贯通培养的，不再保留贯通培养资格；不符合复学条件的，按所在学段学籍管理规定处理。",
      "What happens when a 贯通 student suspended for personal reasons resumes: with the conditions met, "
      "the student joins the same or a similar major of the school's next cohort; if the school no longer "
      "runs 贯通, the status is not kept; otherwise the stage's student-status rules apply.",
      sizeof fields / sizeof fields[0], fields },
    eval,
};
