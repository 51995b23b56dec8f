/* gtpy_zhiyuan.c — is a 贯通 志愿 form valid?
 *
 * The form is one text: choices separated by `;` `；` or a new line, each
 * `school:major1,major2` (`：` and `，` `、` accepted too), e.g.
 *     北京市商业学校:电子商务,物流服务与管理；北京市昌平职业学校:航空服务
 * Rules per year: zhiyuan.advance / zhiyuan.unified give the number of
 * choices and the majors per choice of each batch (提前招生 8 × 1, 统一招生
 * 12 × 2 in 2024), and zhiyuan.plan the programmes of the year's plan that a
 * (school, major) must be found in.  A blank choice between others is an
 * empty choice; blank text after the last choice is ignored.
 *
 * A pair not found in a plan that is complete for the year is unmet.  In
 * an incomplete year the rule zhiyuan.schools decides: a school that is not
 * one of the year's recruiting schools is unmet (2024: the 10 schools of the
 * news page), so is a major of a school whose programme's plan is published
 * in full (2024: 中本贯通, 表1-5-2); only a major of a school whose
 * per-major plan is not published (2024: the 6 高本贯通 schools) is unknown,
 * since absence there proves nothing. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_internal.h"
#include "utf8.h"

enum { F_BATCH = 2, F_CHOICES };

#define MAX_TEXT 8192
#define MAX_CHOICES 64
#define MAX_MAJORS 16
#define LOOKUP_BUF 16

static const char *const batch_ids[] = { "advance", "unified", NULL };
static const char *const batch_zh[] = { "提前招生", "统一招生", NULL };

static const zj_field_info fields[] = {
    ZJ_FIELDS_JURISDICTION_YEAR,
    { "batch", "招生批次", ZJ_FIELD_CHOICE, 0,
      "志愿所属批次：提前招生（advance）或统一招生（unified）",
      "admission batch of the form: advance (提前招生) or unified (统一招生)",
      batch_ids, batch_zh },
    { "choices", "志愿", ZJ_FIELD_TEXT, 1,
      "志愿表：各志愿以“；”或换行分隔，每个志愿写作“学校：专业1，专业2”，"
      "如“北京市商业学校:电子商务,物流服务与管理；北京市昌平职业学校:航空服务”",
      "the form: choices separated by ';' (or '；' or a new line), each 'school:major1,major2' "
      "('：' '，' '、' accepted), e.g. '北京市商业学校:电子商务,物流服务与管理；北京市昌平职业学校:航空服务'",
      NULL, NULL },
};

typedef struct choice {
    char *text;                 /* the whole choice, trimmed (for messages) */
    char *school;               /* NULL: a blank choice */
    char *majors[MAX_MAJORS];
    int n_majors;
} choice;

/* Length of a separator from `seps` at p, or 0. */
static size_t sep_at(const char *p, const char *const *seps)
{
    size_t i;

    for (i = 0; seps[i]; i++) {
        size_t n = strlen(seps[i]);
        if (strncmp(p, seps[i], n) == 0)
            return n;
    }
    return 0;
}

static const char *const choice_seps[] = { "\r\n", ";", "\xef\xbc\x9b", "\n", "\r", NULL };
static const char *const colon_seps[] = { ":", "\xef\xbc\x9a", NULL };
static const char *const major_seps[] = { ",", "\xef\xbc\x8c", "\xe3\x80\x81", NULL };

/* Trims s in place (it is NUL-terminated) and returns the start. */
static char *trim_inplace(char *s)
{
    size_t len;
    char *t = (char *)zj__trim(s, &len);

    t[len] = '\0';
    return t;
}

/* Finds the first separator of `seps` in s; *len its length. NULL if none. */
static char *find_sep(char *s, const char *const *seps, size_t *len)
{
    for (; *s; s++)
        if ((*len = sep_at(s, seps)) != 0)
            return s;
    return NULL;
}

/* Whether s holds nothing but blanks and choice separators. */
static int blank_rest(const char *s)
{
    while (*s) {
        size_t n = sep_at(s, choice_seps);

        if (!n && (*s == ' ' || *s == '\t'))
            n = 1;
        if (!n && strncmp(s, "\xe3\x80\x80", 3) == 0)   /* U+3000 */
            n = 3;
        if (!n)
            return 0;
        s += n;
    }
    return 1;
}

/* Splits the form; 0 and input-error reasons when it cannot be read. */
static int parse_form(zj__dbuild *b, char *buf, choice *ch, int *n_out)
{
    int n = 0, ok = 1, last_nonblank = -1, i;
    char *p = buf;

    for (;;) {
        size_t sl = 0;
        char *end = find_sep(p, choice_seps, &sl);

        if (n == MAX_CHOICES && !blank_rest(p)) {
            ZJ_INPUT_ERROR(b, "INPUT.OUT_OF_RANGE",
                           ("志愿表超过 %d 个志愿，无法处理", MAX_CHOICES),
                           ("the form has more than %d choices, too many to process", MAX_CHOICES));
            return 0;
        }
        if (n == MAX_CHOICES)
            break;      /* only separators and blanks follow */
        if (end)
            *end = '\0';
        memset(&ch[n], 0, sizeof ch[n]);
        ch[n].text = trim_inplace(p);
        if (ch[n].text[0])
            last_nonblank = n;
        n++;
        if (!end)
            break;
        p = end + sl;
    }
    n = last_nonblank + 1;   /* blank text after the last choice is not a choice */
    for (i = 0; i < n; i++) {
        choice *c = &ch[i];
        size_t cl = 0, cl2 = 0;
        char *colon, *rest, *m;

        if (!c->text[0])
            continue;   /* an empty choice, reported by the evaluator */
        colon = find_sep(c->text, colon_seps, &cl);
        if (!colon) {
            ZJ_INPUT_ERROR(b, "INPUT.BAD_FORMAT",
                           ("志愿表第 %d 个志愿“%s”缺少学校与专业之间的冒号（应写作“学校:专业1,专业2”）", i + 1, c->text),
                           ("choice %d of the form (\"%s\") has no ':' between the school and its majors "
                            "(expected 'school:major1,major2')",
                            i + 1, c->text));
            ok = 0;
            continue;
        }
        rest = colon + cl;
        if (find_sep(rest, colon_seps, &cl2)) {
            ZJ_INPUT_ERROR(b, "INPUT.BAD_FORMAT",
                           ("志愿表第 %d 个志愿“%s”有多个冒号（每个志愿只写一个学校，志愿之间用分号或换行分隔）", i + 1, c->text),
                           ("choice %d of the form (\"%s\") has more than one ':' (one school per choice; "
                            "separate choices with ';' or a new line)",
                            i + 1, c->text));
            ok = 0;
            continue;
        }
        *colon = '\0';
        c->school = trim_inplace(c->text);
        if (!c->school[0]) {
            ZJ_INPUT_ERROR(b, "INPUT.BAD_FORMAT",
                           ("志愿表第 %d 个志愿缺少学校名称", i + 1),
                           ("choice %d of the form has no school before the ':'", i + 1));
            ok = 0;
            continue;
        }
        m = rest;
        for (;;) {
            size_t ml = 0;
            char *e = find_sep(m, major_seps, &ml), *t;

            if (e)
                *e = '\0';
            t = trim_inplace(m);
            if (t[0]) {
                if (c->n_majors == MAX_MAJORS) {
                    ZJ_INPUT_ERROR(b, "INPUT.OUT_OF_RANGE",
                                   ("志愿表第 %d 个志愿（%s）超过 %d 个专业，无法处理", i + 1, c->school, MAX_MAJORS),
                                   ("choice %d of the form (%s) has more than %d majors, too many to process",
                                    i + 1, c->school, MAX_MAJORS));
                    ok = 0;
                    break;
                }
                c->majors[c->n_majors++] = t;
            }
            if (!e)
                break;
            m = e + ml;
        }
    }
    *n_out = n;
    return ok;
}

/* " (中本贯通, partner 北京物资学院, 25 places)" in both languages. */
static void describe(const zj_plan_entry *e, char *zh, size_t zs, char *en, size_t es)
{
    const char *partner = e->partner && e->partner[0] ? e->partner : NULL;

    if (isnan(e->places)) {
        snprintf(zh, zs, "（%s，合作院校：%s，计划人数未公布）", e->programme,
                 partner ? partner : "未载");
        snprintf(en, es, " (%s, partner: %s, places not published)", e->programme,
                 partner ? partner : "not given");
    } else {
        snprintf(zh, zs, "（%s，合作院校：%s，计划 %g 人）", e->programme,
                 partner ? partner : "未载", e->places);
        snprintf(en, es, " (%s, partner: %s, %g places)", e->programme,
                 partner ? partner : "not given", e->places);
    }
}

static int wanted(const zj__param *progs, const char *programme)
{
    size_t i;

    for (i = 0; progs && i < progs->n_strings; i++)
        if (programme && strcmp(progs->strings[i], programme) == 0)
            return 1;
    return 0;
}

static int listed(const zj__param *list, const char *s)
{
    size_t i;

    for (i = 0; list && i < list->n_strings; i++)
        if (strcmp(list->strings[i], s) == 0)
            return 1;
    return 0;
}

/* A pair the bundled plan lacks, in a year whose plan is incomplete:
 * unmet or unknown by the rule zhiyuan.schools. */
static void not_found(const zj__check_ctx *ctx, zj__dbuild *b, int pos, const char *school, const char *major)
{
    const zj__ruleset *rs = ctx->rules;
    const zj__rule *rs_schools = zj__rule_at(rs, ZJ_R_ZHIYUAN_SCHOOLS);
    const zj__param *gb = zj__param_at(rs, ZJ_P_ZHIYUAN_SCHOOLS_GAOBEN),
                   *zb = zj__param_at(rs, ZJ_P_ZHIYUAN_SCHOOLS_ZHONGBEN),
                   *full = zj__param_at(rs, ZJ_P_ZHIYUAN_SCHOOLS_PLAN_COMPLETE);
    int year = rs->info.year, in_gb = listed(gb, school), in_zb = listed(zb, school);
    size_t ngb = gb ? gb->n_strings : 0, nzb = zb ? zb->n_strings : 0;

    if (!in_gb && !in_zb)
        ZJ_REASON(b, "GTPY.ZHIYUAN.IN_PLAN", ZJ_UNMET, rs_schools,
                  ("第 %d 个志愿：%s 不是 %d 年贯通培养招生学校（高本贯通 %zu 所、中本贯通 %zu 所）",
                   pos, school, year, ngb, nzb),
                  ("choice %d: %s is not one of the schools recruiting for 贯通 in %d (%zu for 高本贯通, "
                   "%zu for 中本贯通)", pos, school, year, ngb, nzb));
    else if ((!in_gb || listed(full, "高本贯通")) && (!in_zb || listed(full, "中本贯通")))
        ZJ_REASON(b, "GTPY.ZHIYUAN.IN_PLAN", ZJ_UNMET, rs_schools,
                  ("第 %d 个志愿：%s“%s”专业不在 %d 年%s招生计划中（该计划已完整公布）",
                   pos, school, major, year, in_zb ? "中本贯通" : "高本贯通"),
                  ("choice %d: %s / %s is not in the %d %s enrolment plan, which is published in full",
                   pos, school, major, year, in_zb ? "中本贯通" : "高本贯通"));
    else
        ZJ_REASON(b, "GTPY.ZHIYUAN.IN_PLAN", ZJ_UNKNOWN, rs_schools,
                  ("第 %d 个志愿：%s 是 %d 年%s招生学校，但其各专业招生计划未在种子文件中公布，无法核对“%s”专业",
                   pos, school, year, in_gb ? "高本贯通" : "中本贯通", major),
                  ("choice %d: %s recruits for %s in %d, but its per-major plan is not published in the "
                   "sources: cannot check the major %s", pos, school, in_gb ? "高本贯通" : "中本贯通", year,
                   major));
}

/* Returns 0 when the year has no plan table at all (one reason added). */
static int check_pair(const zj__check_ctx *ctx, zj__dbuild *b, const zj__rule *plan, int pos,
                      const char *school, const char *major, int complete)
{
    const zj__param *progs = zj__param_at(ctx->rules, ZJ_P_ZHIYUAN_PLAN_PROGRAMMES);
    int year = ctx->rules->info.year;
    zj_plan_entry local[LOOKUP_BUF], *ent = local;
    size_t found = 0, i;
    zj_error err;
    zj_code rc;
    const zj_plan_entry *hit = NULL;
    char dz[256], de[256];

    zj_error_clear(&err);
    rc = zj_plan_lookup(ctx->data, year, school, major, local, LOOKUP_BUF, &found, &err);
    if (rc == ZJ_ERR_NOT_FOUND) {
        ZJ_REASON(b, "GTPY.ZHIYUAN.IN_PLAN", ZJ_UNKNOWN, plan,
                  ("没有 %d 年的贯通培养招生计划表，无法核对所填专业是否在招生计划中", year),
                  ("there is no 贯通 enrolment plan table for %d: cannot check that the majors are "
                   "in the plan", year));
        return 0;
    }
    if (rc == ZJ_OK && found > LOOKUP_BUF) {
        ent = malloc(found * sizeof *ent);
        if (!ent)
            rc = ZJ_ERR_NOMEM;
        else
            rc = zj_plan_lookup(ctx->data, year, school, major, ent, found, &found, &err);
    }
    if (rc != ZJ_OK) {
        ZJ_REASON(b, "GTPY.ZHIYUAN.IN_PLAN", ZJ_UNKNOWN, plan,
                  ("第 %d 个志愿：无法查询 %s“%s”专业的招生计划（%s）", pos, school, major, err.message_zh),
                  ("choice %d: could not look up %s / %s in the plan (%s)",
                   pos, school, major, err.message_zh));
        if (ent != local)
            free(ent);
        return 1;
    }
    for (i = 0; i < found && !hit; i++)
        if (wanted(progs, ent[i].programme))
            hit = &ent[i];
    if (hit) {
        describe(hit, dz, sizeof dz, de, sizeof de);
        ZJ_REASON(b, "GTPY.ZHIYUAN.IN_PLAN", ZJ_MET, plan,
                  ("第 %d 个志愿：%s“%s”专业在 %d 年贯通培养招生计划中%s", pos, school, major, year, dz),
                  ("choice %d: %s / %s is in the %d 贯通 enrolment plan%s",
                   pos, school, major, year, de));
    } else if (complete) {
        ZJ_REASON(b, "GTPY.ZHIYUAN.IN_PLAN", ZJ_UNMET, plan,
                  ("第 %d 个志愿：%s“%s”专业不在 %d 年贯通培养招生计划中", pos, school, major, year),
                  ("choice %d: %s / %s is not in the %d 贯通 enrolment plan",
                   pos, school, major, year));
    } else {
        not_found(ctx, b, pos, school, major);
    }
    if (ent != local)
        free(ent);
    return 1;
}

static void eval(const zj__check_ctx *ctx, zj__dbuild *b)
{
    const zj__arg *batch = ZJ_ARG(ctx, F_BATCH);
    const char *text = ZJ_ARG(ctx, F_CHOICES)->text;
    const zj__rule *lim = batch->present ? zj__rule_at(ctx->rules, batch->choice == 0 ? ZJ_R_ZHIYUAN_ADVANCE
                                                                                : ZJ_R_ZHIYUAN_UNIFIED)
                                        : NULL;
    const zj__rule *plan = zj__rule_at(ctx->rules, ZJ_R_ZHIYUAN_PLAN);
    const char *bz = batch->present ? batch_zh[batch->choice] : "";
    const char *be = batch->present ? (batch->choice == 0 ? "advance (提前招生)" : "unified (统一招生)") : "";
    size_t len = strlen(text);
    choice ch[MAX_CHOICES];
    char *buf;
    int n = 0, i, j, empties = 0, over = 0, complete, have_plan = 1;
    int adv = batch->present && batch->choice == 0;
    double max_c = zj__param_num(ctx->rules, adv ? ZJ_P_ZHIYUAN_ADVANCE_MAX_CHOICES : ZJ_P_ZHIYUAN_UNIFIED_MAX_CHOICES);
    double max_m = zj__param_num(ctx->rules, adv ? ZJ_P_ZHIYUAN_ADVANCE_MAX_MAJORS : ZJ_P_ZHIYUAN_UNIFIED_MAX_MAJORS);

    if (len >= MAX_TEXT) {
        ZJ_INPUT_ERROR(b, "INPUT.OUT_OF_RANGE",
                       ("志愿表过长（%zu 字节，最多 %d 字节）", len, MAX_TEXT - 1),
                       ("the form is too long (%zu bytes, at most %d)", len, MAX_TEXT - 1));
        return;
    }
    buf = malloc(len + 1);
    if (!buf) {
        ZJ_REASON(b, "GTPY.ZHIYUAN.FORM", ZJ_UNKNOWN, NULL,
                  ("内存不足，无法检查志愿表"),
                  ("out of memory: the form could not be checked"));
        return;
    }
    memcpy(buf, text, len + 1);
    if (!parse_form(b, buf, ch, &n)) {
        free(buf);
        return;
    }

    /* number of choices */
    if (!lim)
        ZJ_REASON(b, "GTPY.ZHIYUAN.MAX_CHOICES", ZJ_UNKNOWN, NULL,
                  ("未提供招生批次（batch：提前招生或统一招生），无法判定志愿数 %d 是否超过上限", n),
                  ("no batch given (batch: advance or unified): cannot tell whether %d choices are "
                   "within the limit", n));
    else if (n <= max_c)
        ZJ_REASON(b, "GTPY.ZHIYUAN.MAX_CHOICES", ZJ_MET, lim,
                  ("%s填报 %d 个志愿，未超过最多 %g 个", bz, n, max_c),
                  ("%s: %d choice(s), within the maximum of %g", be, n, max_c));
    else
        ZJ_REASON(b, "GTPY.ZHIYUAN.MAX_CHOICES", ZJ_UNMET, lim,
                  ("%s填报 %d 个志愿，超过最多 %g 个", bz, n, max_c),
                  ("%s: %d choices, more than the maximum of %g", be, n, max_c));

    /* empty choices */
    if (n == 0) {
        ZJ_REASON(b, "GTPY.ZHIYUAN.EMPTY_CHOICE", ZJ_UNMET, plan,
                  ("志愿表未填报任何志愿"),
                  ("the form has no choice"));
        empties = 1;
    }
    for (i = 0; i < n; i++) {
        if (!ch[i].school) {
            ZJ_REASON(b, "GTPY.ZHIYUAN.EMPTY_CHOICE", ZJ_UNMET, lim ? lim : plan,
                      ("第 %d 个志愿为空", i + 1),
                      ("choice %d is empty", i + 1));
            empties++;
        } else if (ch[i].n_majors == 0) {
            ZJ_REASON(b, "GTPY.ZHIYUAN.EMPTY_CHOICE", ZJ_UNMET, lim ? lim : plan,
                      ("第 %d 个志愿（%s）未填报专业", i + 1, ch[i].school),
                      ("choice %d (%s) names no major", i + 1, ch[i].school));
            empties++;
        }
    }
    if (!empties)
        ZJ_REASON(b, "GTPY.ZHIYUAN.EMPTY_CHOICE", ZJ_MET, lim ? lim : plan,
                  ("%d 个志愿均填报了学校和专业", n),
                  ("all %d choice(s) name a school and a major", n));

    /* majors per choice */
    if (!lim) {
        ZJ_REASON(b, "GTPY.ZHIYUAN.MAX_MAJORS", ZJ_UNKNOWN, NULL,
                  ("未提供招生批次（batch），无法判定每个志愿的专业数是否超过上限"),
                  ("no batch given (batch): cannot tell whether the majors per choice are within the limit"));
    } else {
        for (i = 0; i < n; i++)
            if (ch[i].n_majors > max_m) {
                ZJ_REASON(b, "GTPY.ZHIYUAN.MAX_MAJORS", ZJ_UNMET, lim,
                          ("%s第 %d 个志愿（%s）填报 %d 个专业，超过每个志愿最多 %g 个",
                           bz, i + 1, ch[i].school, ch[i].n_majors, max_m),
                          ("%s: choice %d (%s) names %d majors, more than the maximum of %g per choice",
                           be, i + 1, ch[i].school, ch[i].n_majors, max_m));
                over++;
            }
        if (!over)
            ZJ_REASON(b, "GTPY.ZHIYUAN.MAX_MAJORS", ZJ_MET, lim,
                      ("%s每个志愿填报的专业均不超过 %g 个", bz, max_m),
                      ("%s: no choice names more than %g major(s)", be, max_m));
    }

    /* every (school, major) in the year's plan */
    complete = zj_plan_year_complete(ctx->data, ctx->rules->info.year);
    for (i = 0; i < n && have_plan; i++)
        for (j = 0; j < ch[i].n_majors && have_plan; j++)
            have_plan = check_pair(ctx, b, plan, i + 1, ch[i].school, ch[i].majors[j], complete);

    free(buf);
    zj__db_conclude(b, "valid", "志愿有效", "valid form", "invalid", "志愿无效", "invalid form");
}

const zj__check_def zj__check_gtpy_zhiyuan = {
    { "gtpy.zhiyuan", "gtpy", "贯通培养志愿填报", "贯通 programme: is the 志愿 form valid?",
      "检查贯通培养志愿表：志愿数和每个志愿的专业数不超过该批次上限（如2024年提前招生8个志愿、每个1个专业，"
      "统一招生12个志愿、每个2个专业），没有空志愿，所填学校和专业在当年招生计划中。",
      "Checks a 贯通 志愿 form: the number of choices and of majors per choice within the batch's limits "
      "(2024: advance 8 choices × 1 major, unified 12 × 2), no empty choice, and every school and major in "
      "that year's enrolment plan.",
      sizeof fields / sizeof fields[0], fields },
    eval,
};
