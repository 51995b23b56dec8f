/* gtpy_xueji.c — where is a 贯通 student's 学籍 registered in each stage?
 *
 * 京教职成〔2023〕6号 三(三)1–3 and 二(一)(二): the institution holding the
 * 学籍 (高本: 中职 and 高职 at the 高职院校, 本科 at the partner university;
 * 中本: 中职 at the 中职学校, 高职 and 本科 at the partner university), the
 * student-status rules of the stage, and the certificate on completing the
 * stage with its issuer.  All texts are parameters of the rules
 * xueji.<programme_type>.<stage>, shared with gtpy.exit.
 *
 * 二(一): a few 高本贯通 projects are run in every stage by the university
 * itself (北京城市学院 is its own partner); for a school the rule
 * xueji.self_run lists, that school holds the 学籍 and issues every
 * certificate, and the messages name it instead of "the 高职 school". */
#include <stdio.h>
#include <string.h>

#include "check_internal.h"

enum { F_TYPE = 2, F_STAGE, F_SCHOOL };

static const char *const type_ids[] = { "gaoben", "zhongben", NULL };
static const char *const type_zh[] = { "高本贯通", "中本贯通", NULL };
static const char *const stage_ids[] = { "zhongzhi", "gaozhi", "benke", NULL };
static const char *const stage_zh[] = { "中职", "高职", "本科", NULL };

static const zj_field_info fields[] = {
    ZJ_FIELDS_JURISDICTION_YEAR,
    { "programme_type", "项目类型", ZJ_FIELD_CHOICE, 1,
      "贯通培养项目类型：高本贯通（gaoben）或中本贯通（zhongben）",
      "programme type: gaoben (高本贯通, 高职 school + university) or zhongben (中本贯通, 中职 school + university)",
      type_ids, type_zh },
    { "stage", "学段", ZJ_FIELD_CHOICE, 1,
      "学段：中职（前3年）、高职（中间2年）、本科（后2年）",
      "stage: zhongzhi (years 1–3), gaozhi (years 4–5), benke (years 6–7)",
      stage_ids, stage_zh },
    { "school", "招生院校", ZJ_FIELD_TEXT, 0,
      "学生就读的招生院校（可选；本科高校独立承担所有学段的高本贯通项目，如北京城市学院，据此说明）",
      "the school the student was admitted to (optional; names the university when it runs every stage "
      "of a 高本贯通 project itself, e.g. 北京城市学院)", NULL, NULL },
};

static const char *const stage_en[] = { "中职 (secondary vocational)", "高职 (higher vocational)",
                                        "本科 (undergraduate)" };
static const char *const type_en[] = { "高本贯通", "中本贯通" };

#define XUEJI(R)                                                               \
    { ZJ_R_##R, ZJ_P_##R##_INSTITUTION_ZH, ZJ_P_##R##_INSTITUTION_EN,            \
      ZJ_P_##R##_REGULATION_ZH, ZJ_P_##R##_REGULATION_EN,                        \
      ZJ_P_##R##_CERTIFICATE_ZH, ZJ_P_##R##_CERTIFICATE_EN,                      \
      ZJ_P_##R##_ISSUER_ZH, ZJ_P_##R##_ISSUER_EN }
const zj__xueji_ids zj__xueji_stage[2][3] = {
    { XUEJI(XUEJI_GAOBEN_ZHONGZHI), XUEJI(XUEJI_GAOBEN_GAOZHI), XUEJI(XUEJI_GAOBEN_BENKE) },
    { XUEJI(XUEJI_ZHONGBEN_ZHONGZHI), XUEJI(XUEJI_ZHONGBEN_GAOZHI), XUEJI(XUEJI_ZHONGBEN_BENKE) },
};

int zj__xueji_self_run(const zj__ruleset *rs, int track, const char *school)
{
    const zj__param *p = zj__param_at(rs, ZJ_P_XUEJI_SELF_RUN_SCHOOLS);
    size_t i;

    if (track != 0 || !school || !school[0])
        return 0;
    for (i = 0; p && i < p->n_strings; i++)
        if (strcmp(p->strings[i], school) == 0)
            return 1;
    return 0;
}

static void eval_self_run(const zj__check_ctx *ctx, zj__dbuild *b, int s, const char *school)
{
    const zj__ruleset *rs = ctx->rules;
    const zj__xueji_ids *x = &zj__xueji_stage[0][s];
    const zj__rule *r = zj__rule_at(rs, x->rule), *self = zj__rule_at(rs, ZJ_R_XUEJI_SELF_RUN);

    ZJ_REASON(b, "GTPY.XUEJI.SELF_RUN", ZJ_MET, self,
              ("%s独立承担高本贯通所有学段的培养任务：学籍所在学校和颁证学校均为该校", school),
              ("%s runs every stage of its 高本贯通 projects itself: it holds the student's status (学籍) "
               "and issues the certificates", school));
    ZJ_REASON(b, "GTPY.XUEJI.INSTITUTION", ZJ_MET, r,
              ("高本贯通学生%s阶段注册为%s学籍", stage_zh[s], school),
              ("高本贯通 students are registered in the %s stage at %s", stage_en[s], school));
    ZJ_REASON(b, "GTPY.XUEJI.REGULATION", ZJ_MET, r,
              ("%s阶段执行%s", stage_zh[s], zj__param_str(rs, x->regulation_zh)),
              ("the %s stage follows %s", stage_en[s], zj__param_str(rs, x->regulation_en)));
    ZJ_REASON(b, "GTPY.XUEJI.CERTIFICATE", ZJ_MET, r,
              ("完成%s阶段学业且成绩合格：%s，由%s颁发", stage_zh[s], zj__param_str(rs, x->certificate_zh), school),
              ("on completing the %s stage with passing results: %s, issued by %s",
               stage_en[s], zj__param_str(rs, x->certificate_en), school));
    zj__db_outcome(b, 1, "registered", "学籍注册", "registered");
}

static void eval(const zj__check_ctx *ctx, zj__dbuild *b)
{
    int t = ZJ_ARG(ctx, F_TYPE)->choice, s = ZJ_ARG(ctx, F_STAGE)->choice;
    const zj__arg *school = ZJ_ARG(ctx, F_SCHOOL);
    const zj__xueji_ids *x = &zj__xueji_stage[t][s];
    const zj__ruleset *rs = ctx->rules;
    const zj__rule *r = zj__rule_at(rs, x->rule);

    if (school->present && zj__xueji_self_run(rs, t, school->text)) {
        eval_self_run(ctx, b, s, school->text);
        return;
    }
    ZJ_REASON(b, "GTPY.XUEJI.INSTITUTION", ZJ_MET, r,
              ("%s学生%s阶段注册为%s学籍", type_zh[t], stage_zh[s], zj__param_str(rs, x->institution_zh)),
              ("%s students are registered in the %s stage at %s",
               type_en[t], stage_en[s], zj__param_str(rs, x->institution_en)));
    ZJ_REASON(b, "GTPY.XUEJI.REGULATION", ZJ_MET, r,
              ("%s阶段执行%s", stage_zh[s], zj__param_str(rs, x->regulation_zh)),
              ("the %s stage follows %s", stage_en[s], zj__param_str(rs, x->regulation_en)));
    ZJ_REASON(b, "GTPY.XUEJI.CERTIFICATE", ZJ_MET, r,
              ("完成%s阶段学业且成绩合格：%s，由%s颁发",
               stage_zh[s], zj__param_str(rs, x->certificate_zh), zj__param_str(rs, x->issuer_zh)),
              ("on completing the %s stage with passing results: %s, issued by %s",
               stage_en[s], zj__param_str(rs, x->certificate_en), zj__param_str(rs, x->issuer_en)));
    zj__db_outcome(b, 1, "registered", "学籍注册", "registered");
}

const zj__check_def zj__check_gtpy_xueji = {
    { "gtpy.xueji", "gtpy", "贯通培养学籍注册", "贯通 programme: 学籍 registration by stage",
      "给出贯通培养学生在某一学段的学籍所在学校、执行的学籍管理规定，以及完成该学段后的证书及颁发学校。",
      "Where a 贯通 student's 学籍 (student status) is registered in a stage, which student-status rules "
      "apply, and which certificate completing the stage brings and who issues it.",
      sizeof fields / sizeof fields[0], fields },
    eval,
};
