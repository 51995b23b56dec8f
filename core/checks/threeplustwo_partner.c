/* threeplustwo_partner.c — does the 高职 partner meet its per-semester
 * duties?
 *
 * 京教函〔2024〕51号 三(二): each semester the 高职 school must lead at least
 * 2 joint 专题业务沟通会, at least 3 joint 教研活动, and send at least 5
 * teachers to the 中职 school.  Each count not given is undetermined. */
#include "check_internal.h"

enum { F_MEETINGS = 2, F_RESEARCH, F_TEACHERS };

static const zj_field_info fields[] = {
    ZJ_FIELDS_JURISDICTION_YEAR,
    { "meetings", "专题业务沟通会次数", ZJ_FIELD_INTEGER, 0,
      "本学期高职学校牵头召开的双方专题业务沟通会次数",
      "joint business meetings the 高职 school led this semester", NULL, NULL },
    { "research_activities", "教研活动次数", ZJ_FIELD_INTEGER, 0,
      "本学期高职学校牵头开展的双方教师教研活动次数",
      "joint teaching-research activities the 高职 school led this semester", NULL, NULL },
    { "teachers_sent", "派出教师人数", ZJ_FIELD_INTEGER, 0,
      "本学期高职学校向中职学校派出、参与或指导中职阶段课程教学的教师人数",
      "teachers the 高职 school sent to the 中职 school this semester to teach or guide courses",
      NULL, NULL },
};

static void one(const zj__check_ctx *ctx, zj__dbuild *b, const zj__arg *a, const char *code,
                zj__rule_id rid, zj__param_id pid, const char *what_zh, const char *what_en)
{
    const zj__rule *r = zj__rule_at(ctx->rules, rid);
    double min = zj__param_num(ctx->rules, pid);

    if (!a->present)
        ZJ_REASON(b, code, ZJ_UNKNOWN, r,
                  ("未提供本学期%s，无法判定是否达到每学期至少 %g 的要求", what_zh, min),
                  ("%s this semester not given: cannot tell whether it reaches the minimum of %g",
                   what_en, min));
    else if ((double)a->integer >= min)
        ZJ_REASON(b, code, ZJ_MET, r,
                  ("本学期%s %ld，达到每学期至少 %g 的要求", what_zh, a->integer, min),
                  ("%s this semester: %ld, at least the minimum of %g", what_en, a->integer, min));
    else
        ZJ_REASON(b, code, ZJ_UNMET, r,
                  ("本学期%s %ld，少于每学期至少 %g 的要求", what_zh, a->integer, min),
                  ("%s this semester: %ld, below the minimum of %g", what_en, a->integer, min));
}

static void eval(const zj__check_ctx *ctx, zj__dbuild *b)
{
    static const char *const zh[] = { "专题业务沟通会次数", "教研活动次数", "派出教师人数" };
    static const char *const en[] = { "meetings", "research_activities", "teachers_sent" };
    int i;

    for (i = 0; i < 3; i++) {
        const zj__arg *a = ZJ_ARG(ctx, F_MEETINGS + i);
        if (a->present && a->integer < 0) {
            ZJ_INPUT_ERROR(b, "INPUT.OUT_OF_RANGE",
                           ("“%s”（%s）为 %ld，不能为负数", zh[i], en[i], a->integer),
                           ("field %s is %ld: it must not be negative", en[i], a->integer));
        }
    }
    if (zj__db_status(b) != ZJ_OK)
        return;
    one(ctx, b, ZJ_ARG(ctx, F_MEETINGS), "3PLUS2.PARTNER.MEETINGS", ZJ_R_PARTNER_MEETINGS,
        ZJ_P_PARTNER_MEETINGS_MIN,
        "双方专题业务沟通会次数", "joint business meetings");
    one(ctx, b, ZJ_ARG(ctx, F_RESEARCH), "3PLUS2.PARTNER.RESEARCH_ACTIVITIES", ZJ_R_PARTNER_RESEARCH,
        ZJ_P_PARTNER_RESEARCH_MIN,
        "双方教师教研活动次数", "joint teaching-research activities");
    one(ctx, b, ZJ_ARG(ctx, F_TEACHERS), "3PLUS2.PARTNER.TEACHERS_SENT", ZJ_R_PARTNER_TEACHERS,
        ZJ_P_PARTNER_TEACHERS_MIN,
        "向中职学校派出教师人数", "teachers sent to the secondary vocational (中职) school");
    zj__db_conclude(b, "compliant", "达到每学期最低要求", "meets the per-semester minimums",
                   "non_compliant", "未达到每学期最低要求", "below a per-semester minimum");
}

const zj__check_def zj__check_3plus2_partner = {
    { "3plus2.partner", "3plus2", "“3+2”高职学校每学期职责", "\"3+2\": per-semester duties of the 高职 partner",
      "判断“3+2”项目的高职学校本学期是否达到最低要求：牵头召开至少2次专题业务沟通会、"
      "开展不少于3次双方教师教研活动、向中职学校派出不少于5名教师。",
      "Whether the 高职 partner of a \"3+2\" project met this semester's minimums: at least 2 joint "
      "business meetings, at least 3 joint teaching-research activities and at least 5 teachers sent "
      "to the 中职 school.",
      sizeof fields / sizeof fields[0], fields },
    eval,
};
