/* audit_components.c — parts that a report says add up to a total
 * (应届 6815 + 三年内 11191 against 毕业生 17520), or items listed against
 * the count stated for them ("共 75 个"). */
#include <math.h>
#include <string.h>

#include "zhijiao/audit.h"
#include "error_internal.h"
#include "findings_internal.h"
#include "strbuf.h"
#include "utf8.h"

/* Messages list this many parts, then "…". */
#define LIST_MAX 12

static zj_code check_args(const char *table, const char *column,
                          const char *const *labels, const double *parts,
                          size_t n_parts, double stated_total,
                          zj_findings *out, zj_error *err)
{
    size_t i;
    zj_code rc = zj__audit_check_names(table, column, out, err);

    if (rc)
        return rc;
    if (n_parts && !parts)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument parts",
                       ("parts 不能为 NULL（共 %zu 个部分）", n_parts),
                       ("parts must not be NULL (%zu parts)", n_parts));
    if (isinf(stated_total))
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument stated_total",
                       ("stated_total 为无穷大"),
                       ("stated_total is infinite"));
    for (i = 0; i < n_parts; i++) {
        if (isinf(parts[i]))
            return ZJ_FAIL(err, ZJ_ERR_ARG, "argument parts",
                           ("parts[%zu] 为无穷大", i),
                           ("parts[%zu] is infinite", i));
        if (labels && labels[i] &&
            !zj__utf8_valid(labels[i], strlen(labels[i]), NULL))
            return ZJ_FAIL(err, ZJ_ERR_ARG, "argument labels",
                           ("labels[%zu] 不是 UTF-8 文本", i),
                           ("labels[%zu] is not UTF-8 text", i));
    }
    return ZJ_OK;
}

static const char *label_of(const char *const *labels, size_t i)
{
    return labels && labels[i] && *labels[i] ? labels[i] : NULL;
}

/* "应届 6815 + 三年内 11191", or "6815 + 11191" without labels. */
static void list_parts(zj__strbuf *zh, zj__strbuf *en,
                       const char *const *labels, const double *parts,
                       size_t n)
{
    char num[ZJ_AUDIT_NUM_MAX];
    size_t i;

    for (i = 0; i < n && i < LIST_MAX; i++) {
        const char *l = label_of(labels, i);

        if (i) {
            zj__strbuf_puts(zh, " + ");
            zj__strbuf_puts(en, " + ");
        }
        if (l) {
            zj__strbuf_printf(zh, "%s ", l);
            zj__strbuf_printf(en, "%s ", l);
        }
        if (isnan(parts[i])) {
            zj__strbuf_puts(zh, "缺失");
            zj__strbuf_puts(en, "missing");
        } else {
            zj__audit_num(parts[i], num, sizeof num);
            zj__strbuf_puts(zh, num);
            zj__strbuf_puts(en, num);
        }
    }
    if (n > LIST_MAX) {
        zj__strbuf_printf(zh, " + …（共 %zu 项）", n);
        zj__strbuf_printf(en, " + ... (%zu parts)", n);
    }
}

/* "应届" / "应届", or "第 2 项" / "part 2". */
static void name_part(zj__strbuf *zh, zj__strbuf *en,
                      const char *const *labels, size_t i)
{
    const char *l = label_of(labels, i);

    if (l) {
        zj__strbuf_puts(zh, l);
        zj__strbuf_puts(en, l);
    } else {
        zj__strbuf_printf(zh, "第 %zu 项", i + 1);
        zj__strbuf_printf(en, "part %zu", i + 1);
    }
}

/* Items listed one by one (every part is 1) against a stated count are a
 * count, and a mismatch is a COUNT_MISMATCH rather than a sum's. */
static int is_count(const double *parts, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (parts[i] != 1.0)
            return 0;
    return n > 0;
}

zj_code zj_audit_components(const char *table, const char *column,
                            size_t row, const char *const *labels,
                            const double *parts, size_t n_parts,
                            double stated_total, zj_findings *out,
                            zj_error *err)
{
    zj__strbuf zh = ZJ_STRBUF_INIT, en = ZJ_STRBUF_INIT;
    char s1[ZJ_AUDIT_NUM_MAX], s2[ZJ_AUDIT_NUM_MAX];
    size_t i, missing = 0, miss = 0;
    double sum = 0, implied;
    zj_finding_kind kind;
    zj_code rc = check_args(table, column, labels, parts, n_parts,
                            stated_total, out, err);

    if (rc)
        return rc;
    for (i = 0; i < n_parts; i++) {
        if (isnan(parts[i])) {
            missing++;
            miss = i;
        } else {
            sum += parts[i];
        }
    }
    zj__audit_msg_start(&zh, &en, table, row, column);
    if (isnan(stated_total)) {
        if (missing) {
            zj__strbuf_printf(&zh, "所述总数缺失，%zu 个部分中也有 %zu 个缺失，无法核对",
                             n_parts, missing);
            zj__strbuf_printf(&en, "the stated total is missing, and so are "
                             "%zu of the %zu parts, so nothing can be checked",
                             missing, n_parts);
        } else {
            zj__strbuf_puts(&zh, "所述总数缺失；各部分（");
            zj__strbuf_puts(&en, "the stated total is missing; the parts (");
            list_parts(&zh, &en, labels, parts, n_parts);
            zj__audit_num(sum, s1, sizeof s1);
            zj__strbuf_printf(&zh, "）合计为 %s", s1);
            zj__strbuf_printf(&en, ") add up to %s", s1);
        }
        return zj__findings_add_msg(out, ZJ_FIND_UNRESOLVED, table, row,
                                   column, missing ? NAN : sum, NAN, &zh,
                                   &en, err);
    }
    zj__audit_num(stated_total, s2, sizeof s2);
    if (missing == 1) {
        implied = stated_total - sum;
        zj__audit_num(implied, s1, sizeof s1);
        name_part(&zh, &en, labels, miss);
        zj__strbuf_printf(&zh, "缺失；由总数 %s 推得应为 %s", s2, s1);
        zj__strbuf_printf(&en, " is missing; the total %s implies %s", s2, s1);
        return zj__findings_add_msg(out, ZJ_FIND_DERIVED, table, row, column,
                                   implied, NAN, &zh, &en, err);
    }
    if (missing > 1) {
        zj__strbuf_printf(&zh, "%zu 个部分缺失（", missing);
        zj__strbuf_printf(&en, "%zu parts are missing (", missing);
        list_parts(&zh, &en, labels, parts, n_parts);
        zj__strbuf_printf(&zh, "），无法核对总数 %s", s2);
        zj__strbuf_printf(&en, "), so the total %s cannot be checked", s2);
        return zj__findings_add_msg(out, ZJ_FIND_UNRESOLVED, table, row,
                                   column, NAN, stated_total, &zh, &en, err);
    }
    if (zj__audit_agree(sum, stated_total)) {
        zj__strbuf_free(&zh);
        zj__strbuf_free(&en);
        return ZJ_OK;
    }
    if (is_count(parts, n_parts)) {
        kind = ZJ_FIND_COUNT_MISMATCH;
        zj__strbuf_printf(&zh, "列出 %zu 项，所述数目为 %s", n_parts, s2);
        zj__strbuf_printf(&en, "%zu items are listed, the stated number is %s",
                         n_parts, s2);
    } else {
        kind = ZJ_FIND_SUM_MISMATCH;
        zj__audit_num(sum, s1, sizeof s1);
        zj__strbuf_puts(&zh, "各部分（");
        zj__strbuf_puts(&en, "the parts (");
        list_parts(&zh, &en, labels, parts, n_parts);
        zj__strbuf_printf(&zh, "）合计 %s，所述总数为 %s", s1, s2);
        zj__strbuf_printf(&en, ") add up to %s, the stated total is %s", s1,
                         s2);
    }
    return zj__findings_add_msg(out, kind, table, row, column, sum,
                               stated_total, &zh, &en, err);
}
