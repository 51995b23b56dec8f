/* refresh_command.c — Tools ▸ Add-Ons ▸ "refresh the official data".
 *
 * Addons.xcu binds the menu entry to the URL
 * "service:org.zhijiao.calc.RefreshCommand?refresh"; LibreOffice's service
 * protocol handler creates this object and calls task.XJobExecutor's
 * trigger("refresh").  It runs the core's refresh (zj_refresh_run) with the
 * settings of refresh.conf (zj_refresh_config_default_path; the same file
 * `zhijiao refresh` reads), so an officer never needs a command line;
 * writes the report to <snapshot>/last-refresh.txt, tells the add-in
 * objects to reopen their data, recalculates the current document and
 * shows a short summary in the UI language that offers to open the full
 * report (refresh_ui.c).  When a refreshed table would remove rows served
 * now, it asks (Yes/No) whether to apply it anyway, and if so refreshes
 * again with accept_removals (from the download cache, so quickly).
 * Without a display (headless), LibreOffice closes the boxes at once (the
 * answer is then no); the report file stays.  trigger("rollback") makes
 * the previous snapshot version current (zj_snapshot_rollback).
 *
 * The refresh runs on the thread LibreOffice dispatches from; its progress
 * is shown in the status bar, and LibreOffice handles pending window events
 * at every step, so the window does not look frozen (a refresh of the
 * official sites takes seconds at the default 2 requests/s per host). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zhijiao.h>

#include "addin.h"
#include "refresh_ui.h"
#include "uno_object.h"
#include "uno_util.h"

/* At most this many changed rows are listed; the report says how many more. */
#define MAX_LISTED 20

static volatile unsigned generation;

unsigned zjc_snapshot_generation(void)
{
    return __atomic_load_n(&generation, __ATOMIC_ACQUIRE);
}

void zjc_snapshot_changed(void)
{
    __atomic_add_fetch(&generation, 1, __ATOMIC_ACQ_REL);
}

typedef struct command {
    zjc_object obj;           /* first */
    uno_Interface *ctx;       /* uno.XComponentContext */
} command;

static const char *const command_types[] = {
    "com.sun.star.uno.XInterface", "com.sun.star.task.XJobExecutor",
    "com.sun.star.lang.XServiceInfo", "com.sun.star.lang.XTypeProvider", NULL
};

/* ---- the report ------------------------------------------------------------ */

typedef struct text {
    char *s;
    size_t len, cap;
    int oom;
} text;

static void add(text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void add(text *t, const char *fmt, ...)
{
    va_list ap;
    int n;

    if (t->oom)
        return;
    for (;;) {
        size_t room = t->cap - t->len;
        va_start(ap, fmt);
        n = vsnprintf(t->s ? t->s + t->len : NULL, t->s ? room : 0, fmt, ap);
        va_end(ap);
        if (n < 0) {
            t->oom = 1;
            return;
        }
        if (t->s && (size_t)n < room) {
            t->len += (size_t)n;
            return;
        }
        {
            size_t cap = t->cap ? t->cap * 2 : 1024;
            char *p;
            while (cap < t->len + (size_t)n + 1)
                cap *= 2;
            p = realloc(t->s, cap);
            if (!p) {
                t->oom = 1;
                return;
            }
            t->s = p;
            t->cap = cap;
        }
    }
}

static void report_result(text *t, const zj_refresh_result *r, int *serious)
{
    size_t i, nt = zj_refresh_table_count(r), nc = zj_refresh_change_count(r);
    size_t nw = zj_refresh_warning_count(r), kinds[3] = { 0, 0, 0 }, findings = 0;
    static const char *const kind_zh[3] = { "新增", "删除", "修改" };

    if (zj_refresh_committed(r))
        add(t, "职教：官方数据已更新，快照版本 %s\nzhijiao: the official data were refreshed, snapshot version %s\n\n",
            zj_refresh_version(r), zj_refresh_version(r));
    else
        add(t, "职教：官方数据没有变化，快照保持不变\nzhijiao: nothing changed; the snapshot is as it was\n\n");
    add(t, "导入的表 / tables imported: %zu\n", nt);
    for (i = 0; i < nt; i++) {
        const zj_refresh_table *tb = zj_refresh_table_at(r, i);
        size_t nf = tb->findings ? tb->findings->count : 0;
        findings += nf;
        add(t, "  %s（%s）：%zu 行 / rows，核对发现 / audit findings: %zu\n",
            tb->name, tb->document ? tb->document : "", tb->rows, nf);
        if (nf)
            add(t, "    %s\n    %s\n", tb->findings->items[0].message_zh, tb->findings->items[0].message_en);
    }
    for (i = 0; i < nc; i++)
        kinds[zj_refresh_change_at(r, i)->kind]++;
    add(t, "\n与当前快照相比的变化 / changes against the current snapshot: %zu"
           "（新增 added %zu，删除 removed %zu，修改 changed %zu）\n",
        nc, kinds[ZJ_CHANGE_ADDED], kinds[ZJ_CHANGE_REMOVED], kinds[ZJ_CHANGE_CHANGED]);
    for (i = 0; i < nc && i < MAX_LISTED; i++) {
        const zj_refresh_change *c = zj_refresh_change_at(r, i);
        add(t, "  %s %s  %s  %s  %s → %s\n", kind_zh[c->kind], zj_change_kind_name(c->kind),
            c->table, c->key, *c->before ? c->before : "—", *c->after ? c->after : "—");
    }
    if (nc > MAX_LISTED)
        add(t, "  另有 %zu 条 / and %zu more\n", nc - MAX_LISTED, nc - MAX_LISTED);
    if (nw) {
        add(t, "\n警告 / warnings: %zu\n", nw);
        for (i = 0; i < nw && i < MAX_LISTED; i++)
            add(t, "  %s\n", zj_refresh_warning_at(r, i));
    }
    if (zj_refresh_note_count(r)) {
        add(t, "\n说明 / notes: %zu\n", zj_refresh_note_count(r));
        for (i = 0; i < zj_refresh_note_count(r) && i < MAX_LISTED; i++)
            add(t, "  %s\n", zj_refresh_note_at(r, i));
    }
    *serious = findings > 0 || nw > 0;
}

/* <snapshot_dir>/last-refresh.txt, replaced whole (temporary file, rename);
 * its path goes to out (empty when it could not be written). */
static void keep_report(const zj_refresh_options *o, const text *t, char *out, size_t out_size)
{
    char dir[4096], path[4200], tmp[4300];
    FILE *fp;

    out[0] = '\0';
    if (o->snapshot_dir)
        snprintf(dir, sizeof dir, "%s", o->snapshot_dir);
    else if (zj_snapshot_default_dir(dir, sizeof dir) >= sizeof dir)
        return;
    mkdir(dir, 0777);   /* a failed first refresh has made no snapshot yet */
    snprintf(path, sizeof path, "%s/last-refresh.txt", dir);
    snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid());
    if (!(fp = fopen(tmp, "wb")))
        return;
    if (fwrite(t->s, 1, t->len, fp) != t->len || fclose(fp) != 0) {
        unlink(tmp);
        return;
    }
    if (rename(tmp, path) != 0)
        unlink(tmp);
    else
        snprintf(out, out_size, "%s", path);
}

/* ---- LibreOffice: the document and the message box ------------------------------ */

static uno_Interface *create(command *c, const char *service)
{
    uno_Interface *smgr, *obj = NULL;
    rtl_uString *name;
    void *args[2];

    smgr = zjc_call_iface(c->ctx, "com.sun.star.uno.XComponentContext", "getServiceManager", NULL, NULL);
    if (!smgr)
        return NULL;
    name = zjc_ustr(service);
    args[0] = &name;
    args[1] = &c->ctx;
    obj = zjc_call_iface(smgr, "com.sun.star.lang.XMultiComponentFactory",
                         "createInstanceWithContext", args, NULL);
    rtl_uString_release(name);
    (*smgr->release)(smgr);
    return obj;
}

/* Recalculates every open spreadsheet (any of them may call the add-in);
 * desktop is a frame.XDesktop. */
static void recalculate(uno_Interface *desktop)
{
    uno_Interface *all, *it;
    sal_Bool more = 0;

    all = zjc_call_iface(desktop, "com.sun.star.frame.XDesktop", "getComponents", NULL, NULL);
    it = zjc_call_iface(all, "com.sun.star.container.XEnumerationAccess", "createEnumeration", NULL, NULL);
    while (it && zjc_call(it, "com.sun.star.container.XEnumeration", "hasMoreElements", &more, NULL, NULL) == 0 &&
           more) {
        uno_Any doc;
        uno_Interface *calc = NULL;

        if (zjc_call(it, "com.sun.star.container.XEnumeration", "nextElement", &doc, NULL, NULL) != 0)
            break;
        if (doc.pType->eTypeClass == typelib_TypeClass_INTERFACE && doc.pReserved)
            calc = zjc_query((uno_Interface *)doc.pReserved, "com.sun.star.sheet.XCalculatable");
        uno_any_destruct(&doc, NULL);
        if (calc) {
            zjc_call(calc, "com.sun.star.sheet.XCalculatable", "calculateAll", NULL, NULL, NULL);
            (*calc->release)(calc);
        }
    }
    if (it)
        (*it->release)(it);
    if (all)
        (*all->release)(all);
}

/* ---- the command ------------------------------------------------------------------ */

typedef struct progress_ctx {
    zjc_progress *bar;
    int zh;               /* the UI is Chinese */
} progress_ctx;

/* The short summary the box shows, in the UI language: the full report
 * (both languages, every table and change) is the file it offers to open. */
static void summary(text *t, const zj_refresh_result *r, int failed, const zj_error *err, int zh)
{
    size_t i, nc, kinds[3] = { 0, 0, 0 }, findings = 0;

    if (failed || !r) {
        add(t, zh ? "更新失败，快照和表格保持不变。\n%s" : "The refresh failed; the snapshot and the sheets are as they were.\n%s",
            zh ? err->message_zh : err->message_en);
        return;
    }
    nc = zj_refresh_change_count(r);
    for (i = 0; i < nc; i++)
        kinds[zj_refresh_change_at(r, i)->kind]++;
    for (i = 0; i < zj_refresh_table_count(r); i++)
        findings += zj_refresh_table_at(r, i)->findings ? zj_refresh_table_at(r, i)->findings->count : 0;
    if (zj_refresh_committed(r))
        add(t, zh ? "官方数据已更新（快照 %s），表格已重新计算。\n" : "The official data were refreshed (snapshot %s); the sheets are recalculated.\n",
            zj_refresh_version(r));
    else
        add(t, zh ? "官方数据没有变化。\n" : "Nothing changed in the official data.\n");
    add(t, zh ? "导入 %zu 张表；变化 %zu 处（新增 %zu，删除 %zu，修改 %zu）；核对发现 %zu 条；警告 %zu 条。"
              : "%zu tables imported; %zu changes (%zu added, %zu removed, %zu changed); %zu audit findings; %zu warnings.",
        zj_refresh_table_count(r), nc, kinds[ZJ_CHANGE_ADDED], kinds[ZJ_CHANGE_REMOVED],
        kinds[ZJ_CHANGE_CHANGED], findings, zj_refresh_warning_count(r));
}

static void on_progress(void *user, const char *stage, size_t done, size_t total, const char *what)
{
    progress_ctx *p = user;

    (void)what;
    zjc_progress_step(p->bar, stage, done, total, p->zh);
}

/* Tables held back because they would remove rows: asks whether to apply
 * them anyway; 1 for yes. */
static int accept_removals(command *c, uno_Interface *desktop, const zj_refresh_result *r, int zh)
{
    text q = { NULL, 0, 0, 0 };
    size_t i;
    int yes = 0;

    for (i = 0; i < zj_refresh_table_count(r); i++) {
        const zj_refresh_table *tb = zj_refresh_table_at(r, i);
        if (tb->held_back)
            add(&q, zh ? "  %s：会删除 %zu 行\n" : "  %s: would remove %zu rows\n", tb->name, tb->removed);
    }
    if (!q.len)
        return 0;
    add(&q, zh ? "\n这些表格会删除当前数据中的行（见更新报告）。仍然应用吗？"
               : "\nThese tables would remove rows from the data in use (see the report). Apply them anyway?");
    if (!q.oom && desktop)
        yes = zjc_message_box(c->ctx, desktop, 4, 3, zh ? "职教 — 更新官方数据" : "zhijiao — refresh the official data",
                              q.s) == 2;
    free(q.s);
    return yes;
}

static void run_refresh(command *c)
{
    zj_refresh_config *cfg = zj_refresh_config_new();
    zj_refresh_options o;
    zj_refresh_result *r = NULL;
    zj_error err;
    char path[4096], report[4200];
    text t = { NULL, 0, 0, 0 }, sum = { NULL, 0, 0, 0 };
    int serious = 0, failed = 0;
    uno_Interface *desktop, *any_desktop;
    progress_ctx pc;

    /* created as XInterface: a proxy answers only its own interface */
    any_desktop = create(c, "com.sun.star.frame.Desktop");
    desktop = zjc_query(any_desktop, "com.sun.star.frame.XDesktop");
    if (any_desktop)
        (*any_desktop->release)(any_desktop);
    pc.zh = zjc_ui_zh(c->ctx);
    pc.bar = desktop ? zjc_progress_start(c->ctx, desktop, pc.zh ? "职教：正在更新官方数据…" : "zhijiao: refreshing the official data…") : NULL;
    zj_refresh_options_init(&o);
    zj_error_clear(&err);
    if (!cfg) {
        failed = 1;
        add(&t, "内存不足\nout of memory\n");
    } else if (zj_refresh_config_default_path(path, sizeof path) < sizeof path &&
               access(path, F_OK) == 0 && zj_refresh_config_load(cfg, path, &err) != ZJ_OK) {
        failed = 1;
    } else {
        zj_refresh_config_apply(cfg, &o);
        o.progress = on_progress;
        o.progress_user = &pc;
        if (zj_refresh_run(&o, &r, &err) != ZJ_OK)
            failed = 1;
        else if (!o.accept_removals && !o.dry_run && accept_removals(c, desktop, r, pc.zh)) {
            zj_refresh_result_free(r);
            r = NULL;
            o.accept_removals = 1;
            if (zj_refresh_run(&o, &r, &err) != ZJ_OK)
                failed = 1;
        }
    }
    zjc_progress_end(pc.bar);
    if (failed && !t.len)
        add(&t, "职教：更新失败，快照保持不变\n%s%s%s\n\nzhijiao: the refresh failed; the snapshot is as it was\n%s%s%s\n",
            err.where, *err.where ? "：" : "", err.message_zh,
            err.where, *err.where ? ": " : "", err.message_en);
    if (r) {
        report_result(&t, r, &serious);
        if (zj_refresh_committed(r))
            zjc_snapshot_changed();
    }
    report[0] = '\0';
    if (!t.oom && t.s)
        keep_report(&o, &t, report, sizeof report);
    summary(&sum, r, failed, &err, pc.zh);
    if (report[0])
        add(&sum, pc.zh ? "\n\n完整报告已保存为 %s。现在打开吗？" : "\n\nThe full report is saved as %s. Open it now?", report);
    if (desktop) {
        if (r && zj_refresh_committed(r))
            recalculate(desktop);
        /* awt.MessageBoxType INFOBOX 1, WARNINGBOX 2, ERRORBOX 3; buttons
         * OK 1, YES_NO 3; results YES 2 */
        if (zjc_message_box(c->ctx, desktop, failed ? 3 : serious ? 2 : 1, report[0] ? 3 : 1,
                            pc.zh ? "职教 — 更新官方数据" : "zhijiao — refresh the official data",
                            sum.oom || !sum.s ? "内存不足 / out of memory" : sum.s) == 2)
            zjc_open_file(desktop, report);
        (*desktop->release)(desktop);
    }
    free(t.s);
    free(sum.s);
    zj_refresh_result_free(r);
    zj_refresh_config_free(cfg);
}

/* Tools ▸ Add-Ons ▸ roll back: the previous snapshot version, reported
 * like a refresh. */
static void run_rollback(command *c)
{
    zj_refresh_config *cfg = zj_refresh_config_new();
    zj_refresh_options o;
    zj_error err;
    char path[4096], report[4200], *v = NULL;
    text t = { NULL, 0, 0, 0 };
    uno_Interface *desktop, *any_desktop;
    int ok = 0, zh = zjc_ui_zh(c->ctx);

    zj_refresh_options_init(&o);
    zj_error_clear(&err);
    if (cfg && zj_refresh_config_default_path(path, sizeof path) < sizeof path && access(path, F_OK) == 0)
        zj_refresh_config_load(cfg, path, &err);
    zj_refresh_config_apply(cfg, &o);
    zj_error_clear(&err);
    if (zj_snapshot_rollback(o.snapshot_dir, &v, &err) == ZJ_OK) {
        ok = 1;
        zjc_snapshot_changed();
        if (*v)
            add(&t, "职教：已回退到上一个快照版本 %s\nzhijiao: rolled back to the previous snapshot version %s\n", v, v);
        else
            add(&t, "职教：已回退，只使用随附数据\nzhijiao: rolled back; the bundled data alone is served\n");
    } else {
        add(&t, "职教：回退失败\n%s\n\nzhijiao: the rollback failed\n%s\n", err.message_zh, err.message_en);
    }
    if (!t.oom && t.s)
        keep_report(&o, &t, report, sizeof report);
    any_desktop = create(c, "com.sun.star.frame.Desktop");
    desktop = zjc_query(any_desktop, "com.sun.star.frame.XDesktop");
    if (any_desktop)
        (*any_desktop->release)(any_desktop);
    if (desktop) {
        if (ok)
            recalculate(desktop);
        zjc_message_box(c->ctx, desktop, ok ? 1 : 3, 1, zh ? "职教 — 回退数据快照" : "zhijiao — roll back the snapshot",
                        t.oom || !t.s ? "内存不足 / out of memory" : t.s);
        (*desktop->release)(desktop);
    }
    free(v);
    free(t.s);
    zj_refresh_config_free(cfg);
}

static void command_destroy(zjc_object *o)
{
    command *c = (command *)o;

    if (c->ctx)
        (*c->ctx->release)(c->ctx);
    free(c);
}

static zjc_answer command_member(zjc_object *o, const char *name, void *pReturn, void *pArgs[],
                                 uno_Any *exc)
{
    char *event;

    (void)pReturn;
    (void)exc;
    if (strcmp(name, "trigger") != 0)
        return ZJC_UNKNOWN;
    event = zjc_utf8(*(rtl_uString **)pArgs[0]);
    if (event && strcmp(event, "refresh") == 0)
        run_refresh((command *)o);
    else if (event && strcmp(event, "rollback") == 0)
        run_rollback((command *)o);
    free(event);
    return ZJC_ANSWERED;
}

static const char *const command_services[] = { ZJC_REFRESH_IMPL, NULL };

static const zjc_object_class command_class = {
    .impl = ZJC_REFRESH_IMPL, .services = command_services,
    .types = command_types, .advertised = command_types + 1,
    .member = command_member, .destroy = command_destroy,
};

uno_Interface *zjc_refresh_command_new(uno_Interface *context)
{
    command *c = calloc(1, sizeof *c);

    if (!c)
        return NULL;
    zjc_object_init(&c->obj, &command_class);
    c->ctx = context;
    if (context)
        (*context->acquire)(context);
    return &c->obj.iface;
}
