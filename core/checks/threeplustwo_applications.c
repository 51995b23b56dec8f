/* threeplustwo_applications.c — how many new "3+2" projects may a 中职
 * school apply for?
 *
 * 京教函〔2024〕51号 一(三): "一般每所学校申报新增衔接办学项目不超过3个".
 * The notice says 一般 (generally): more than three is above the general
 * limit, not forbidden outright, and the message says so. */
#include "check_internal.h"

enum { F_APPS = 2 };

static const zj_field_info fields[] = {
    ZJ_FIELDS_JURISDICTION_YEAR,
    { "applications", "申报新增项目数", ZJ_FIELD_INTEGER, 1,
      "该中职学校（含技工学校）本年度拟申报的新增“3+2”中高职衔接项目个数",
      "number of new \"3+2\" projects the secondary vocational school applies for this year",
      NULL, NULL },
};

static void eval(const zj__check_ctx *ctx, zj__dbuild *b)
{
    const zj__rule *r = zj__rule_at(ctx->rules, ZJ_R_APPLICATIONS_MAX);
    const zj__arg *n = ZJ_ARG(ctx, F_APPS);
    double max = zj__param_num(ctx->rules, ZJ_P_APPLICATIONS_MAX_MAX);

    if (n->integer < 0) {
        ZJ_INPUT_ERROR(b, "INPUT.OUT_OF_RANGE",
                       ("申报新增项目数 %ld 不能为负数", n->integer),
                       ("applications %ld must not be negative", n->integer));
        return;
    }
    if ((double)n->integer <= max) {
        ZJ_REASON(b, "3PLUS2.APPLICATIONS.MAX", ZJ_MET, r,
                  ("申报 %ld 个新增项目，未超过每校一般不超过 %g 个的要求", n->integer, max),
                  ("%ld new projects: within the general limit of %g per school", n->integer, max));
        zj__db_outcome(b, 1, "within_limit", "未超过申报上限", "within the limit");
    } else {
        ZJ_REASON(b, "3PLUS2.APPLICATIONS.MAX", ZJ_UNMET, r,
                  ("申报 %ld 个新增项目，超过“一般每所学校申报新增衔接办学项目不超过 %g 个”；"
                   "通知用语为“一般”，并非绝对上限，但未说明例外的条件", n->integer, max),
                  ("%ld new projects exceed the limit of %g per school; the notice says "
                   "\"generally\" (一般): not an absolute cap, though it does not say when more are accepted",
                   n->integer, max));
        zj__db_outcome(b, 0, "exceeds_general_limit", "超过一般申报上限",
                      "exceeds the general limit");
    }
}

const zj__check_def zj__check_3plus2_applications = {
    { "3plus2.applications", "3plus2", "“3+2”新增项目申报数", "\"3+2\": number of new project applications",
      "判断中职学校本年度申报的新增“3+2”中高职衔接项目数是否超过一般上限（每校一般不超过3个）。",
      "Whether the number of new \"3+2\" projects a secondary vocational school applies for this year "
      "stays within the general limit (generally at most 3 per school).",
      sizeof fields / sizeof fields[0], fields },
    eval,
};
