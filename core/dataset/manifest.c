/* manifest.c — reading data/tables.json and the tables it lists.
 *
 * The manifest says, for each bundled table, its file, title, source,
 * exact column list and the audits that apply.  Everything is validated
 * here, at open time, so that audits and look-ups never meet a column that
 * does not exist. */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data_internal.h"
#include "error_internal.h"
#include "json_util.h"
#include "utf8.h"

static zj_code nomem(zj_error *err)
{
    return ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL,
                   ("内存不足"),
                   ("out of memory"));
}

static int has_col(const zj_table *t, const char *name)
{
    size_t i;

    for (i = 0; i < t->cols; i++)
        if (strcmp(t->col_names[i], name) == 0)
            return 1;
    return 0;
}

/* A string member naming a column of t. */
static zj_code col_member(const zj__jctx *c, const zj_table *t, json_t *spec,
                          const char *path, const char *key, int required)
{
    const char *name = NULL;
    zj_code rc = zj__json_string(c, spec, path, key, required, &name);

    if (rc || !name)
        return rc;
    if (!has_col(t, name))
        return zj__json_fail(c, path, key, "指向表中不存在的列", "names a column the table does not have");
    return ZJ_OK;
}

static zj_code where_member(const zj__jctx *c, const zj_table *t, json_t *spec, const char *path)
{
    json_t *w = NULL, *v;
    const char *col;
    zj_code rc = zj__json_object(c, spec, path, "where", 0, &w);

    if (rc || !w)
        return rc;
    json_object_foreach(w, col, v) {
        if (!has_col(t, col))
            return zj__json_fail(c, path, "where", "指向表中不存在的列", "names a column the table does not have");
        if (!json_is_string(v))
            return zj__json_fail(c, path, "where", "条件值应为字符串", "condition values must be strings");
    }
    return ZJ_OK;
}

static zj_code validate_audit(const zj__jctx *c, const zj_table *t, json_t *spec, const char *path)
{
    const char *type = NULL;
    json_t *arr;
    double num;
    long dec;
    size_t i;
    json_t *v;
    zj_code rc;

    if ((rc = zj__json_string(c, spec, path, "type", 1, &type)))
        return rc;
    if (strcmp(type, "sums") == 0) {
        static const char *const keys[] = { "type", "keys", "value", "kind_column", NULL };
        if ((rc = zj__json_only_keys(c, spec, path, keys)) ||
            (rc = zj__json_array(c, spec, path, "keys", 1, &arr)) ||
            (rc = col_member(c, t, spec, path, "value", 1)) ||
            (rc = col_member(c, t, spec, path, "kind_column", 0)))
            return rc;
        if (json_array_size(arr) == 0)
            return zj__json_fail(c, path, "keys", "至少需要一个键列", "needs at least one key column");
        json_array_foreach(arr, i, v)
            if (!json_is_string(v) || !has_col(t, json_string_value(v)))
                return zj__json_fail(c, path, "keys", "应为表中存在的列名", "must name columns of the table");
    } else if (strcmp(type, "count") == 0 || strcmp(type, "distinct") == 0) {
        static const char *const keys[] = { "type", "column", "where", "stated", "what_zh", "what_en", NULL };
        const char *s;
        if ((rc = zj__json_only_keys(c, spec, path, keys)) ||
            (rc = col_member(c, t, spec, path, "column", type[0] == 'd')) ||
            (rc = where_member(c, t, spec, path)) ||
            (rc = zj__json_number(c, spec, path, "stated", 1, &num)) ||
            (rc = zj__json_string(c, spec, path, "what_zh", 1, &s)) ||
            (rc = zj__json_string(c, spec, path, "what_en", 1, &s)))
            return rc;
    } else if (strcmp(type, "percentages") == 0) {
        static const char *const keys[] = { "type", "percent", "n", "decimals", NULL };
        if ((rc = zj__json_only_keys(c, spec, path, keys)) ||
            (rc = col_member(c, t, spec, path, "percent", 1)) ||
            (rc = col_member(c, t, spec, path, "n", 1)) ||
            (rc = zj__json_int(c, spec, path, "decimals", 1, &dec)))
            return rc;
        if (dec < 0 || dec > 6)
            return zj__json_fail(c, path, "decimals", "应在 0–6 之间", "must be between 0 and 6");
    } else if (strcmp(type, "percentage") == 0) {
        static const char *const keys[] = { "type", "key", "value", "percent_row", "n_row", "decimals", NULL };
        const char *s;
        if ((rc = zj__json_only_keys(c, spec, path, keys)) ||
            (rc = col_member(c, t, spec, path, "key", 1)) ||
            (rc = col_member(c, t, spec, path, "value", 1)) ||
            (rc = zj__json_string(c, spec, path, "percent_row", 1, &s)) ||
            (rc = zj__json_string(c, spec, path, "n_row", 1, &s)) ||
            (rc = zj__json_int(c, spec, path, "decimals", 1, &dec)))
            return rc;
        if (dec < 0 || dec > 6)
            return zj__json_fail(c, path, "decimals", "应在 0–6 之间", "must be between 0 and 6");
    } else if (strcmp(type, "components") == 0) {
        static const char *const keys[] = { "type", "key", "value", "total", "parts", NULL };
        const char *s;
        if ((rc = zj__json_only_keys(c, spec, path, keys)) ||
            (rc = col_member(c, t, spec, path, "key", 1)) ||
            (rc = col_member(c, t, spec, path, "value", 1)) ||
            (rc = zj__json_string(c, spec, path, "total", 1, &s)) ||
            (rc = zj__json_array(c, spec, path, "parts", 1, &arr)))
            return rc;
        if (json_array_size(arr) == 0)
            return zj__json_fail(c, path, "parts", "至少需要一个组成项", "needs at least one part");
        json_array_foreach(arr, i, v)
            if (!json_is_string(v))
                return zj__json_fail(c, path, "parts", "应为字符串数组", "must be an array of strings");
    } else if (strcmp(type, "weighted_mean") == 0 || strcmp(type, "parts_stated") == 0) {
        /* the report checked against itself: a stated rate against its parts
         * weighted by their counts; a total against parts that may not all be
         * stated */
        static const char *const wkeys[] = { "type", "key", "value", "weight", "total", "parts", "decimals",
                                             "what_zh", "what_en", NULL };
        static const char *const pkeys[] = { "type", "key", "value", "total", "parts", "what_zh", "what_en",
                                             NULL };
        int weighted = type[0] == 'w';
        const char *s;
        if ((rc = zj__json_only_keys(c, spec, path, weighted ? wkeys : pkeys)) ||
            (rc = col_member(c, t, spec, path, "key", 1)) ||
            (rc = col_member(c, t, spec, path, "value", 1)) ||
            (weighted && (rc = col_member(c, t, spec, path, "weight", 1))) ||
            (weighted && (rc = zj__json_int(c, spec, path, "decimals", 1, &dec))) ||
            (rc = zj__json_string(c, spec, path, "total", 1, &s)) ||
            (rc = zj__json_string(c, spec, path, "what_zh", 1, &s)) ||
            (rc = zj__json_string(c, spec, path, "what_en", 1, &s)) ||
            (rc = zj__json_array(c, spec, path, "parts", 1, &arr)))
            return rc;
        if (weighted && (dec < 0 || dec > 6))
            return zj__json_fail(c, path, "decimals", "应在 0–6 之间", "must be between 0 and 6");
        if (json_array_size(arr) == 0)
            return zj__json_fail(c, path, "parts", "至少需要一个组成项", "needs at least one part");
        json_array_foreach(arr, i, v)
            if (!json_is_string(v))
                return zj__json_fail(c, path, "parts", "应为字符串数组", "must be an array of strings");
    } else {
        return zj__json_fail(c, path, "type",
                            "未知的审核类型（可用：sums、count、distinct、percentages、percentage、components、"
                            "weighted_mean、parts_stated）",
                            "unknown audit type (known: sums, count, distinct, percentages, percentage, components, "
                            "weighted_mean, parts_stated)");
    }
    return ZJ_OK;
}

static zj_code copy_str(char **dst, const char *s, zj_error *err)
{
    if (!s)
        return ZJ_OK;
    *dst = zj__strdup(s);
    return *dst ? ZJ_OK : nomem(err);
}

/* A table's "design": kind (sample, census, finite), population (for
 * finite, a whole number), why_zh and why_en; at the top level also
 * "rows", overrides by the value of the table's id column. */
static zj_code validate_design(const zj__jctx *c, json_t *o, const char *parent, int top)
{
    static const char *const keys[] = { "kind", "population", "why_zh", "why_en", "rows", NULL };
    const char *kind = NULL, *s = NULL;
    char path[160], rpath[224];
    double pop = NAN;
    json_t *rows = NULL, *v;
    zj_design d;
    const char *id;
    zj_code rc;

    snprintf(path, sizeof path, top ? "%s.design" : "%s", parent);
    if ((rc = zj__json_only_keys(c, o, path, keys)) ||
        (rc = zj__json_string(c, o, path, "kind", 1, &kind)) ||
        (rc = zj__json_string(c, o, path, "why_zh", 1, &s)) ||
        (rc = zj__json_string(c, o, path, "why_en", 1, &s)) ||
        (rc = zj__json_number(c, o, path, "population", 0, &pop)) ||
        (rc = zj__json_object(c, o, path, "rows", 0, &rows)))
        return rc;
    if (zj_design_parse(kind, &d, NULL) != ZJ_OK)
        return zj__json_fail(c, path, "kind", "应为 sample、census 或 finite",
                            "must be sample, census or finite");
    if (d == ZJ_DESIGN_FINITE && !(pop >= 1 && pop == floor(pop)))
        return zj__json_fail(c, path, "population", "finite 须给出总体规模（正整数）",
                            "finite needs the population size (a positive whole number)");
    if (rows && !top)
        return zj__json_fail(c, path, "rows", "只能出现在表的 design 中",
                            "is allowed only in a table's design");
    if (rows)
        json_object_foreach(rows, id, v) {
            snprintf(rpath, sizeof rpath, "%s.rows.%s", path, id);
            if (!json_is_object(v))
                return zj__json_fail(c, rpath, NULL, "应为对象", "expected an object");
            if ((rc = validate_design(c, v, rpath, 0)))
                return rc;
        }
    return ZJ_OK;
}

static zj_code load_table(zj_data *d, const zj__jctx *c, json_t *spec, size_t idx, zj_table **out)
{
    static const char *const keys[] = { "name", "file", "kind", "title_zh", "title_en",
                                        "source", "columns", "audits", "design", NULL };
    static const char *const skeys[] = { "document", "clause", "date", "url", "title", NULL };
    const char *name = NULL, *file = NULL, *kind = NULL, *tzh = NULL, *ten = NULL;
    const char *doc = NULL, *clause = NULL, *date = NULL, *url = NULL, *title = NULL;
    json_t *src, *cols, *audits = NULL, *design = NULL, *v;
    char path[64], apath[96], *full = NULL;
    zj_table *t;
    size_t i;
    zj_code rc;

    snprintf(path, sizeof path, "tables[%zu]", idx);
    if (!json_is_object(spec))
        return zj__json_fail(c, "tables", NULL, "每个表项应为对象", "each table entry must be an object");
    if ((rc = zj__json_only_keys(c, spec, path, keys)) ||
        (rc = zj__json_string(c, spec, path, "name", 1, &name)) ||
        (rc = zj__json_string(c, spec, path, "file", 1, &file)) ||
        (rc = zj__json_string(c, spec, path, "kind", 1, &kind)) ||
        (rc = zj__json_string(c, spec, path, "title_zh", 1, &tzh)) ||
        (rc = zj__json_string(c, spec, path, "title_en", 1, &ten)) ||
        (rc = zj__json_object(c, spec, path, "source", 1, &src)) ||
        (rc = zj__json_only_keys(c, src, path, skeys)) ||
        (rc = zj__json_string(c, src, path, "document", 1, &doc)) ||
        (rc = zj__json_string(c, src, path, "clause", 0, &clause)) ||
        (rc = zj__json_string(c, src, path, "date", 0, &date)) ||
        (rc = zj__json_string(c, src, path, "url", 0, &url)) ||
        (rc = zj__json_string(c, src, path, "title", 0, &title)) ||
        (rc = zj__json_array(c, spec, path, "columns", 1, &cols)) ||
        (rc = zj__json_array(c, spec, path, "audits", 0, &audits)) ||
        (rc = zj__json_object(c, spec, path, "design", 0, &design)) ||
        (design && (rc = validate_design(c, design, path, 1))))
        return rc;
    if (strcmp(kind, "plan") && strcmp(kind, "list") && strcmp(kind, "indicators"))
        return zj__json_fail(c, path, "kind", "应为 plan、list 或 indicators",
                            "must be plan, list or indicators");
    if (strstr(file, "..") || file[0] == '/')
        return zj__json_fail(c, path, "file", "应为数据目录内的相对路径",
                            "must be a relative path inside the data directory");
    t = calloc(1, sizeof *t);
    if (!t)
        return nomem(c->err);
    *out = t;
    if ((rc = copy_str(&t->name, name, c->err)) || (rc = copy_str(&t->kind, kind, c->err)) ||
        (rc = copy_str(&t->title_zh, tzh, c->err)) || (rc = copy_str(&t->title_en, ten, c->err)) ||
        (rc = copy_str(&t->src_doc, doc, c->err)) || (rc = copy_str(&t->src_clause, clause, c->err)) ||
        (rc = copy_str(&t->src_date, date, c->err)) || (rc = copy_str(&t->src_url, url, c->err)) ||
        (rc = copy_str(&t->src_title, title, c->err)))
        return rc;
    t->source.document = t->src_doc;
    t->source.clause = t->src_clause;
    t->source.date = t->src_date;
    t->source.url = t->src_url;
    t->source.title = t->src_title;
    full = malloc(strlen(d->dir) + strlen(file) + 2);
    if (!full)
        return nomem(c->err);
    sprintf(full, "%s/%s", d->dir, file);
    t->file = full;
    if ((rc = zj__table_load_csv(t, full, c->err)))
        return rc;
    /* The manifest's column list is the schema: the file must match it. */
    if (json_array_size(cols) != t->cols)
        return ZJ_FAIL(c->err, ZJ_ERR_PARSE, full,
                       ("表头有 %zu 列，清单 %s 的 columns 列出 %zu 列", t->cols, path, json_array_size(cols)),
                       ("the header has %zu columns, the manifest's %s.columns lists %zu",
                        t->cols, path, json_array_size(cols)));
    json_array_foreach(cols, i, v) {
        if (!json_is_string(v) || strcmp(json_string_value(v), t->col_names[i]) != 0)
            return ZJ_FAIL(c->err, ZJ_ERR_PARSE, full,
                           ("第 %zu 列表头为“%s”，清单规定为另一名称", i + 1, t->col_names[i]),
                           ("column %zu of the header is \"%s\", the manifest says otherwise",
                            i + 1, t->col_names[i]));
    }
    if (strcmp(kind, "plan") == 0) {
        static const char *const plan_cols[] = { "year", "programme", "row_kind", "school", "major",
                                                 "major_code", "partner", "partner_major", "places", NULL };
        for (i = 0; plan_cols[i]; i++)
            if (!has_col(t, plan_cols[i]))
                return ZJ_FAIL(c->err, ZJ_ERR_PARSE, full,
                               ("计划表缺少必需的列 %s", plan_cols[i]),
                               ("a plan table needs the column %s", plan_cols[i]));
    }
    if (audits) {
        json_array_foreach(audits, i, v) {
            snprintf(apath, sizeof apath, "%s.audits[%zu]", path, i);
            if (!json_is_object(v))
                return zj__json_fail(c, apath, NULL, "应为对象", "expected an object");
            if ((rc = validate_audit(c, t, v, apath)))
                return rc;
        }
        t->audits = json_incref(audits);
    }
    if (design)
        t->design = json_incref(design);
    return ZJ_OK;
}

static zj_code load_plan_years(zj_data *d, const zj__jctx *c, json_t *root)
{
    json_t *py, *v;
    const char *key;
    zj_code rc;

    if ((rc = zj__json_object(c, root, "", "plan_years", 1, &py)))
        return rc;
    d->plan_years = calloc(json_object_size(py) + 1, sizeof *d->plan_years);
    if (!d->plan_years)
        return nomem(c->err);
    json_object_foreach(py, key, v) {
        static const char *const keys[] = { "complete", "note_zh", "note_en", NULL };
        zj__plan_year *p = &d->plan_years[d->n_plan_years];
        const char *nzh = NULL, *nen = NULL;
        char path[64], *end;
        long y = strtol(key, &end, 10);
        json_t *comp;

        snprintf(path, sizeof path, "plan_years.%s", key);
        if (*end || y < 1990 || y > 2100)
            return zj__json_fail(c, "plan_years", key, "键应为年份", "keys must be years");
        if (!json_is_object(v))
            return zj__json_fail(c, "plan_years", key, "应为对象", "expected an object");
        if ((rc = zj__json_only_keys(c, v, path, keys)) ||
            (rc = zj__json_string(c, v, path, "note_zh", 0, &nzh)) ||
            (rc = zj__json_string(c, v, path, "note_en", 0, &nen)))
            return rc;
        comp = json_object_get(v, "complete");
        if (!json_is_boolean(comp))
            return zj__json_fail(c, path, "complete", "应为 true 或 false", "must be true or false");
        p->year = (int)y;
        p->complete = json_is_true(comp);
        if ((rc = copy_str(&p->note_zh, nzh, c->err)) || (rc = copy_str(&p->note_en, nen, c->err)))
            return rc;
        d->n_plan_years++;
    }
    return ZJ_OK;
}

zj_code zj__manifest_load(zj_data *d, zj_error *err)
{
    static const char *const keys[] = { "schema", "plan_years", "tables", NULL };
    char *path;
    json_t *root = NULL, *tables, *v;
    const char *schema = NULL;
    zj__jctx c;
    size_t i, j;
    zj_code rc;

    path = malloc(strlen(d->dir) + sizeof "/tables.json");
    if (!path)
        return nomem(err);
    sprintf(path, "%s/tables.json", d->dir);
    c.file = path;
    c.err = err;
    if ((rc = zj__json_load_file(path, &root, err)))
        goto out;
    if (!json_is_object(root)) {
        rc = zj__json_fail(&c, "", NULL, "顶层应为对象", "the top level must be an object");
        goto out;
    }
    if ((rc = zj__json_only_keys(&c, root, "", keys)) ||
        (rc = zj__json_string(&c, root, "", "schema", 1, &schema)))
        goto out;
    if (strcmp(schema, "zhijiao-tables/1") != 0) {
        rc = zj__json_fail(&c, "", "schema", "应为 \"zhijiao-tables/1\"", "must be \"zhijiao-tables/1\"");
        goto out;
    }
    if ((rc = load_plan_years(d, &c, root)) ||
        (rc = zj__json_array(&c, root, "", "tables", 1, &tables)))
        goto out;
    d->tables = calloc(json_array_size(tables) + 1, sizeof *d->tables);
    if (!d->tables) {
        rc = nomem(err);
        goto out;
    }
    json_array_foreach(tables, i, v) {
        rc = load_table(d, &c, v, i, &d->tables[d->n_tables]);
        if (d->tables[d->n_tables])
            d->n_tables++;
        if (rc)
            goto out;
        for (j = 0; j + 1 < d->n_tables; j++)
            if (strcmp(d->tables[j]->name, d->tables[d->n_tables - 1]->name) == 0) {
                rc = ZJ_FAIL(err, ZJ_ERR_PARSE, path,
                             ("表名 %s 重复", d->tables[j]->name),
                             ("table name %s appears twice", d->tables[j]->name));
                goto out;
            }
    }
out:
    json_decref(root);
    free(path);
    return rc;
}
