/* plan_compare.c — two years' enrolment plans side by side: which
 * (programme, school, major) rows were added, removed or changed places,
 * and by exactly how many.  Counts are exact, so there is no interval.
 * A programme the other year does not list at all (the 2024 seeds give
 * the 中本贯通 plan only; "3+2" has no 2023 list) is unpublished there,
 * not removed or added: the seeds do not say. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "data_internal.h"
#include "error_internal.h"

static const char *const kind_names[ZJ_PLAN_CHANGE_KINDS] = {
    "same", "changed", "added", "removed", "not_published", "places_unknown"
};

const char *zj_plan_change_name(zj_plan_change_kind k)
{
    return (unsigned)k < ZJ_PLAN_CHANGE_KINDS ? kind_names[k] : "unknown";
}

/* All detail rows of a year (of one programme when asked), malloc'd. */
static zj_code year_rows(const zj_data *d, int year, const char *programme,
                         zj_plan_entry **out, size_t *n, zj_error *err)
{
    size_t found, i, k = 0;
    zj_plan_entry *e;
    zj_code rc;

    *out = NULL;
    *n = 0;
    if ((rc = zj_plan_lookup(d, year, NULL, NULL, NULL, 0, &found, err)) != ZJ_OK)
        return rc;
    e = malloc((found ? found : 1) * sizeof *e);
    if (!e)
        return ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL, ("内存不足"), ("out of memory"));
    if ((rc = zj_plan_lookup(d, year, NULL, NULL, e, found, &found, err)) != ZJ_OK) {
        free(e);
        return rc;
    }
    for (i = 0; i < found; i++)
        if (!programme || !*programme || zj__plan_name_eq(e[i].programme, programme))
            e[k++] = e[i];
    *out = e;
    *n = k;
    return ZJ_OK;
}

static int lists_programme(const zj_plan_entry *e, size_t n, const char *programme)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (zj__plan_name_eq(e[i].programme, programme))
            return 1;
    return 0;
}

static int same_key(const zj_plan_entry *a, const zj_plan_entry *b)
{
    return zj__plan_name_eq(a->programme, b->programme) &&
           zj__plan_name_eq(a->school, b->school) && zj__plan_name_eq(a->major, b->major);
}

static void side(zj_plan_change *c, const zj_plan_entry *e, int second)
{
    c->programme = e->programme;
    c->school = e->school;
    c->major = e->major;
    if (second) {
        c->partner2 = e->partner;
        c->places2 = e->places;
        c->line2 = e->line;
        c->table2 = e->table;
    } else {
        c->partner1 = e->partner;
        c->places1 = e->places;
        c->line1 = e->line;
        c->table1 = e->table;
    }
}

static void init_change(zj_plan_change *c)
{
    memset(c, 0, sizeof *c);
    c->places1 = c->places2 = c->change = NAN;
}

zj_code zj_plan_compare(const zj_data *d, int year1, int year2, const char *programme,
                        zj_plan_comparison *out, zj_error *err)
{
    zj_plan_entry *a = NULL, *b = NULL;
    size_t na, nb, i, j, k = 0;
    char *used = NULL;
    zj_code rc;

    if (!d || !out)
        return ZJ_FAIL(err, ZJ_ERR_ARG, !d ? "argument data" : "argument out",
                       ("data 与 out 不能为 NULL"), ("data and out must not be NULL"));
    memset(out, 0, sizeof *out);
    out->year1 = year1;
    out->year2 = year2;
    if ((rc = year_rows(d, year1, programme, &a, &na, err)) != ZJ_OK ||
        (rc = year_rows(d, year2, programme, &b, &nb, err)) != ZJ_OK)
        goto done;
    out->rows = malloc((na + nb ? na + nb : 1) * sizeof *out->rows);
    used = calloc(nb ? nb : 1, 1);
    if (!out->rows || !used) {
        rc = ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL, ("内存不足"), ("out of memory"));
        goto done;
    }
    for (i = 0; i < na; i++) {
        zj_plan_change *c = &out->rows[k++];

        init_change(c);
        side(c, &a[i], 0);
        for (j = 0; j < nb; j++)
            if (!used[j] && same_key(&a[i], &b[j]))
                break;
        if (j < nb) {
            used[j] = 1;
            side(c, &b[j], 1);
            c->change = c->places2 - c->places1;
            c->kind = isnan(c->change) ? ZJ_PLAN_PLACES_UNKNOWN
                    : c->change == 0 ? ZJ_PLAN_SAME : ZJ_PLAN_CHANGED;
        } else {
            c->kind = !lists_programme(b, nb, a[i].programme)
                    ? ZJ_PLAN_NOT_PUBLISHED : ZJ_PLAN_REMOVED;
        }
    }
    for (j = 0; j < nb; j++) {
        zj_plan_change *c;

        if (used[j])
            continue;
        c = &out->rows[k++];
        init_change(c);
        side(c, &b[j], 1);
        c->kind = !lists_programme(a, na, b[j].programme)
                ? ZJ_PLAN_NOT_PUBLISHED : ZJ_PLAN_ADDED;
    }
    out->count = k;
    for (i = 0; i < k; i++)
        out->counts[out->rows[i].kind]++;
    rc = ZJ_OK;
done:
    free(a);
    free(b);
    free(used);
    if (rc != ZJ_OK) {
        free(out->rows);
        out->rows = NULL;
        out->count = 0;
    }
    return rc;
}

void zj_plan_comparison_free(zj_plan_comparison *c)
{
    if (!c)
        return;
    free(c->rows);
    c->rows = NULL;
    c->count = 0;
}
