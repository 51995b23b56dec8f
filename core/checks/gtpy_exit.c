/* gtpy_exit.c — may a 贯通 student leave the programme with a certificate?
 *
 * 京教职成〔2023〕6号 三(三)4: at the student's wish, after completing the
 * 中职 or 高职 stage, the student may graduate and leave; the school holding
 * the 学籍 issues that stage's certificate, and the student is no longer in
 * 贯通.  Which school that is and which certificate come from the xueji.*
 * rules (三(三)1–2, 二(一)(二)), shared with gtpy.xueji. */
#include <stdio.h>

#include "check_internal.h"

enum { F_TYPE = 2, F_DONE, F_SCHOOL };

static const char *const type_ids[] = { "gaoben", "zhongben", NULL };
static const char *const type_zh[] = { "高本贯通", "中本贯通", NULL };
static const char *const done_ids[] = { "none", "zhongzhi", "gaozhi", NULL };
static const char *const done_zh[] = { "未完成", "中职", "高职", NULL };

static const zj_field_info fields[] = {
    ZJ_FIELDS_JURISDICTION_YEAR,
    { "programme_type", "项目类型", ZJ_FIELD_CHOICE, 1,
      "贯通培养项目类型：高本贯通（gaoben）或中本贯通（zhongben）",
      "programme type: gaoben (高本贯通) or zhongben (中本贯通)",
      type_ids, type_zh },
    { "completed_stage", "已完成学段", ZJ_FIELD_CHOICE, 1,
      "已完成学业的最高学段：未完成（none）、中职（zhongzhi）、高职（gaozhi）",
      "highest stage completed: none, zhongzhi (中职, years 1–3) or gaozhi (高职, years 4–5)",
      done_ids, done_zh },
    { "school", "招生院校", ZJ_FIELD_TEXT, 0,
      "学生就读的招生院校（可选；本科高校独立承担所有学段的高本贯通项目，如北京城市学院，据此说明）",
      "the school the student was admitted to (optional; names the university when it runs every stage "
      "of a 高本贯通 project itself, e.g. 北京城市学院)", NULL, NULL },
};

static const char *const done_en[] = { "none", "中职 (secondary vocational)", "高职 (higher vocational)" };
static const char *const type_en[] = { "高本贯通", "中本贯通" };

static void eval(const zj__check_ctx *ctx, zj__dbuild *b)
{
    int t = ZJ_ARG(ctx, F_TYPE)->choice, d = ZJ_ARG(ctx, F_DONE)->choice;
    const zj__ruleset *rs = ctx->rules;
    const zj__rule *ex = zj__rule_at(rs, ZJ_R_EXIT_VOLUNTARY);
    const zj__arg *school = ZJ_ARG(ctx, F_SCHOOL);
    const zj__xueji_ids *x;

    if (d == 0) {
        ZJ_REASON(b, "GTPY.EXIT.STAGE_COMPLETED", ZJ_UNMET, ex,
                  ("尚未完成中职或高职阶段学业：只有完成中职或高职教育后才能选择毕业退出贯通培养"),
                  ("neither the secondary vocational (中职) nor the higher vocational (高职) stage is completed: "
                   "a student may graduate and leave "
                   "贯通 only after completing one of them"));
        zj__db_outcome(b, 0, "not_allowed", "不能毕业退出", "may not graduate and leave");
        return;
    }
    x = &zj__xueji_stage[t][d - 1];   /* done: 1 中职, 2 高职 */
    ZJ_REASON(b, "GTPY.EXIT.STAGE_COMPLETED", ZJ_MET, ex,
              ("已完成%s阶段学业，依个人意愿可选择毕业退出贯通培养", done_zh[d]),
              ("the %s stage is completed: the student may choose to graduate and leave 贯通",
               done_en[d]));
    if (zj__xueji_self_run(rs, t, school->present ? school->text : NULL))
        ZJ_REASON(b, "GTPY.EXIT.CERTIFICATE", ZJ_MET, zj__rule_at(rs, ZJ_R_XUEJI_SELF_RUN),
                  ("%s独立承担高本贯通所有学段的培养任务：%s阶段学籍在该校，由该校颁发%s",
                   school->text, done_zh[d], zj__param_str(rs, x->certificate_zh)),
                  ("%s runs every stage of its 高本贯通 projects itself: it holds the student's status (学籍) "
                   "in the %s stage and issues the certificate: %s",
                   school->text, done_en[d], zj__param_str(rs, x->certificate_en)));
    else
        ZJ_REASON(b, "GTPY.EXIT.CERTIFICATE", ZJ_MET, zj__rule_at(rs, x->rule),
                  ("%s学生%s阶段学籍在%s，由学籍所在学校%s颁发%s",
                   type_zh[t], done_zh[d], zj__param_str(rs, x->institution_zh),
                   zj__param_str(rs, x->issuer_zh), zj__param_str(rs, x->certificate_zh)),
                  ("%s students are registered in the %s stage at %s; the school holding the "
                   "student's status (学籍), %s, issues the certificate: %s",
                   type_en[t], done_en[d], zj__param_str(rs, x->institution_en),
                   zj__param_str(rs, x->issuer_en), zj__param_str(rs, x->certificate_en)));
    ZJ_REASON(b, "GTPY.EXIT.STATUS_ENDS", ZJ_MET, ex,
              ("毕业后不再具有贯通培养资格"),
              ("after graduating the student no longer holds 贯通 status"));
    zj__db_outcome(b, 1, "exit_with_certificate", "可毕业退出并获相应学段毕业证书",
                  "may graduate and leave with the stage's certificate");
}

const zj__check_def zj__check_gtpy_exit = {
    { "gtpy.exit", "gtpy", "贯通培养毕业退出", "贯通 programme: leaving with a certificate",
      "判断贯通培养学生能否依个人意愿毕业退出：完成中职或高职阶段后可以，由学籍所在学校颁发相应学段毕业证书，"
      "此后不再具有贯通培养资格。",
      "Whether a 贯通 student may choose to graduate and leave the programme: after completing the 中职 or "
      "高职 stage, with that stage's certificate from the school holding the student's status (学籍); the student then no "
      "longer holds 贯通 status.",
      sizeof fields / sizeof fields[0], fields },
    eval,
};
