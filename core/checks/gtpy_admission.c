/* gtpy_admission.c — may a candidate apply to 贯通培养?
 *
 * 京教职成〔2023〕6号 三(一)1–2 and the 2024 announcement: the candidate
 * must hold the year's 中考升学资格, have 本市正式户籍, and reach the minimum
 * 中招录取总分 (490).  The minimum is on that year's 中考 scale (660 in 2023,
 * 670 in 2024), so the rule file carries the scale too and a score above it
 * is an input error, not a pass. */
#include "check_internal.h"

enum { F_QUAL = 2, F_HUKOU, F_SCORE };

static const zj_field_info fields[] = {
    ZJ_FIELDS_JURISDICTION_YEAR,
    { "has_qualification", "中考升学资格", ZJ_FIELD_BOOL, 0,
      "是否具有当年中考升学资格", "whether the candidate holds the year's 中考 progression qualification",
      NULL, NULL },
    { "beijing_hukou", "本市正式户籍", ZJ_FIELD_BOOL, 0,
      "是否具有本市正式户籍", "whether the candidate has a formal local (本市) household registration",
      NULL, NULL },
    { "score", "中招录取总分", ZJ_FIELD_NUMBER, 0,
      "中招录取总分（按当年中考总分计）", "中招 admission total score, on that year's 中考 scale",
      NULL, NULL },
};

static void flag(zj__dbuild *b, const zj__arg *a, const char *code, const zj__rule *r,
                 const char *what_zh, const char *what_en)
{
    if (!a->present)
        ZJ_REASON(b, code, ZJ_UNKNOWN, r,
                  ("未提供是否具有%s，无法判定", what_zh),
                  ("not stated whether the candidate has %s", what_en));
    else if (a->boolean)
        ZJ_REASON(b, code, ZJ_MET, r,
                  ("具有%s", what_zh),
                  ("has %s", what_en));
    else
        ZJ_REASON(b, code, ZJ_UNMET, r,
                  ("不具有%s，不能报考", what_zh),
                  ("does not have %s, so may not apply", what_en));
}

static void eval(const zj__check_ctx *ctx, zj__dbuild *b)
{
    const zj__rule *qual = zj__rule_at(ctx->rules, ZJ_R_ADMISSION_QUALIFICATION);
    const zj__rule *hukou = zj__rule_at(ctx->rules, ZJ_R_ADMISSION_HUKOU);
    const zj__rule *min = zj__rule_at(ctx->rules, ZJ_R_ADMISSION_MIN_SCORE);
    const zj__arg *score = ZJ_ARG(ctx, F_SCORE);
    double lo = zj__param_num(ctx->rules, ZJ_P_ADMISSION_MIN);
    double total = zj__param_num(ctx->rules, ZJ_P_ADMISSION_TOTAL);
    const char *lo_s, *total_s;
    int year = ctx->rules->info.year;

    if (score->present && (score->number < 0 || score->number > total)) {
        ZJ_INPUT_ERROR(b, "INPUT.OUT_OF_RANGE",
                       ("中招录取总分 %.15g 超出 %d 年中考总分范围（0–%g 分）", score->number, year, total),
                       ("score %.15g is outside the %d 中考 scale (0–%g points)",
                        score->number, year, total));
        return;
    }
    flag(b, ZJ_ARG(ctx, F_QUAL), "GTPY.ADMISSION.QUALIFICATION", qual,
         "当年中考升学资格", "the year's 中考 progression qualification");
    flag(b, ZJ_ARG(ctx, F_HUKOU), "GTPY.ADMISSION.HUKOU", hukou,
         "本市正式户籍", "a formal Beijing household registration (本市正式户籍)");
    lo_s = zj__db_num(b, lo);
    total_s = zj__db_num(b, total);
    if (!score->present) {
        ZJ_REASON(b, "GTPY.ADMISSION.MIN_SCORE", ZJ_UNKNOWN, min,
                  ("未提供中招录取总分，无法判定是否达到 %s 分（%d 年总分 %s 分）", lo_s, year, total_s),
                  ("no score given: cannot tell whether it reaches %s (of %d's %s-point scale)",
                   lo_s, year, total_s));
    } else {
        const char *score_s = zj__db_num(b, score->number);

        if (score->number >= lo)
            ZJ_REASON(b, "GTPY.ADMISSION.MIN_SCORE", ZJ_MET, min,
                      ("中招录取总分 %s 分，达到最低录取分数线 %s 分（%d 年中考总分 %s 分）", score_s, lo_s, year, total_s),
                      ("score %s reaches the minimum of %s (%d scale: %s points)",
                       score_s, lo_s, year, total_s));
        else
            ZJ_REASON(b, "GTPY.ADMISSION.MIN_SCORE", ZJ_UNMET, min,
                      ("中招录取总分 %s 分，低于最低录取分数线 %s 分（%d 年中考总分 %s 分）", score_s, lo_s, year, total_s),
                      ("score %s is below the minimum of %s (%d scale: %s points)",
                       score_s, lo_s, year, total_s));
    }
    zj__db_conclude(b, "eligible", "符合报考条件", "eligible to apply",
                   "ineligible", "不符合报考条件", "not eligible to apply");
}

const zj__check_def zj__check_gtpy_admission = {
    { "gtpy.admission", "gtpy", "贯通培养报考资格", "贯通 programme: may the candidate apply?",
      "判断考生是否符合贯通培养报考条件：当年中考升学资格、本市正式户籍、中招录取总分达到最低分数线（按当年中考总分）。",
      "Whether a candidate may apply to a 贯通 (7-year) programme: the year's 中考 qualification, "
      "Beijing household registration, and an admission score at or above the minimum on that year's scale.",
      sizeof fields / sizeof fields[0], fields },
    eval,
};
