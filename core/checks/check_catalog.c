/* check_catalog.c — the list of checks, and verifying rule files against it. */
#include <stdio.h>
#include <string.h>

#include "zhijiao/text.h"
#include "check_internal.h"
#include "error_internal.h"
#include "utf8.h"

/* The order is the order users see in `zhijiao checks`, the Calc function
 * list and the R documentation. */
static const zj__check_def *const catalog[] = {
    &zj__check_gtpy_admission,
    &zj__check_gtpy_zhiyuan,
    &zj__check_gtpy_transfer,
    &zj__check_gtpy_zhuanduan,
    &zj__check_gtpy_suspension,
    &zj__check_gtpy_exit,
    &zj__check_gtpy_xueji,
    &zj__check_gtpy_institution,
    &zj__check_3plus2_applications,
    &zj__check_3plus2_partner,
    &zj__check_3plus2_wuyi,
    &zj__check_3plus2_project,
    &zj__check_pzhz_window,
    &zj__check_majors_setting,
    &zj__check_majors_teaching_quality,
};

#define N_CHECKS (sizeof catalog / sizeof catalog[0])

size_t zj__check_def_count(void)
{
    return N_CHECKS;
}

const zj__check_def *zj__check_def_at(size_t i)
{
    return i < N_CHECKS ? catalog[i] : NULL;
}

const zj__check_def *zj__check_def_find(const char *name)
{
    size_t i;

    if (!name)
        return NULL;
    for (i = 0; i < N_CHECKS; i++)
        if (strcmp(catalog[i]->info.name, name) == 0)
            return catalog[i];
    return NULL;
}

size_t zj_check_count(void)
{
    return N_CHECKS;
}

const zj_check_info *zj_check_at(size_t i)
{
    return i < N_CHECKS ? &catalog[i]->info : NULL;
}

const zj_check_info *zj_check_find(const char *name)
{
    const zj__check_def *d = zj__check_def_find(name);

    return d ? &d->info : NULL;
}

const zj_check_info *zj_check_lookup(const char *name, zj_error *err)
{
    const zj_check_info *c = zj_check_find(name);
    char list[N_CHECKS * 48];
    const char *near;
    size_t i, len = 0;

    if (c)
        return c;
    list[0] = '\0';
    for (i = 0; i < N_CHECKS && len + 1 < sizeof list; i++) {
        int k = snprintf(list + len, sizeof list - len, "%s%s", i ? ", " : "",
                         catalog[i]->info.name);
        if (k < 0)
            break;
        len += (size_t)k;
    }
    if (!name)
        name = "(null)";
    if ((near = zj_check_suggest(name)) != NULL)
        ZJ_FAIL(err, ZJ_ERR_NOT_FOUND, "argument check",
                ("没有名为“%s”的检查，是不是“%s”？可选：%s", name, near, list),
                ("no check named '%s'; did you mean '%s'? The checks are: %s", name, near,
                 list));
    else
        ZJ_FAIL(err, ZJ_ERR_NOT_FOUND, "argument check",
                ("没有名为“%s”的检查；可选：%s", name, list),
                ("no check named '%s'; the checks are: %s", name, list));
    return NULL;
}

int zj_check_field_index(const zj_check_info *check, const char *name)
{
    size_t i, len;
    const char *t;
    char buf[128];

    if (!check || !name)
        return -1;
    t = zj__trim(name, &len);
    if (len == 0 || len >= sizeof buf)
        return -1;
    memcpy(buf, t, len);
    buf[len] = '\0';
    for (i = 0; i < check->n_fields; i++)
        if (zj__ascii_ieq(check->fields[i].name, buf) || strcmp(check->fields[i].name_zh, buf) == 0)
            return (int)i;
    return -1;
}

const char *zj_check_suggest(const char *name)
{
    const char *names[N_CHECKS] = {NULL};
    size_t i;

    for (i = 0; i < N_CHECKS; i++)
        names[i] = catalog[i]->info.name;
    return zj_suggest(name, names, N_CHECKS);
}

const char *zj_check_field_suggest(const zj_check_info *check, const char *name)
{
    const char *names[2 * 64] = {NULL};
    size_t i, n = 0;
    const char *best;

    if (!check)
        return NULL;
    /* Programmatic and Chinese names alike; the answer is the field's
     * programmatic name. */
    for (i = 0; i < check->n_fields && n + 2 <= sizeof names / sizeof names[0]; i++) {
        names[n++] = check->fields[i].name;
        names[n++] = check->fields[i].name_zh;
    }
    best = zj_suggest(name, names, n);
    for (i = 0; best && i < n; i++)
        if (names[i] == best)
            return check->fields[i / 2].name;
    return NULL;
}

const char *zj_field_type_name(zj_field_type t)
{
    switch (t) {
    case ZJ_FIELD_INTEGER: return "integer";
    case ZJ_FIELD_NUMBER: return "number";
    case ZJ_FIELD_BOOL: return "bool";
    case ZJ_FIELD_TEXT: return "text";
    case ZJ_FIELD_CHOICE: return "choice";
    }
    return "unknown";
}

const char *zj_met_name(zj_met m)
{
    return m == ZJ_MET ? "met" : m == ZJ_UNMET ? "unmet" : "unknown";
}

const char *zj_met_name_zh(zj_met m)
{
    return m == ZJ_MET ? "满足" : m == ZJ_UNMET ? "不满足" : "未知";
}
