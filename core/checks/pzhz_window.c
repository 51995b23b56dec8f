/* pzhz_window.c — is the 普职互转 (general/vocational transfer) window open?
 *
 * The windows are data: each direction's rule lists them as "g<grade>-<term>"
 * (the end of that grade's term), e.g. Shandong's 中职→普高 ["g1-1", "g1-2"].
 * A jurisdiction whose sources establish transfers without stating windows
 * (Guangzhou's 条例) has windows_known = false, and the answer is
 * undetermined — the check never guesses a window. */
#include <stdio.h>
#include <string.h>

#include "check_internal.h"

enum { F_DIR = 2, F_GRADE, F_TERM };

static const char *const dir_ids[] = { "zhongzhi_to_putong", "putong_to_zhongzhi", NULL };
static const char *const dir_zh[] = { "中职转普高", "普高转中职", NULL };
static const char *const grade_ids[] = { "g1", "g2", "g3", NULL };
static const char *const grade_zh[] = { "高一", "高二", "高三", NULL };

static const zj_field_info fields[] = {
    ZJ_FIELDS_JURISDICTION_YEAR,
    { "direction", "转学方向", ZJ_FIELD_CHOICE, 1,
      "转学方向：中职转普高（zhongzhi_to_putong）或普高转中职（putong_to_zhongzhi）",
      "direction: zhongzhi_to_putong (vocational → general high school) or putong_to_zhongzhi",
      dir_ids, dir_zh },
    { "grade", "年级", ZJ_FIELD_CHOICE, 1,
      "拟转学时所在年级：高一（g1）、高二（g2）、高三（g3）",
      "grade at the time of the transfer: g1 (高一, 10th), g2 (高二), g3 (高三)",
      grade_ids, grade_zh },
    { "term", "学期", ZJ_FIELD_INTEGER, 1,
      "在该学期末转学：1（第一学期）或 2（第二学期）",
      "the transfer happens at the end of this term: 1 or 2", NULL, NULL },
};

static const char *const grade_en[] = { "grade 10 (高一)", "grade 11 (高二)", "grade 12 (高三)" };

/* "g1-2" → grade 0-based and term; 0 when the entry is not of that form. */
static int parse_window(const char *w, int *grade, int *term)
{
    if (!w || w[0] != 'g' || w[1] < '1' || w[1] > '3' || w[2] != '-' ||
        (w[3] != '1' && w[3] != '2') || w[4] != '\0')
        return 0;
    *grade = w[1] - '1';
    *term = w[3] - '0';
    return 1;
}

static void list_windows(const zj__param *p, char *zh, size_t zs, char *en, size_t es)
{
    size_t i, lz = 0, le = 0;

    zh[0] = en[0] = '\0';
    for (i = 0; p && i < p->n_strings; i++) {
        int g, t, k;

        if (!parse_window(p->strings[i], &g, &t))
            continue;
        if (lz < zs) {
            k = snprintf(zh + lz, zs - lz, "%s%s第%s学期末", lz ? "、" : "", grade_zh[g],
                         t == 1 ? "一" : "二");
            lz += k > 0 ? (size_t)k : 0;
        }
        if (le < es) {
            k = snprintf(en + le, es - le, "%sthe end of %s term %d", le ? ", " : "", grade_en[g], t);
            le += k > 0 ? (size_t)k : 0;
        }
    }
    if (!zh[0])
        snprintf(zh, zs, "（无）");
    if (!en[0])
        snprintf(en, es, "(none)");
}

static void eval(const zj__check_ctx *ctx, zj__dbuild *b)
{
    int dir = ZJ_ARG(ctx, F_DIR)->choice, grade = ZJ_ARG(ctx, F_GRADE)->choice;
    long term = ZJ_ARG(ctx, F_TERM)->integer;
    const zj__rule *r = zj__rule_at(ctx->rules, dir == 0 ? ZJ_R_WINDOW_ZHONGZHI_TO_PUTONG
                                                       : ZJ_R_WINDOW_PUTONG_TO_ZHONGZHI);
    const zj__param *wins = zj__param_at(ctx->rules, dir == 0 ? ZJ_P_WINDOW_ZHONGZHI_TO_PUTONG_WINDOWS
                                                             : ZJ_P_WINDOW_PUTONG_TO_ZHONGZHI_WINDOWS);
    const char *dz = dir_zh[dir], *de = dir == 0 ? "vocational → general high school (中职转普高)"
                                                 : "general → vocational high school (普高转中职)";
    const char *jz = ctx->rules->info.jurisdiction_zh, *je = ctx->rules->jurisdiction_en;
    const char *tz = term == 1 ? "一" : "二", *te = term == 1 ? "1" : "2";
    char key[32], lz[256], le[256];
    size_t i;
    int open = 0;

    if (term != 1 && term != 2) {
        ZJ_INPUT_ERROR(b, "INPUT.OUT_OF_RANGE",
                       ("学期应为 1 或 2，实际为 %ld", term),
                       ("term must be 1 or 2, got %ld", term));
        return;
    }
    if (!zj__param_bool(ctx->rules, dir == 0 ? ZJ_P_WINDOW_ZHONGZHI_TO_PUTONG_KNOWN
                                            : ZJ_P_WINDOW_PUTONG_TO_ZHONGZHI_KNOWN)) {
        ZJ_REASON(b, "PZHZ.WINDOWS_UNKNOWN", ZJ_UNKNOWN, r,
                  ("%s已确立中职与普高学籍互转，但所据文件未规定%s的转学时间（年级、学期），"
                   "无法判定%s第%s学期末能否转学", jz, dz, grade_zh[grade], tz),
                  ("%s establishes transfers of student status (学籍) between vocational and general high schools, but the "
                   "sources state no windows (grade, term) for %s; cannot tell whether a transfer at "
                   "the end of %s term %s is possible",
                   je, de, grade_en[grade], te));
        zj__db_outcome(b, -1, "undetermined", "无法判定", "undetermined");
        return;
    }
    snprintf(key, sizeof key, "g%d-%ld", grade + 1, term);
    for (i = 0; wins && i < wins->n_strings; i++)
        if (strcmp(wins->strings[i], key) == 0)
            open = 1;
    list_windows(wins, lz, sizeof lz, le, sizeof le);
    if (open) {
        ZJ_REASON(b, "PZHZ.WINDOW", ZJ_MET, r,
                  ("%s%s可在%s第%s学期末转学（可转学时间：%s）", jz, dz, grade_zh[grade], tz, lz),
                  ("%s: %s is possible at the end of %s term %s (windows: %s)",
                   je, de, grade_en[grade], te, le));
        zj__db_outcome(b, 1, "window_open", "在可转学时间内", "window open");
    } else {
        ZJ_REASON(b, "PZHZ.WINDOW", ZJ_UNMET, r,
                  ("%s%s不能在%s第%s学期末转学（可转学时间仅为：%s）", jz, dz, grade_zh[grade], tz, lz),
                  ("%s: %s is not possible at the end of %s term %s (windows: only %s)",
                   je, de, grade_en[grade], te, le));
        zj__db_outcome(b, 0, "window_closed", "不在可转学时间内", "window closed");
    }
}

const zj__check_def zj__check_pzhz_window = {
    { "pzhz.window", "pzhz", "普职互转时间窗口", "普职互转: is the transfer window open?",
      "判断中职与普通高中学生互转在给定年级、学期末是否在规定的转学时间内（如山东：中职转普高为高一第一、"
      "第二学期末，普高转中职为高一第一、第二学期末和高二第一学期末）。所据文件未规定时间的地区（广州）为无法判定。",
      "Whether a transfer between vocational (中职) and general (普高) high school at the end of the given "
      "grade and term falls in a window the rules allow (Shandong: 中职→普高 at the end of grade 10 term 1 "
      "or 2; 普高→中职 at the end of grade 10 term 1 or 2 or grade 11 term 1).  Where the sources state no "
      "windows (Guangzhou) the answer is undetermined.",
      sizeof fields / sizeof fields[0], fields },
    eval,
};
