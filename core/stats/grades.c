/* grades.c — counting monitoring grades and conclusions.
 *
 * The texts come from spreadsheets, so surrounding blanks are ignored
 * (zj__trim); anything else that is not on the scale is an error naming
 * the element, because a typo ("B十", "A +") must not vanish from a
 * distribution that is published. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "zhijiao/indicators.h"
#include "error_internal.h"
#include "utf8.h"

static const char *const grade_labels[ZJ_GRADE_SCALE_SIZE] = {
    "A+", "A", "A-", "B+", "B", "B-", "C+", "C", "C-"
};

/* Conclusion texts.  The seeds write the yellow card out in full, with a
 * full-width or an ASCII comma. */
static const char *const pass_texts[] = { "通过" };
static const char *const yellow_texts[] = {
    "黄牌", "黄牌，限期整改", "黄牌,限期整改"
};

#define COUNT_OF(a) (sizeof (a) / sizeof (a)[0])

const char *zj_grade_label(size_t index)
{
    return index < ZJ_GRADE_SCALE_SIZE ? grade_labels[index] : NULL;
}

/* The index of s[0 .. len) in `list`, or `count` when absent. */
static size_t find_text(const char *s, size_t len, const char *const *list,
                        size_t count)
{
    size_t i;

    for (i = 0; i < count; i++)
        if (strlen(list[i]) == len && memcmp(list[i], s, len) == 0)
            return i;
    return count;
}

/* The trimmed text of a cell; NULL for a missing one (NULL, "" or blank). */
static const char *cell_text(const char *cell, size_t *len)
{
    const char *s;

    if (!cell)
        return NULL;
    s = zj__trim(cell, len);
    return *len ? s : NULL;
}

static zj_code bad_grade(size_t i, const char *s, size_t len, zj_error *err)
{
    char where[64];
    int shown = zj__utf8_quotable(s, len);

    snprintf(where, sizeof where, "argument grades[%zu]", i);
    return ZJ_FAIL(err, ZJ_ERR_ARG, where,
                   ("grades[%zu] 的等级“%.*s”无法识别；应为 A+、A、A-、B+、"
                    "B、B-、C+、C、C- 之一，或留空表示缺失", i, shown, s),
                   ("grades[%zu] is \"%.*s\", which is not a grade; expected "
                    "one of A+, A, A-, B+, B, B-, C+, C, C-, or empty for "
                    "missing", i, shown, s));
}

static zj_code bad_conclusion(size_t i, const char *s, size_t len,
                              zj_error *err)
{
    char where[64];
    int shown = zj__utf8_quotable(s, len);

    snprintf(where, sizeof where, "argument conclusions[%zu]", i);
    return ZJ_FAIL(err, ZJ_ERR_ARG, where,
                   ("conclusions[%zu] 的结论“%.*s”无法识别；应为“通过”、"
                    "“黄牌”或“黄牌，限期整改”，或留空表示缺失", i, shown, s),
                   ("conclusions[%zu] is \"%.*s\", which is not a "
                    "conclusion; expected 通过 (pass), 黄牌 (yellow card) or "
                    "黄牌，限期整改, or empty for missing", i, shown, s));
}

/* Row i: adds its grade and conclusion; *present tells whether the row
 * had either. */
static zj_code count_row(const char *grade, const char *conclusion,
                         size_t i, zj_grade_distribution *d, int *present,
                         zj_error *err)
{
    size_t glen = 0, clen = 0, k;
    const char *g = cell_text(grade, &glen);
    const char *c = cell_text(conclusion, &clen);

    *present = g || c;
    if (g) {
        k = find_text(g, glen, grade_labels, ZJ_GRADE_SCALE_SIZE);
        if (k == ZJ_GRADE_SCALE_SIZE)
            return bad_grade(i, g, glen, err);
        d->counts[k]++;
    }
    if (c) {
        if (find_text(c, clen, pass_texts, COUNT_OF(pass_texts))
            < COUNT_OF(pass_texts))
            d->passed++;
        else if (find_text(c, clen, yellow_texts, COUNT_OF(yellow_texts))
                 < COUNT_OF(yellow_texts))
            d->yellow++;
        else
            return bad_conclusion(i, c, clen, err);
    }
    return ZJ_OK;
}

/* `missing` counts rows with neither a grade nor a conclusion, so with one
 * array absent (NULL: the table has no such column) it is simply the
 * rows where the other one is blank.  *out is written only on success. */
zj_code zj_grade_distribution_count(const char *const *grades,
                                    const char *const *conclusions,
                                    size_t count,
                                    zj_grade_distribution *out,
                                    zj_error *err)
{
    zj_grade_distribution d;
    zj_code rc;
    int present;
    size_t i;

    if (!out)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument out",
                       ("out 不能为 NULL"),
                       ("out must not be NULL"));
    if (count > 0 && !grades && !conclusions)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument grades",
                       ("grades 和 conclusions 不能同时为 NULL（count 为 %zu）", count),
                       ("grades and conclusions must not both be NULL "
                        "(count is %zu)", count));
    memset(&d, 0, sizeof d);
    for (i = 0; i < count; i++) {
        rc = count_row(grades ? grades[i] : NULL,
                       conclusions ? conclusions[i] : NULL, i, &d, &present,
                       err);
        if (rc != ZJ_OK)
            return rc;
        d.missing += !present;
    }
    d.total = count;
    d.pass_share = d.passed + d.yellow > 0
        ? (double)d.passed / (double)(d.passed + d.yellow) : NAN;
    *out = d;
    return ZJ_OK;
}
