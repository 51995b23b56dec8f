/* ruleset.c — reading a loaded rule set: its rules, their parameters, and
 * the names of its jurisdiction.  Loading is ruleset_load.c. */
#include <math.h>
#include <string.h>

#include "ruleset.h"
#include "utf8.h"

const zj__rule *zj__ruleset_rule(const zj__ruleset *rs, const char *id)
{
    size_t i;

    for (i = 0; i < rs->n_rules; i++)
        if (strcmp(rs->rules[i].id, id) == 0)
            return &rs->rules[i];
    return NULL;
}

const zj__param *zj__rule_param(const zj__rule *r, const char *key)
{
    size_t i;

    if (!r)
        return NULL;
    for (i = 0; i < r->n_params; i++)
        if (strcmp(r->params[i].key, key) == 0)
            return &r->params[i];
    return NULL;
}

const zj__rule *zj__rule_at(const zj__ruleset *rs, zj__rule_id id)
{
    return (unsigned)id < ZJ_R_COUNT ? rs->bound_rules[id] : NULL;
}

const zj__param *zj__param_at(const zj__ruleset *rs, zj__param_id id)
{
    return (unsigned)id < ZJ_P_COUNT ? rs->bound_params[id] : NULL;
}

double zj__param_num(const zj__ruleset *rs, zj__param_id id)
{
    const zj__param *p = zj__param_at(rs, id);

    return (p && p->type == ZJ_PARAM_NUMBER) ? p->number : NAN;
}

const char *zj__param_str(const zj__ruleset *rs, zj__param_id id)
{
    const zj__param *p = zj__param_at(rs, id);

    return (p && p->type == ZJ_PARAM_STRING) ? p->string : "";
}

int zj__param_bool(const zj__ruleset *rs, zj__param_id id)
{
    const zj__param *p = zj__param_at(rs, id);

    return (p && p->type == ZJ_PARAM_BOOL) ? p->boolean : 0;
}

int zj__ruleset_matches_jurisdiction(const zj__ruleset *rs, const char *text)
{
    size_t len, i;
    const char *t;
    char buf[128];

    if (!text)
        return 0;
    t = zj__trim(text, &len);
    if (len == 0 || len >= sizeof buf)
        return 0;
    memcpy(buf, t, len);
    buf[len] = '\0';
    if (zj__ascii_ieq(buf, rs->info.jurisdiction) || strcmp(buf, rs->info.jurisdiction_zh) == 0 ||
        zj__ascii_ieq(buf, rs->jurisdiction_en))
        return 1;
    for (i = 0; i < rs->n_aliases; i++)
        if (strcmp(buf, rs->aliases[i]) == 0 || zj__ascii_ieq(buf, rs->aliases[i]))
            return 1;
    return 0;
}
