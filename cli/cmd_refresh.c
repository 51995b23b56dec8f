/* cmd_refresh.c — `zhijiao refresh`: pull the newest official plans from
 * the education bureau's sites (or a mirror), show what changed, and
 * replace the local snapshot (docs/cli.md, "zhijiao refresh"). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "args.h"
#include "output.h"

/* The settings given as options: applied one by one, in order, to a
 * zj_refresh_config (so --base-url can repeat), except --config and
 * --quiet, which are the CLI's own. */
typedef struct refresh_opts {
    const char *config, *quiet, *rollback;
    zj_refresh_config *cfg;
    const cli_ctx *ctx;
} refresh_opts;

#define REFRESH_SET(name, value, help, kind) \
    {name, value, help, 0, 0, kind, NULL}

static const cli_option refresh_options[] = {
    {"base-url", "URL",
     "a mirror of a site (repeatable); default the official sites", 0,
     CLI_OPT_REPEAT, CLI_K_NONE, NULL},
    {"allow-host", "HOST", "another host that may be contacted (repeatable)",
     0, CLI_OPT_REPEAT, CLI_K_NONE, NULL},
    REFRESH_SET("dry-run", NULL,
                "show the differences only; leave the snapshot alone",
                CLI_K_NONE),
    REFRESH_SET("offline", NULL,
                "use only the download cache ($XDG_CACHE_HOME/zhijiao)",
                CLI_K_NONE),
    REFRESH_SET("cache-dir", "DIR",
                "download cache (default $XDG_CACHE_HOME/zhijiao)", CLI_K_DIR),
    REFRESH_SET("snapshot-dir", "DIR",
                "snapshot (default $ZHIJIAO_SNAPSHOT or "
                "$XDG_DATA_HOME/zhijiao/snapshot)", CLI_K_DIR),
    REFRESH_SET("ca-bundle", "FILE",
                "CA certificates for TLS (verification is always on)",
                CLI_K_FILE),
    REFRESH_SET("rate-limit", "N",
                "requests per second per host (default 2; 0 = no limit, for "
                "a local mirror only)", CLI_K_NONE),
    REFRESH_SET("parallel", "N", "downloads at once (default 8)", CLI_K_NONE),
    REFRESH_SET("per-host", "N", "downloads at once per host (default 4)",
                CLI_K_NONE),
    REFRESH_SET("retries", "N",
                "retries of a failed request (default 4; 0 = none)",
                CLI_K_NONE),
    REFRESH_SET("max-pages", "N", "list pages per column (default 50)",
                CLI_K_NONE),
    REFRESH_SET("timeout", "SECONDS", "per request (default 60)", CLI_K_NONE),
    REFRESH_SET("deadline", "SECONDS",
                "for the whole refresh, downloads and conversions (default "
                "300; 0 = none): what is not done by then is a warning",
                CLI_K_NONE),
    REFRESH_SET("accept-removals", NULL,
                "apply refreshed tables that would remove rows served now "
                "(without it they are shown and held back; see docs/cli.md)",
                CLI_K_NONE),
    CLI_OPTK(refresh_opts, config, "config", "FILE",
             "settings file (default $ZHIJIAO_CONFIG or "
             "$XDG_CONFIG_HOME/zhijiao/refresh.conf, when it exists): one "
             "`option = value` per line, the options above without the "
             "dashes; options given here override it", CLI_K_FILE, NULL),
    CLI_OPT(refresh_opts, rollback, "rollback", NULL,
            "make the previous snapshot version current again (only "
            "--snapshot-dir and --config apply)"),
    CLI_OPT(refresh_opts, quiet, "quiet", NULL,
            "no progress line on the terminal"),
    /* For tests against a local mirror only. */
    {"ignore-robots", NULL, "do not fetch robots.txt", 0, CLI_OPT_HIDDEN,
     CLI_K_NONE, NULL},
};

static int refresh_option(void *opts, const cli_option *o, const char *arg,
                          const char *value);

const cli_command cli_cmd_refresh = {
    "refresh", cmd_refresh,
    "refresh the official plans from the education sites (更新官方数据)",
    "refresh [--base-url URL]... [--allow-host HOST]... [--dry-run]\n"
    " [--offline] [--cache-dir DIR] [--snapshot-dir DIR]\n"
    " [--ca-bundle FILE] [--rate-limit N] [--parallel N]\n"
    " [--per-host N] [--max-pages N] [--timeout SECONDS]\n"
    " [--retries N] [--deadline SECONDS] [--accept-removals]\n"
    " [--config FILE] [--quiet]\n"
    "refresh --rollback [--snapshot-dir DIR]",
    "Downloads the newest official enrolment plans (招生计划) and project lists\n"
    "(贯通培养, 3+2 中高职衔接) from jw.beijing.gov.cn and www.bjeea.cn, extracts\n"
    "their tables (HTML, .xlsx, .docx, .xls; .doc/.wps need LibreOffice; not .pdf),\n"
    "audits them (核对), shows the rows added, removed and changed against the\n"
    "current snapshot, and replaces the snapshot atomically (the previous\n"
    "version is kept).  `zhijiao plan`, the checks, the Calc add-in and the R\n"
    "package then read the refreshed tables next to the bundled ones.\n",
    refresh_options, CLI_NOPTS(refresh_options),
    "Exit status: 0 refreshed (or nothing changed); 1 refreshed, but an imported\n"
    "table does not add up (its audit findings are shown) or some pages or\n"
    "attachments could not be used, or a notice read gave no table (warnings);\n"
    "2 error: nothing was changed.  Notes (a .pdf attachment, from which no\n"
    "table can be read) are shown but do not change the status.\n",
    {CLI_K_NONE}, 0, refresh_option,
};

typedef struct prog {
    int on;
    int shown;
} prog;

static void on_progress(void *user, const char *stage, size_t done, size_t total, const char *what)
{
    prog *p = user;

    if (!p->on)
        return;     /* not a terminal: the report on stdout lists the warnings */
    if (strcmp(stage, "skip") == 0 || strcmp(stage, "cache") == 0) {
        if (p->shown)
            fputs("\r\033[K", stderr);
        p->shown = 0;
        fprintf(stderr, "zhijiao refresh: %s: %s\n",
                strcmp(stage, "cache") == 0 ? "served from the cache (使用缓存)" : "skipped (跳过)", what);
        return;
    }
    if (strcmp(stage, "retry") == 0)
        return;
    fprintf(stderr, "\r\033[K%s %zu/%zu", stage, done, total);
    p->shown = 1;
}

static const char *num(size_t n, char *buf, size_t size)
{
    snprintf(buf, size, "%zu", n);
    return buf;
}

static json_t *warning_json(const zj_refresh_warning *w)
{
    return json_pack("{s:s,s:s,s:s,s:s}", "url", w->url, "what", w->what,
                     "message_en", w->message_en, "message_zh", w->message_zh);
}

static json_t *result_json(const zj_refresh_result *r, int dry_run)
{
    json_t *tables = json_array(), *changes = json_array(), *warnings = json_array(), *notes = json_array();
    size_t i, j, req, cached, retries, nf = 0;

    for (i = 0; i < zj_refresh_table_count(r); i++) {
        const zj_refresh_table *t = zj_refresh_table_at(r, i);
        json_t *fs = json_array();
        for (j = 0; j < t->findings->count; j++) {
            const zj_finding *f = &t->findings->items[j];
            json_array_append_new(fs, json_pack("{s:s,s:I,s:s,s:o,s:o,s:s,s:s}",
                                                "kind", zj_finding_kind_name(f->kind),
                                                "row", (json_int_t)f->row, "column", f->column,
                                                "expected", out_jreal(f->expected),
                                                "found", out_jreal(f->found),
                                                "message_zh", f->message_zh,
                                                "message_en", f->message_en));
        }
        nf += t->findings->count;
        json_array_append_new(tables, json_pack("{s:s,s:i,s:s,s:s,s:s,s:I,s:I,s:o}",
                                                "table", t->name, "year", t->year,
                                                "document", t->document, "source_url", t->source_url,
                                                "retrieved_at", t->retrieved_at,
                                                "rows", (json_int_t)t->rows,
                                                "aggregate_rows", (json_int_t)t->aggregate_rows,
                                                "findings", fs));
    }
    for (i = 0; i < zj_refresh_change_count(r); i++) {
        const zj_refresh_change *c = zj_refresh_change_at(r, i);
        json_array_append_new(changes, json_pack("{s:s,s:s,s:s,s:s,s:s,s:s}",
                                                 "change", zj_change_kind_name(c->kind),
                                                 "table", c->table, "key", c->key,
                                                 "column", c->column,
                                                 "before", c->before, "after", c->after));
    }
    for (i = 0; i < zj_refresh_warning_count(r); i++)
        json_array_append_new(warnings, warning_json(zj_refresh_warning_info(r, i)));
    for (i = 0; i < zj_refresh_note_count(r); i++)
        json_array_append_new(notes, warning_json(zj_refresh_note_info(r, i)));
    zj_refresh_stats(r, &req, &cached, &retries);
    return json_pack("{s:o,s:o,s:o,s:o,s:I,s:b,s:b,s:s,s:{s:I,s:I,s:I}}",
                     "tables", tables, "changes", changes, "warnings", warnings, "notes", notes,
                     "finding_count", (json_int_t)nf, "dry_run", dry_run,
                     "committed", zj_refresh_committed(r), "version", zj_refresh_version(r),
                     "http", "requests", (json_int_t)req, "from_cache", (json_int_t)cached,
                     "retries", (json_int_t)retries);
}

static int print_text(const cli_ctx *ctx, const zj_refresh_result *r, int dry_run, int offline,
                      size_t *nf)
{
    out_table tab;
    size_t i, j, req, cached, retries;
    char b1[32], b2[32], b3[32], msg[1200];
    int csv = ctx->format == CLI_FMT_CSV;
    static const char *const th[] = {"table 表", "rows 行数", "aggregates 小计/总计", "findings 问题",
                                     "source 来源"};
    static const char *const ch[] = {"change 变化", "table 表", "key 键", "before 原值", "after 新值"};

    *nf = 0;
    if (out_table_init(&tab, 5, th) != 0)
        return -1;
    for (i = 0; i < zj_refresh_table_count(r); i++) {
        const zj_refresh_table *t = zj_refresh_table_at(r, i);
        char src[1024];
        const char *cells[5];
        snprintf(src, sizeof src, "%s %s (%s)", t->document, t->source_url, t->retrieved_at);
        cells[0] = t->name;
        cells[1] = num(t->rows, b1, sizeof b1);
        cells[2] = num(t->aggregate_rows, b2, sizeof b2);
        cells[3] = num(t->findings->count, b3, sizeof b3);
        cells[4] = src;
        *nf += t->findings->count;
        out_table_add(&tab, cells);
    }
    if (!csv)
        printf("Imported tables (导入的表):\n");
    out_table_print(&tab, ctx->format, stdout);
    out_table_free(&tab);
    for (i = 0; i < zj_refresh_table_count(r) && !csv; i++) {
        const zj_refresh_table *t = zj_refresh_table_at(r, i);
        for (j = 0; j < t->findings->count; j++)
            printf("  finding %s: %s\n", zj_finding_kind_name(t->findings->items[j].kind),
                   out_lang(ctx, t->findings->items[j].message_zh, t->findings->items[j].message_en,
                            msg, sizeof msg));
    }
    if (out_table_init(&tab, 5, ch) != 0)
        return -1;
    for (i = 0; i < zj_refresh_change_count(r); i++) {
        const zj_refresh_change *c = zj_refresh_change_at(r, i);
        const char *cells[5];
        cells[0] = zj_change_kind_name(c->kind);
        cells[1] = c->table;
        cells[2] = c->key;
        cells[3] = c->before;
        cells[4] = c->after;
        out_table_add(&tab, cells);
    }
    if (!csv)
        printf("\nChanges against the current snapshot (与当前快照相比的变化): %zu\n",
               zj_refresh_change_count(r));
    if (zj_refresh_change_count(r) || csv)
        out_table_print(&tab, ctx->format, stdout);
    out_table_free(&tab);
    if (!csv) {
        for (i = 0; i < zj_refresh_warning_count(r); i++)
            printf("warning: %s\n", zj_refresh_warning_at(r, i));
        for (i = 0; i < zj_refresh_note_count(r); i++)
            printf("note: %s\n", zj_refresh_note_at(r, i));
        zj_refresh_stats(r, &req, &cached, &retries);
        printf("\nHTTP: %zu requests, %zu from the cache, %zu retries\n", req, cached, retries);
        if (offline)
            printf("Offline: everything above comes from the download cache, as it was when cached "
                   "(离线模式：以上内容均来自缓存).\n");
        if (dry_run)
            printf("Dry run: the snapshot was not changed (试运行：快照未改变).\n");
        else if (zj_refresh_committed(r))
            printf("Snapshot updated (快照已更新): version %s\n", zj_refresh_version(r));
        else
            printf("Nothing changed: the snapshot was kept (无变化，快照未改变).\n");
    }
    return 0;
}

static int refresh_option(void *opts, const cli_option *o, const char *arg,
                          const char *value)
{
    refresh_opts *r = opts;
    zj_error err;

    if (strcmp(o->name, "config") == 0 || strcmp(o->name, "quiet") == 0 ||
        strcmp(o->name, "rollback") == 0) {
        *(const char **)((char *)r + o->offset) = value;
        return 0;
    }
    zj_error_clear(&err);
    if (zj_refresh_config_set(r->cfg, o->name, value, &err) != ZJ_OK) {
        if (err.code == ZJ_ERR_NOMEM)
            return out_nomem(r->ctx);
        snprintf(err.where, sizeof err.where, "%s", arg);
        return out_usage_error(r->ctx, "refresh", &err);
    }
    return 0;
}

/* The settings: the configuration file (--config FILE, else the default
 * file when it exists), then the options, which override it.  Returns
 * ARGS_HELP when help was printed. */
static int read_settings(cli_ctx *ctx, int argc, char **argv, zj_refresh_config **file_cfg,
                         zj_refresh_config **opt_cfg, int *quiet, int *rollback)
{
    refresh_opts o;
    const char *config, *pos[1];
    char defpath[4096];
    zj_error err;
    size_t npos;
    int rc;

    *file_cfg = zj_refresh_config_new();
    *opt_cfg = zj_refresh_config_new();
    if (!*file_cfg || !*opt_cfg)
        return out_nomem(ctx);
    memset(&o, 0, sizeof o);
    o.cfg = *opt_cfg;
    o.ctx = ctx;
    rc = args_parse(ctx, &cli_cmd_refresh, argc, argv, &o, pos, 0, &npos);
    if (rc != 0)
        return rc;
    *quiet = o.quiet != NULL;
    *rollback = o.rollback != NULL;
    config = o.config;
    zj_error_clear(&err);
    if (!config && zj_refresh_config_default_path(defpath, sizeof defpath) < sizeof defpath &&
        access(defpath, F_OK) == 0)
        config = defpath;
    if (config && zj_refresh_config_load(*file_cfg, config, &err) != ZJ_OK)
        return out_error(ctx, &err);
    return 0;
}

int cmd_refresh(cli_ctx *ctx, int argc, char **argv)
{
    zj_refresh_options o;
    zj_refresh_config *file_cfg = NULL, *opt_cfg = NULL;
    zj_refresh_result *r = NULL;
    zj_error err;
    size_t nf = 0;
    prog p = {0, 0};
    int rc, quiet = 0, rollback = 0;

    if ((rc = read_settings(ctx, argc, argv, &file_cfg, &opt_cfg, &quiet, &rollback)) != 0) {
        rc = rc == ARGS_HELP ? CLI_EXIT_OK : rc;
        goto done;
    }
    zj_refresh_options_init(&o);
    zj_refresh_config_apply(file_cfg, &o);
    zj_refresh_config_apply(opt_cfg, &o);
    o.data_dir = ctx->data_dir;
    if (rollback) {
        char *v = NULL;
        zj_error_clear(&err);
        if (zj_snapshot_rollback(o.snapshot_dir, &v, &err) != ZJ_OK) {
            rc = out_error(ctx, &err);
            goto done;
        }
        if (*v)
            printf("Rolled back: version %s is current again (已回退到上一个快照版本).\n", v);
        else
            printf("Rolled back: the bundled data alone is served again (已回退：只使用随附数据).\n");
        free(v);
        rc = CLI_EXIT_OK;
        goto done;
    }
    p.on = !quiet && isatty(STDERR_FILENO);
    o.progress = on_progress;
    o.progress_user = &p;
    zj_error_clear(&err);
    if (zj_refresh_run(&o, &r, &err) != ZJ_OK) {
        if (p.shown)
            fputs("\r\033[K", stderr);
        rc = out_error(ctx, &err);
        goto done;
    }
    if (p.shown)
        fputs("\r\033[K", stderr);
    if (ctx->format == CLI_FMT_JSON) {
        json_t *j = result_json(r, o.dry_run);
        nf = (size_t)json_integer_value(json_object_get(j, "finding_count"));
        if (out_json(j, stdout) != 0) {
            rc = CLI_EXIT_ERROR;
            goto done;
        }
    } else if (print_text(ctx, r, o.dry_run, o.offline, &nf) != 0) {
        rc = out_nomem(ctx);
        goto done;
    }
    rc = (nf || zj_refresh_warning_count(r)) ? CLI_EXIT_NEGATIVE : CLI_EXIT_OK;
done:
    zj_refresh_result_free(r);
    zj_refresh_config_free(file_cfg);
    zj_refresh_config_free(opt_cfg);
    return rc;
}
