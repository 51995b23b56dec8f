/* data_open.c — opening a data directory: rule sets and tables. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "zhijiao/text.h"
#include "data_internal.h"
#include "error_internal.h"
#include "utf8.h"

#ifndef ZJ_DATADIR
#define ZJ_DATADIR "/usr/local/share/zhijiao/data"
#endif

const char *zj_data_default_dir(void)
{
    const char *env = getenv("ZHIJIAO_DATA");

    return (env && *env) ? env : ZJ_DATADIR;
}

void zj_data_close(zj_data *d)
{
    size_t i;

    if (!d)
        return;
    for (i = 0; i < d->n_rulesets; i++)
        zj__ruleset_free(d->rulesets[i]);
    free(d->rulesets);
    for (i = 0; i < d->n_tables; i++)
        zj__table_free(d->tables[i]);
    free(d->tables);
    for (i = 0; i < d->n_plan_years; i++) {
        free(d->plan_years[i].note_zh);
        free(d->plan_years[i].note_en);
    }
    free(d->plan_years);
    free(d->notes);
    free(d->dir);
    free(d);
}

const char *zj_data_dir(const zj_data *d)
{
    return d->dir;
}

size_t zj_data_note_count(const zj_data *d)
{
    return d ? d->n_notes : 0;
}

const zj_error *zj_data_note_at(const zj_data *d, size_t i)
{
    return d && i < d->n_notes ? &d->notes[i] : NULL;
}

/* Notes that a path was skipped.  Beyond ZJ_DATA_NOTES_MAX - 1 they are
 * only counted (finish_notes words the count), so memory stays bounded
 * whatever the folder holds. */
static zj_code note_skipped(zj_data *d, const char *path, const struct stat *st, int want_dir)
{
    const char *what_zh = S_ISFIFO(st->st_mode) ? "命名管道（FIFO）"
                          : S_ISDIR(st->st_mode) ? "文件夹"
                          : S_ISREG(st->st_mode) ? "普通文件" : "特殊文件";
    const char *what_en = S_ISFIFO(st->st_mode) ? "a named pipe (FIFO)"
                          : S_ISDIR(st->st_mode) ? "a folder"
                          : S_ISREG(st->st_mode) ? "a regular file" : "a special file";

    if (d->n_notes + 1 >= ZJ_DATA_NOTES_MAX) {
        d->notes_dropped++;
        return ZJ_OK;
    }
    if (!d->notes && !(d->notes = calloc(ZJ_DATA_NOTES_MAX, sizeof *d->notes)))
        return ZJ_ERR_NOMEM;
    if (want_dir)
        ZJ_FAIL(&d->notes[d->n_notes], ZJ_ERR_IO, path,
                ("已跳过：这是%s，不是地区文件夹", what_zh),
                ("skipped: %s, not a jurisdiction folder", what_en));
    else
        ZJ_FAIL(&d->notes[d->n_notes], ZJ_ERR_IO, path,
                ("已跳过：这是%s，不是普通文件，规则文件只从普通文件读取", what_zh),
                ("skipped: %s, not a regular file; rule files are read from regular files only",
                 what_en));
    d->n_notes++;
    return ZJ_OK;
}

static int by_where(const void *a, const void *b)
{
    return strcmp(((const zj_error *)a)->where, ((const zj_error *)b)->where);
}

/* Sorts the notes (readdir order is arbitrary) and counts those dropped. */
static void finish_notes(zj_data *d)
{
    if (!d->notes)
        return;
    qsort(d->notes, d->n_notes, sizeof *d->notes, by_where);
    if (!d->notes_dropped)
        return;
    ZJ_FAIL(&d->notes[d->n_notes], ZJ_ERR_IO, d->dir,
            ("另有 %zu 项也已跳过", d->notes_dropped),
            ("%zu more entries were skipped too", d->notes_dropped));
    d->n_notes++;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted paths of rules/<jurisdiction>/<file>.json, so that loading
 * (and any error about it) does not depend on readdir order.  Only
 * regular files (symbolic links to them too) are listed; the rest is
 * noted on d. */
static zj_code list_rule_files(zj_data *d0, char ***out, size_t *n, zj_error *err)
{
    const char *dir = d0->dir;
    struct stat st;
    char *rules = NULL, **list = NULL;
    size_t cap = 0, count = 0;
    DIR *top = NULL;
    struct dirent *e;
    zj_code rc = ZJ_OK;

    *out = NULL;
    *n = 0;
    rules = malloc(strlen(dir) + sizeof "/rules");
    if (!rules)
        return ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL,
                       ("内存不足"),
                       ("out of memory"));
    sprintf(rules, "%s/rules", dir);
    top = opendir(rules);
    if (!top) {
        rc = ZJ_FAIL(err, ZJ_ERR_IO, rules,
                     ("无法打开规则目录：%s", strerror(errno)),
                     ("cannot open the rules directory: %s", strerror(errno)));
        goto out;
    }
    while ((e = readdir(top)) != NULL) {
        char *sub;
        DIR *d;
        struct dirent *f;

        if (e->d_name[0] == '.')
            continue;
        sub = malloc(strlen(rules) + strlen(e->d_name) + 2);
        if (!sub)
            goto nomem;
        sprintf(sub, "%s/%s", rules, e->d_name);
        /* stat before opendir: nothing here is opened unless it is a folder */
        if (stat(sub, &st) != 0 || !S_ISDIR(st.st_mode) || !(d = opendir(sub))) {
            if (stat(sub, &st) == 0 && (rc = note_skipped(d0, sub, &st, 1)) != ZJ_OK) {
                free(sub);
                goto nomem;
            }
            free(sub);
            continue;   /* a stray file next to the jurisdiction folders */
        }
        while ((f = readdir(d)) != NULL) {
            size_t len = strlen(f->d_name);
            char *p;

            if (f->d_name[0] == '.' || len < 6 || strcmp(f->d_name + len - 5, ".json") != 0)
                continue;
            if (count == cap) {
                char **q = realloc(list, (cap = cap ? cap * 2 : 16) * sizeof *list);
                if (!q) {
                    closedir(d);
                    free(sub);
                    goto nomem;
                }
                list = q;
            }
            p = malloc(strlen(sub) + len + 2);
            if (!p) {
                closedir(d);
                free(sub);
                goto nomem;
            }
            sprintf(p, "%s/%s", sub, f->d_name);
            if (stat(p, &st) != 0 || !S_ISREG(st.st_mode)) {
                /* a FIFO would block the open forever, a folder cannot be read */
                zj_code nrc = stat(p, &st) == 0 ? note_skipped(d0, p, &st, 0) : ZJ_OK;

                free(p);
                if (nrc) {
                    closedir(d);
                    free(sub);
                    goto nomem;
                }
                continue;
            }
            list[count++] = p;
        }
        closedir(d);
        free(sub);
    }
    if (count)   /* qsort(NULL, 0, ...) is undefined */
        qsort(list, count, sizeof *list, by_name);
    *out = list;
    *n = count;
    list = NULL;
    goto out;
nomem:
    rc = ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL,
                 ("内存不足"),
                 ("out of memory"));
out:
    if (list) {
        while (count)
            free(list[--count]);
        free(list);
    }
    if (top)
        closedir(top);
    free(rules);
    return rc;
}

static zj_code load_rulesets(zj_data *d, zj_error *err)
{
    char **files;
    size_t n, i, j;
    zj_code rc;

    rc = list_rule_files(d, &files, &n, err);
    finish_notes(d);
    if (rc)
        return rc;
    d->rulesets = calloc(n + 1, sizeof *d->rulesets);
    if (!d->rulesets) {
        rc = ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL,
                     ("内存不足"),
                     ("out of memory"));
        goto out;
    }
    for (i = 0; i < n; i++) {
        zj__ruleset *rs;

        if ((rc = zj__ruleset_load(files[i], &rs, err)))
            goto out;
        d->rulesets[d->n_rulesets++] = rs;
        for (j = 0; j + 1 < d->n_rulesets; j++)
            if (strcmp(d->rulesets[j]->id, rs->id) == 0) {
                rc = ZJ_FAIL(err, ZJ_ERR_PARSE, files[i],
                             ("规则集 %s 已由 %s 定义，不能重复", rs->id, d->rulesets[j]->info.file),
                             ("rule set %s is already defined by %s",
                              rs->id, d->rulesets[j]->info.file));
                goto out;
            }
    }
out:
    for (i = 0; i < n; i++)
        free(files[i]);
    free(files);
    return rc;
}

zj_code zj_data_open(const char *dir, zj_data **out, zj_error *err)
{
    zj_data *d;
    struct stat st;
    zj_code rc;

    zj_error_clear(err);
    *out = NULL;
    if (!dir || !*dir)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument dir",
                       ("未指定数据目录"),
                       ("no data directory given"));
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return ZJ_FAIL(err, ZJ_ERR_IO, dir,
                       ("数据目录不存在或不是目录（可用 $ZHIJIAO_DATA 或 --data 指定）"),
                       ("the data directory does not exist or is not a directory (set $ZHIJIAO_DATA or --data)"));
    d = calloc(1, sizeof *d);
    if (!d || !(d->dir = zj__strdup(dir))) {
        free(d);
        return ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL,
                       ("内存不足"),
                       ("out of memory"));
    }
    if ((rc = load_rulesets(d, err)) || (rc = zj__manifest_load(d, err))) {
        zj_data_close(d);
        return rc;
    }
    *out = d;
    return ZJ_OK;
}

size_t zj_data_ruleset_count(const zj_data *d)
{
    return d->n_rulesets;
}

const zj_ruleset_info *zj_data_ruleset_at(const zj_data *d, size_t i)
{
    return i < d->n_rulesets ? &d->rulesets[i]->info : NULL;
}

size_t zj_data_table_count(const zj_data *d)
{
    return d->n_tables;
}

const zj_table *zj_data_table_at(const zj_data *d, size_t i)
{
    return i < d->n_tables ? d->tables[i] : NULL;
}

/* The table name nearest to a misspelt one, or NULL. */
static const char *table_suggest(const zj_data *d, const char *name)
{
    const char **names = malloc((d->n_tables ? d->n_tables : 1) * sizeof *names);
    const char *near;
    size_t i;

    if (!names)
        return NULL;
    for (i = 0; i < d->n_tables; i++)
        names[i] = d->tables[i]->name;
    near = zj_suggest(name, names, d->n_tables);
    free(names);
    return near;
}

zj_code zj_data_table(const zj_data *d, const char *name, const zj_table **out, zj_error *err)
{
    char names[400];
    size_t i, len = 0;
    const char *near;

    *out = NULL;
    for (i = 0; i < d->n_tables; i++)
        if (name && strcmp(d->tables[i]->name, name) == 0) {
            *out = d->tables[i];
            return ZJ_OK;
        }
    names[0] = '\0';
    for (i = 0; i < d->n_tables && len + 2 < sizeof names; i++) {
        int k = snprintf(names + len, sizeof names - len, "%s%s", i ? ", " : "", d->tables[i]->name);
        if (k < 0)
            break;
        len += (size_t)k;
    }
    if (len >= sizeof names)
        names[zj__utf8_prefix(names, sizeof names - 1)] = '\0';
    if (name && (near = table_suggest(d, name)) != NULL)
        return ZJ_FAIL(err, ZJ_ERR_NOT_FOUND, "argument name",
                       ("没有名为 %s 的表，是不是 %s？（现有：%s）", name, near, names),
                       ("no table named %s; did you mean %s? (there are: %s)", name, near,
                        names));
    return ZJ_FAIL(err, ZJ_ERR_NOT_FOUND, "argument name",
                   ("没有名为 %s 的表（现有：%s）", name ? name : "(null)", names),
                   ("no table named %s (there are: %s)", name ? name : "(null)", names));
}

int zj_plan_year_complete(const zj_data *d, int year)
{
    size_t i;

    for (i = 0; i < d->n_plan_years; i++)
        if (d->plan_years[i].year == year)
            return d->plan_years[i].complete;
    return 0;
}
