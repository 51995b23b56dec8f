/* ruleset_load.c — parsing and validating one rule file.
 *
 * The JSON schema ("zhijiao-rules/1") is documented in data/README.md.
 * Unknown keys are rejected (a misspelt "parmas" must not silently drop
 * a rule's parameters), and so is any rule citing a source the file does
 * not define. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error_internal.h"
#include "json_util.h"
#include "rule_schema.h"
#include "ruleset.h"
#include "utf8.h"

static char *dup_or_null(const char *s)
{
    return s ? zj__strdup(s) : NULL;
}

void zj__ruleset_free(zj__ruleset *rs)
{
    size_t i, j, k;

    if (!rs)
        return;
    for (i = 0; i < rs->n_rules; i++) {
        zj__rule *r = &rs->rules[i];

        free(r->id);
        free(r->clause);
        free(r->note_zh);
        free(r->note_en);
        for (j = 0; j < r->n_params; j++) {
            free(r->params[j].key);
            free(r->params[j].string);
            for (k = 0; k < r->params[j].n_strings; k++)
                free(r->params[j].strings[k]);
            free(r->params[j].strings);
        }
        free(r->params);
    }
    free(rs->rules);
    for (i = 0; i < rs->n_docs; i++) {
        free(rs->docs[i].key);
        free(rs->docs[i].document);
        free(rs->docs[i].title);
        free(rs->docs[i].date);
        free(rs->docs[i].url);
    }
    free(rs->docs);
    for (i = 0; i < rs->n_aliases; i++)
        free(rs->aliases[i]);
    free(rs->aliases);
    free(rs->id);
    free((char *)rs->info.jurisdiction);
    free((char *)rs->info.jurisdiction_zh);
    free((char *)rs->info.programme);
    free((char *)rs->info.programme_zh);
    free((char *)rs->info.file);
    free(rs->jurisdiction_en);
    free(rs->programme_en);
    free(rs);
}

static zj_code nomem(zj_error *err)
{
    return ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL,
                   ("内存不足"),
                   ("out of memory"));
}

static zj_code load_identity(const zj__jctx *c, json_t *root, zj__ruleset *rs)
{
    static const char *const jkeys[] = { "id", "name_zh", "name_en", "aliases", NULL };
    static const char *const pkeys[] = { "id", "name_zh", "name_en", NULL };
    const char *jid = NULL, *jzh = NULL, *jen = NULL, *pid = NULL, *pzh = NULL, *pen = NULL;
    const char *schema = NULL;
    json_t *j, *p, *aliases = NULL, *v;
    long year = 0;
    size_t i;
    zj_code rc;
    char idbuf[256];

    if ((rc = zj__json_string(c, root, "", "schema", 1, &schema)))
        return rc;
    if (strcmp(schema, "zhijiao-rules/1") != 0)
        return zj__json_fail(c, "", "schema", "应为 \"zhijiao-rules/1\"",
                            "must be \"zhijiao-rules/1\"");
    if ((rc = zj__json_object(c, root, "", "jurisdiction", 1, &j)) ||
        (rc = zj__json_only_keys(c, j, "jurisdiction", jkeys)) ||
        (rc = zj__json_string(c, j, "jurisdiction", "id", 1, &jid)) ||
        (rc = zj__json_string(c, j, "jurisdiction", "name_zh", 1, &jzh)) ||
        (rc = zj__json_string(c, j, "jurisdiction", "name_en", 1, &jen)) ||
        (rc = zj__json_array(c, j, "jurisdiction", "aliases", 0, &aliases)) ||
        (rc = zj__json_object(c, root, "", "programme", 1, &p)) ||
        (rc = zj__json_only_keys(c, p, "programme", pkeys)) ||
        (rc = zj__json_string(c, p, "programme", "id", 1, &pid)) ||
        (rc = zj__json_string(c, p, "programme", "name_zh", 1, &pzh)) ||
        (rc = zj__json_string(c, p, "programme", "name_en", 1, &pen)) ||
        (rc = zj__json_int(c, root, "", "year", 1, &year)))
        return rc;
    if (year < 1990 || year > 2100)
        return zj__json_fail(c, "", "year", "年份应在 1990–2100 之间",
                            "year must be between 1990 and 2100");
    rs->info.jurisdiction = zj__strdup(jid);
    rs->info.jurisdiction_zh = zj__strdup(jzh);
    rs->jurisdiction_en = zj__strdup(jen);
    rs->info.programme = zj__strdup(pid);
    rs->info.programme_zh = zj__strdup(pzh);
    rs->programme_en = zj__strdup(pen);
    rs->info.year = (int)year;
    snprintf(idbuf, sizeof idbuf, "%s/%s/%ld", jid, pid, year);
    rs->id = zj__strdup(idbuf);
    if (!rs->info.jurisdiction || !rs->info.jurisdiction_zh || !rs->jurisdiction_en ||
        !rs->info.programme || !rs->info.programme_zh || !rs->programme_en || !rs->id)
        return nomem(c->err);
    if (aliases) {
        rs->aliases = calloc(json_array_size(aliases) + 1, sizeof *rs->aliases);
        if (!rs->aliases)
            return nomem(c->err);
        json_array_foreach(aliases, i, v) {
            if (!json_is_string(v) || json_string_length(v) == 0)
                return zj__json_fail(c, "jurisdiction", "aliases",
                                    "应为非空字符串数组", "must be an array of non-empty strings");
            if (!(rs->aliases[rs->n_aliases++] = zj__strdup(json_string_value(v))))
                return nomem(c->err);
        }
    }
    return ZJ_OK;
}

static zj_code load_sources(const zj__jctx *c, json_t *root, zj__ruleset *rs)
{
    static const char *const keys[] = { "document", "title", "date", "url", NULL };
    json_t *sources, *s;
    const char *key;
    zj_code rc;

    if ((rc = zj__json_object(c, root, "", "sources", 1, &sources)))
        return rc;
    rs->docs = calloc(json_object_size(sources) + 1, sizeof *rs->docs);
    if (!rs->docs)
        return nomem(c->err);
    json_object_foreach(sources, key, s) {
        const char *doc = NULL, *title = NULL, *date = NULL, *url = NULL;
        char path[160];
        struct zj__rule_doc *d = &rs->docs[rs->n_docs];

        snprintf(path, sizeof path, "sources.%s", key);
        if (!json_is_object(s))
            return zj__json_fail(c, "sources", key, "应为对象", "expected an object");
        if ((rc = zj__json_only_keys(c, s, path, keys)) ||
            (rc = zj__json_string(c, s, path, "document", 1, &doc)) ||
            (rc = zj__json_string(c, s, path, "title", 0, &title)) ||
            (rc = zj__json_string(c, s, path, "date", 0, &date)) ||
            (rc = zj__json_string(c, s, path, "url", 0, &url)))
            return rc;
        rs->n_docs++;
        d->key = zj__strdup(key);
        d->document = zj__strdup(doc);
        d->title = dup_or_null(title);
        d->date = dup_or_null(date);
        d->url = dup_or_null(url);
        if (!d->key || !d->document || (title && !d->title) ||
            (date && !d->date) || (url && !d->url))
            return nomem(c->err);
    }
    return ZJ_OK;
}

static zj_code load_param(const zj__jctx *c, const char *path, const char *key,
                          json_t *v, zj__param *p)
{
    size_t i;
    json_t *e;

    if (!(p->key = zj__strdup(key)))
        return nomem(c->err);
    if (json_is_number(v)) {
        p->type = ZJ_PARAM_NUMBER;
        p->number = json_number_value(v);
    } else if (json_is_boolean(v)) {
        p->type = ZJ_PARAM_BOOL;
        p->boolean = json_is_true(v);
    } else if (json_is_string(v)) {
        p->type = ZJ_PARAM_STRING;
        if (!(p->string = zj__strdup(json_string_value(v))))
            return nomem(c->err);
    } else if (json_is_array(v)) {
        p->type = ZJ_PARAM_STRINGS;
        p->strings = calloc(json_array_size(v) + 1, sizeof *p->strings);
        if (!p->strings)
            return nomem(c->err);
        json_array_foreach(v, i, e) {
            if (!json_is_string(e))
                return zj__json_fail(c, path, key, "数组元素应为字符串",
                                    "array elements must be strings");
            if (!(p->strings[p->n_strings++] = zj__strdup(json_string_value(e))))
                return nomem(c->err);
        }
    } else {
        return zj__json_fail(c, path, key, "参数应为数字、字符串、布尔值或字符串数组",
                            "a parameter must be a number, string, boolean or array of strings");
    }
    return ZJ_OK;
}

static const struct zj__rule_doc *find_doc(const zj__ruleset *rs, const char *key)
{
    size_t i;

    for (i = 0; i < rs->n_docs; i++)
        if (strcmp(rs->docs[i].key, key) == 0)
            return &rs->docs[i];
    return NULL;
}

static zj_code load_rule(const zj__jctx *c, zj__ruleset *rs, const char *id,
                         json_t *obj, zj__rule *r)
{
    static const char *const keys[] = { "source", "clause", "note_zh", "note_en", "params", NULL };
    const char *src = NULL, *clause = NULL, *nzh = NULL, *nen = NULL;
    const struct zj__rule_doc *doc;
    json_t *params = NULL, *v;
    const char *key;
    char path[160], ppath[200];
    zj_code rc;

    snprintf(path, sizeof path, "rules.%s", id);
    if (!json_is_object(obj))
        return zj__json_fail(c, "rules", id, "应为对象", "expected an object");
    if ((rc = zj__json_only_keys(c, obj, path, keys)) ||
        (rc = zj__json_string(c, obj, path, "source", 1, &src)) ||
        (rc = zj__json_string(c, obj, path, "clause", 0, &clause)) ||
        (rc = zj__json_string(c, obj, path, "note_zh", 0, &nzh)) ||
        (rc = zj__json_string(c, obj, path, "note_en", 0, &nen)) ||
        (rc = zj__json_object(c, obj, path, "params", 0, &params)))
        return rc;
    if (!(doc = find_doc(rs, src)))
        return zj__json_fail(c, path, "source", "引用了 sources 中未定义的来源",
                            "cites a source not defined under \"sources\"");
    if (!(r->id = zj__strdup(id)) || (clause && !(r->clause = zj__strdup(clause))) ||
        (nzh && !(r->note_zh = zj__strdup(nzh))) || (nen && !(r->note_en = zj__strdup(nen))))
        return nomem(c->err);
    r->source.document = doc->document;
    r->source.title = doc->title;
    r->source.date = doc->date;
    r->source.url = doc->url;
    r->source.clause = r->clause;
    if (!params)
        return ZJ_OK;
    r->params = calloc(json_object_size(params) + 1, sizeof *r->params);
    if (!r->params)
        return nomem(c->err);
    snprintf(ppath, sizeof ppath, "%s.params", path);
    json_object_foreach(params, key, v) {
        if ((rc = load_param(c, ppath, key, v, &r->params[r->n_params++])))
            return rc;
    }
    return ZJ_OK;
}

static zj_code load_rules(const zj__jctx *c, json_t *root, zj__ruleset *rs)
{
    json_t *rules, *obj;
    const char *id;
    zj_code rc;

    if ((rc = zj__json_object(c, root, "", "rules", 1, &rules)))
        return rc;
    rs->rules = calloc(json_object_size(rules) + 1, sizeof *rs->rules);
    if (!rs->rules)
        return nomem(c->err);
    json_object_foreach(rules, id, obj) {
        if ((rc = load_rule(c, rs, id, obj, &rs->rules[rs->n_rules++])))
            return rc;
    }
    return ZJ_OK;
}

/* Builds a rule set from a parsed file; `name` is the file for messages. */
static zj_code from_json(json_t *root, const char *name, zj__ruleset **out, zj_error *err)
{
    static const char *const keys[] = { "schema", "jurisdiction", "programme", "year",
                                        "note_zh", "note_en", "sources", "rules", NULL };
    zj__jctx c;
    zj__ruleset *rs;
    zj_code rc = ZJ_OK;

    c.file = name;
    c.err = err;
    rs = calloc(1, sizeof *rs);
    if (!rs)
        return nomem(err);
    if (!json_is_object(root))
        rc = zj__json_fail(&c, "", NULL, "顶层应为对象", "the top level must be an object");
    if (!rc)
        rc = zj__json_only_keys(&c, root, "", keys);
    if (!rc)
        rc = load_identity(&c, root, rs);
    if (!rc)
        rc = load_sources(&c, root, rs);
    if (!rc)
        rc = load_rules(&c, root, rs);
    if (!rc && !(rs->info.file = zj__strdup(name)))
        rc = nomem(err);
    if (!rc) {
        rc = zj__ruleset_bind_schema(rs, err);
        if (rc)
            zj__error_prefix_where(err, name);
    }
    if (rc) {
        zj__ruleset_free(rs);
        return rc;
    }
    *out = rs;
    return ZJ_OK;
}

zj_code zj__ruleset_load(const char *path, zj__ruleset **out, zj_error *err)
{
    json_t *root;
    zj_code rc;

    *out = NULL;
    if ((rc = zj__json_load_file(path, &root, err)))
        return rc;
    rc = from_json(root, path, out, err);
    json_decref(root);
    return rc;
}

zj_code zj__ruleset_load_buffer(const char *buf, size_t len, const char *name,
                               zj__ruleset **out, zj_error *err)
{
    json_error_t je;
    json_t *root;
    zj_code rc;
    char where[ZJ_ERROR_WHERE_MAX];

    *out = NULL;
    root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &je);
    if (!root) {
        snprintf(where, sizeof where, "%s:%d:%d", name, je.line, je.column);
        return ZJ_FAIL(err, ZJ_ERR_PARSE, where,
                       ("JSON 语法错误：%s", je.text),
                       ("JSON syntax error: %s", je.text));
    }
    rc = from_json(root, name, out, err);
    json_decref(root);
    return rc;
}
