/* plan_lookup.c — finding rows of the enrolment plans and project lists. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "zhijiao/text.h"
#include "data_internal.h"
#include "error_internal.h"
#include "utf8.h"
#include "zhijiao/parse.h"

/* Next character of s for name comparison: full-width brackets, as typed
 * with a Chinese IME, count as their ASCII forms, so "园林技术（风景园林）"
 * finds the plan's "园林技术(风景园林)".  Returns the byte to compare and
 * advances *s. */
static int name_char(const char **s)
{
    const unsigned char *u = (const unsigned char *)*s;

    if (u[0] == 0xEF && u[1] == 0xBC && (u[2] == 0x88 || u[2] == 0x89)) {
        *s += 3;
        return u[2] == 0x88 ? '(' : ')';
    }
    *s += 1;
    return u[0];
}

/* Plan names are equal after trimming and bracket folding. */
static int name_eq(const char *a, const char *b)
{
    size_t la, lb;
    const char *ea, *eb;

    a = zj__trim(a, &la);
    b = zj__trim(b, &lb);
    ea = a + la;
    eb = b + lb;
    while (a < ea && b < eb)
        if (name_char(&a) != name_char(&b))
            return 0;
    return a == ea && b == eb;
}

int zj__plan_name_eq(const char *a, const char *b)
{
    return name_eq(a, b);
}

static int row_year(const zj_table *t, size_t row)
{
    const char *y = zj__table_get(t, row, "year");

    return y ? atoi(y) : 0;
}

zj_code zj_plan_lookup(const zj_data *d, int year, const char *school, const char *major,
                       zj_plan_entry *out, size_t max, size_t *found, zj_error *err)
{
    size_t ti, r, n = 0;
    int any_table = 0;

    int y;
    zj_code rc;

    if (!d || !found)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "arguments",
                       ("参数为空指针"),
                       ("a required argument is NULL"));
    *found = 0;
    /* The same years as every surface accepts (zhijiao/parse.h). */
    if ((rc = zj_year_check((double)year, "year", &y, err)) != ZJ_OK)
        return rc;
    for (ti = 0; ti < d->n_tables; ti++) {
        const zj_table *t = d->tables[ti];

        if (strcmp(t->kind, "plan") != 0)
            continue;
        for (r = 0; r < t->rows; r++) {
            if (row_year(t, r) != year)
                continue;
            any_table = 1;
            if (strcmp(zj__table_get(t, r, "row_kind"), "detail") != 0)
                continue;
            if (school && *school && !name_eq(zj__table_get(t, r, "school"), school))
                continue;
            if (major && *major && !name_eq(zj__table_get(t, r, "major"), major))
                continue;
            if (out && n < max) {
                zj_plan_entry *e = &out[n];

                e->year = year;
                e->programme = zj__table_get(t, r, "programme");
                e->school = zj__table_get(t, r, "school");
                e->major = zj__table_get(t, r, "major");
                e->major_code = zj__table_get(t, r, "major_code");
                e->partner = zj__table_get(t, r, "partner");
                e->partner_major = zj__table_get(t, r, "partner_major");
                e->places = zj__cell_number(zj__table_get(t, r, "places"));
                e->table = t->name;
                e->line = t->lines[r];
            }
            n++;
        }
    }
    *found = n;
    if (!any_table)
        return ZJ_FAIL(err, ZJ_ERR_NOT_FOUND, "argument year",
                       ("没有 %d 年的招生计划表", year),
                       ("no enrolment plan table for %d", year));
    return ZJ_OK;
}

const char *zj_plan_suggest(const zj_data *d, int year, const char *column,
                            const char *given)
{
    const char **names = NULL, *near = NULL;
    size_t ti, r, n = 0, cap = 0;

    if (!d || !column || !given || !*given ||
        (strcmp(column, "school") != 0 && strcmp(column, "major") != 0))
        return NULL;
    for (ti = 0; ti < d->n_tables; ti++) {
        const zj_table *t = d->tables[ti];
        if (strcmp(t->kind, "plan") != 0)
            continue;
        for (r = 0; r < t->rows; r++) {
            const char *v;
            if (row_year(t, r) != year ||
                strcmp(zj__table_get(t, r, "row_kind"), "detail") != 0)
                continue;
            v = zj__table_get(t, r, column);
            if (!v || !*v || (n > 0 && strcmp(names[n - 1], v) == 0))
                continue;   /* consecutive repeats: plans are grouped */
            if (n == cap) {
                size_t nc = cap ? 2 * cap : 64;
                const char **p = realloc(names, nc * sizeof *p);
                if (!p) {
                    free(names);
                    return NULL;
                }
                names = p;
                cap = nc;
            }
            names[n++] = v;
        }
    }
    near = zj_suggest(given, names, n);
    free(names);
    return near;
}
