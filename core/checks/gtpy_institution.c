/* gtpy_institution.c — may an institution run a 贯通 track, and does the
 * later-stage school send teachers?
 *
 * 京教职成〔2023〕6号 二(一): 高本贯通 is run by a 高职 school selected as a
 * 北京市特色高水平职业院校 (特高) with a university; a few projects are run
 * by the university alone (the year's brochure says which).  二(二):
 * 中本贯通 is *in principle* (原则上) run by a 特高 中职 school with a
 * university.  四(二)2: the later-stage school in principle sends teachers
 * to the earlier-stage school every semester to teach or guide the core
 * courses.  "In principle" is said in the messages, not decided away. */
#include "check_internal.h"

enum { F_TYPE = 2, F_KIND, F_TEGAO, F_TEACHERS };

static const char *const type_ids[] = { "gaoben", "zhongben", NULL };
static const char *const type_zh[] = { "高本贯通", "中本贯通", NULL };
static const char *const kind_ids[] = { "gaozhi", "zhongzhi", "university", NULL };
static const char *const kind_zh[] = { "高职院校", "中职学校", "本科高校", NULL };
static const char *const kind_en[] = { "a 高职 school", "a 中职 school", "a university" };

static const zj_field_info fields[] = {
    ZJ_FIELDS_JURISDICTION_YEAR,
    { "programme_type", "项目类型", ZJ_FIELD_CHOICE, 1,
      "高本贯通（gaoben）或中本贯通（zhongben）", "gaoben (高本贯通) or zhongben (中本贯通)", type_ids, type_zh },
    { "institution_kind", "承办院校类型", ZJ_FIELD_CHOICE, 1,
      "承担前段培养的院校：高职院校（gaozhi）、中职学校（zhongzhi）或本科高校（university，独立承担所有学段）",
      "the institution running the early stages: gaozhi (a 高职 school), zhongzhi (a 中职 school) or university "
      "(running every stage itself)", kind_ids, kind_zh },
    { "tegao", "特色高水平职业院校", ZJ_FIELD_BOOL, 0,
      "该院校是否入选“北京市特色高水平职业院校”",
      "whether the school is a selected 北京市特色高水平职业院校 (特高, Beijing distinctive high-level vocational school)",
      NULL, NULL },
    { "teachers_sent_each_semester", "后段院校每学期派出教师", ZJ_FIELD_BOOL, 0,
      "后段院校是否每学期向前段院校派出教师讲授或指导核心课程",
      "whether the later-stage school sends teachers every semester to teach or guide the core courses",
      NULL, NULL },
};

static void eval(const zj__check_ctx *ctx, zj__dbuild *b)
{
    const zj__ruleset *rs = ctx->rules;
    int t = ZJ_ARG(ctx, F_TYPE)->choice, k = ZJ_ARG(ctx, F_KIND)->choice;
    const zj__arg *tg = ZJ_ARG(ctx, F_TEGAO), *te = ZJ_ARG(ctx, F_TEACHERS);
    const zj__rule *r = zj__rule_at(rs, t == 0 ? ZJ_R_INSTITUTION_GAOBEN : ZJ_R_INSTITUTION_ZHONGBEN);
    const zj__rule *rt = zj__rule_at(rs, ZJ_R_INSTITUTION_TEACHERS);
    int want = t == 0 ? 0 : 1;          /* the kind of school the track names */
    int in_principle = t == 1;

    if (t == 0 && k == 2)
        ZJ_REASON(b, "GTPY.INSTITUTION.KIND", ZJ_MET, zj__rule_at(rs, ZJ_R_XUEJI_SELF_RUN),
                  ("高本贯通个别项目可由本科高校独立承担所有学段培养任务（以当年招生简章为准）"),
                  ("a few 高本贯通 projects are run in every stage by the university itself (the year's admission "
                   "brochure says which)"));
    else if (k != want)
        ZJ_REASON(b, "GTPY.INSTITUTION.KIND", ZJ_UNMET, r,
                  ("%s%s由%s与本科高校联合培养，不是%s", type_zh[t], in_principle ? "原则上" : "",
                   kind_zh[want], kind_zh[k]),
                  ("%s is run %sby %s with a university, not by %s", type_zh[t], in_principle ? "in principle " : "",
                   kind_en[want], kind_en[k]));
    else if (!tg->present)
        ZJ_REASON(b, "GTPY.INSTITUTION.KIND", ZJ_UNKNOWN, r,
                  ("未提供该%s是否入选北京市特色高水平职业院校（tegao）", kind_zh[k]),
                  ("not stated whether the school is a selected Beijing distinctive high-level vocational school (tegao)"));
    else if (tg->boolean)
        ZJ_REASON(b, "GTPY.INSTITUTION.KIND", ZJ_MET, r,
                  ("入选北京市特色高水平职业院校的%s可承担%s", kind_zh[k], type_zh[t]),
                  ("%s selected as a Beijing distinctive high-level vocational school may run %s", kind_en[k], type_zh[t]));
    else
        ZJ_REASON(b, "GTPY.INSTITUTION.KIND", ZJ_UNMET, r,
                  ("%s%s由入选北京市特色高水平职业院校的%s承担%s", type_zh[t], in_principle ? "原则上" : "须",
                   kind_zh[k], in_principle ? "（原文为“原则上”，未说明例外）" : ""),
                  ("%s is %srun by %s selected as a Beijing distinctive high-level vocational school%s", type_zh[t], in_principle ? "in principle " : "",
                   kind_en[k], in_principle ? " (the text says \"in principle\" and names no exception)" : ""));

    if (!te->present)
        ZJ_REASON(b, "GTPY.INSTITUTION.TEACHERS", ZJ_UNKNOWN, rt,
                  ("未提供后段院校是否每学期派出教师（teachers_sent_each_semester）"),
                  ("not stated whether the later-stage school sends teachers every semester "
                   "(teachers_sent_each_semester)"));
    else if (te->boolean)
        ZJ_REASON(b, "GTPY.INSTITUTION.TEACHERS", ZJ_MET, rt,
                  ("后段院校每学期向前段院校派出教师讲授或指导核心课程"),
                  ("the later-stage school sends teachers every semester for the core courses"));
    else
        ZJ_REASON(b, "GTPY.INSTITUTION.TEACHERS", ZJ_UNMET, rt,
                  ("后段院校原则上每学期须向前段院校派出教师讲授或指导合作院校教师讲授核心课程"),
                  ("the later-stage school should in principle send teachers every semester to teach the core "
                   "courses or guide the partner's teachers"));

    if (zj__db_count(b, ZJ_UNMET))
        zj__db_outcome(b, 0, "not_as_required", "不符合承办要求", "not as the rules require");
    else if (zj__db_count(b, ZJ_UNKNOWN))
        zj__db_outcome(b, -1, "undetermined", "无法判定", "undetermined");
    else
        zj__db_outcome(b, 1, "as_required", "符合承办要求", "as the rules require");
}

const zj__check_def zj__check_gtpy_institution = {
    { "gtpy.institution", "gtpy", "贯通培养承办院校", "贯通 programme: who may run it",
      "高本贯通由入选北京市特色高水平职业院校的高职院校与本科高校联合培养（个别项目由本科高校独立承担）；中本贯通原则上由"
      "入选特高的中职学校与本科高校联合培养；后段院校原则上每学期须向前段院校派出教师。",
      "高本贯通 is run by a 高职 school selected as a Beijing distinctive high-level vocational school with a university (a few projects by the university "
      "alone); 中本贯通 in principle by a distinctive high-level 中职 school with a university; the later-stage school should in "
      "principle send teachers every semester.",
      sizeof fields / sizeof fields[0], fields },
    eval,
};
