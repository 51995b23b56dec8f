/* deadlines.c — the `deadline.*` rules of every rule file, with their
 * status on a given day (zhijiao/deadlines.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zhijiao/deadlines.h"
#include "zhijiao/parse.h"
#include "data_internal.h"
#include "error_internal.h"
#include "ruleset.h"

/* Days since 1970-01-01 of a valid Gregorian y-m-d. */
static long day_number(int y, int m, int d)
{
    long yy = y - (m <= 2), era = (yy >= 0 ? yy : yy - 399) / 400;
    long yoe = yy - era * 400, mp = (m + 9) % 12;
    long doy = (153 * mp + 2) / 5 + d - 1, doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

    return era * 146097 + doe - 719468;
}

/* "YYYY-MM-DD" at s (followed by `rest`): 1 and *day when it is a real day. */
static int parse_day(const char *s, long *day, const char **rest)
{
    static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int y, m, d, n = 0;

    if (strlen(s) < 10 || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10 ||
        s[4] != '-' || s[7] != '-' || y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 ||
        d > mdays[m - 1] || (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 || y % 400 == 0))))
        return 0;
    *day = day_number(y, m, d);
    *rest = s + 10;
    return 1;
}

/* "YYYY-MM-DD" or "YYYY-MM-DD HH:MM". */
static int parse_due(const char *s, long *day)
{
    const char *rest;
    int h, mi, n = 0;

    if (!parse_day(s, day, &rest))
        return 0;
    if (!*rest)
        return 1;
    return sscanf(rest, " %2d:%2d%n", &h, &mi, &n) == 2 && rest[n] == '\0' && rest[0] == ' ' &&
           h >= 0 && h < 24 && mi >= 0 && mi < 60;
}

static const char *pstr(const zj__rule *r, const char *key)
{
    const zj__param *p = zj__rule_param(r, key);
    return p && p->type == ZJ_PARAM_STRING && p->string[0] ? p->string : NULL;
}

/* The status of `dl` in both languages (the core words it once). */
static void word_status(zj_deadline *dl)
{
    const char *time = strlen(dl->due) > 10 ? dl->due + 11 : NULL;

    dl->status_zh[0] = dl->status_en[0] = '\0';
    if (dl->status == ZJ_DUE_UPCOMING) {
        snprintf(dl->status_zh, sizeof dl->status_zh, "还有 %ld 天", dl->days);
        snprintf(dl->status_en, sizeof dl->status_en, "due in %ld day(s)", dl->days);
    } else if (dl->status == ZJ_DUE_TODAY) {
        snprintf(dl->status_zh, sizeof dl->status_zh, time ? "今天 %s 截止" : "今天到期", time);
        snprintf(dl->status_en, sizeof dl->status_en, time ? "due today at %s" : "due today", time);
    } else if (dl->status == ZJ_DUE_PASSED) {
        snprintf(dl->status_zh, sizeof dl->status_zh, "已过期（%ld 天前截止）", -dl->days);
        snprintf(dl->status_en, sizeof dl->status_en, "passed (%ld day(s) ago)", -dl->days);
    }
}

static int by_due(const void *a, const void *b)
{
    const zj_deadline *x = a, *y = b;
    int c = strcmp(x->due, y->due);
    return c ? c : strcmp(x->id, y->id);
}

zj_code zj_deadlines(const zj_data *data, int year, const char *date, zj_deadline **out, size_t *n,
                     zj_error *err)
{
    long asked = 0;
    const char *rest = NULL;
    size_t i, j, cap = 0, k = 0;
    zj_deadline *list = NULL;

    if (!data || !out || !n)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "arguments", ("参数为空指针"), ("a required argument is NULL"));
    *out = NULL;
    *n = 0;
    if (year && zj_year_check((double)year, "year", &year, err) != ZJ_OK)
        return err ? err->code : ZJ_ERR_ARG;
    if (date && (!parse_day(date, &asked, &rest) || *rest))
        return ZJ_FAIL(err, ZJ_ERR_ARG, "date",
                       ("日期“%s”应为实际存在的日期 YYYY-MM-DD，如 2024-02-27", date),
                       ("the date \"%s\" must be a real day written YYYY-MM-DD, e.g. 2024-02-27", date));
    for (i = 0; i < data->n_rulesets; i++) {
        const zj__ruleset *rs = data->rulesets[i];
        if (year && rs->info.year != year)
            continue;
        for (j = 0; j < rs->n_rules; j++) {
            const zj__rule *r = &rs->rules[j];
            zj_deadline *dl;
            long due_day;

            if (strncmp(r->id, "deadline.", 9) != 0)
                continue;
            if (!pstr(r, "due") || !parse_due(pstr(r, "due"), &due_day) || !pstr(r, "what_zh") ||
                !pstr(r, "what_en")) {
                free(list);
                return ZJ_FAIL(err, ZJ_ERR_PARSE, rs->info.file,
                               ("规则 rules.%s 须有 params.due（YYYY-MM-DD 或 YYYY-MM-DD HH:MM）、what_zh 和 what_en",
                                r->id),
                               ("rule rules.%s needs params.due (YYYY-MM-DD or YYYY-MM-DD HH:MM), what_zh and "
                                "what_en", r->id));
            }
            if (k == cap) {
                zj_deadline *bigger = realloc(list, (cap = cap ? 2 * cap : 8) * sizeof *list);
                if (!bigger) {
                    free(list);
                    return ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL, ("内存不足"), ("out of memory"));
                }
                list = bigger;
            }
            dl = &list[k++];
            dl->jurisdiction = rs->info.jurisdiction;
            dl->programme = rs->info.programme;
            dl->year = rs->info.year;
            dl->id = r->id;
            dl->due = pstr(r, "due");
            dl->recurring = pstr(r, "recurring");
            dl->what_zh = pstr(r, "what_zh");
            dl->what_en = pstr(r, "what_en");
            dl->source = r->source;
            dl->days = date ? due_day - asked : 0;
            dl->status = !date ? ZJ_DUE_NO_DATE
                         : due_day > asked ? ZJ_DUE_UPCOMING
                         : due_day == asked ? ZJ_DUE_TODAY : ZJ_DUE_PASSED;
            word_status(dl);
        }
    }
    if (k)
        qsort(list, k, sizeof *list, by_due);
    *out = list;
    *n = k;
    return ZJ_OK;
}

void zj_deadlines_free(zj_deadline *list)
{
    free(list);
}
