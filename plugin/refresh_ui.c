/* refresh_ui.c — the refresh command's user interface (see refresh_ui.h),
 * over binary UNO: task.XStatusIndicator from the frame
 * (XStatusIndicatorFactory), awt.XReschedule to let LibreOffice repaint
 * between requests (the refresh runs on its thread; the core calls
 * progress on that thread), awt.XMessageBoxFactory, and
 * frame.XComponentLoader for the report. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <osl/file.h>

#include "refresh_ui.h"
#include "uno_util.h"

struct zjc_progress {
    uno_Interface *indicator;   /* task.XStatusIndicator */
    uno_Interface *resched;     /* awt.XReschedule */
    size_t step;
};

static uno_Interface *create(uno_Interface *ctx, const char *service)
{
    uno_Interface *smgr, *obj;
    rtl_uString *name;
    void *args[2];

    smgr = zjc_call_iface(ctx, "com.sun.star.uno.XComponentContext", "getServiceManager", NULL, NULL);
    if (!smgr)
        return NULL;
    name = zjc_ustr(service);
    args[0] = &name;
    args[1] = &ctx;
    obj = zjc_call_iface(smgr, "com.sun.star.lang.XMultiComponentFactory", "createInstanceWithContext", args, NULL);
    rtl_uString_release(name);
    (*smgr->release)(smgr);
    return obj;
}

static void release(uno_Interface *i)
{
    if (i)
        (*i->release)(i);
}

/* The desktop's current frame, or else its first one: the current frame is
 * set when a window is activated, which a window manager may not have
 * done yet (or at all, under a bare X server). */
static uno_Interface *current_frame(uno_Interface *desktop)
{
    uno_Interface *frame, *supplier, *frames;
    uno_Any a;
    sal_Int32 i0 = 0;
    void *args[1] = { &i0 };

    frame = zjc_call_iface(desktop, "com.sun.star.frame.XDesktop", "getCurrentFrame", NULL, NULL);
    if (frame)
        return frame;
    supplier = zjc_query(desktop, "com.sun.star.frame.XFramesSupplier");
    frames = zjc_call_iface(supplier, "com.sun.star.frame.XFramesSupplier", "getFrames", NULL, NULL);
    release(supplier);
    if (frames && zjc_call(frames, "com.sun.star.container.XIndexAccess", "getByIndex", &a, args, NULL) == 0) {
        if (a.pType->eTypeClass == typelib_TypeClass_INTERFACE && a.pReserved)
            frame = zjc_query((uno_Interface *)a.pReserved, "com.sun.star.frame.XFrame");
        uno_any_destruct(&a, NULL);
    }
    release(frames);
    return frame;
}

/* ---- the UI language ---------------------------------------------------- */

/* A configuration value (a string) at node/prop, malloc'd, or NULL. */
static char *config_string(uno_Interface *ctx, const char *node, const char *prop)
{
    uno_Interface *prov_any = create(ctx, "com.sun.star.configuration.ConfigurationProvider");
    uno_Interface *prov = zjc_query(prov_any, "com.sun.star.lang.XMultiServiceFactory"), *access_ = NULL;
    typelib_TypeDescription *pv = NULL, *seq_td = NULL;
    typelib_TypeDescriptionReference *seq_ref = NULL;
    rtl_uString *u;
    char *out = NULL;

    release(prov_any);
    u = zjc_ustr("com.sun.star.beans.PropertyValue");
    typelib_typedescription_getByName(&pv, u);
    rtl_uString_release(u);
    if (prov && pv) {
        /* sequence< any >{ PropertyValue{ "nodepath", 0, node, DIRECT_VALUE } } */
        typelib_CompoundTypeDescription *ct = (typelib_CompoundTypeDescription *)pv;
        void *val = calloc(1, (size_t)pv->nSize);
        uno_Any arg;
        uno_Sequence *args = NULL;
        rtl_uString *service = zjc_ustr("com.sun.star.configuration.ConfigurationAccess");
        void *cargs[2];
        sal_Int32 k;

        if (val) {
            uno_constructData(val, pv);
            for (k = 0; k < ct->nMembers; k++) {
                char *m = zjc_utf8(ct->ppMemberNames[k]);
                void *at = (char *)val + ct->pMemberOffsets[k];
                if (m && strcmp(m, "Name") == 0) {
                    rtl_uString *nm = zjc_ustr("nodepath");
                    rtl_uString_assign((rtl_uString **)at, nm);
                    rtl_uString_release(nm);
                } else if (m && strcmp(m, "Value") == 0) {
                    rtl_uString *nv = zjc_ustr(node);
                    uno_any_destruct((uno_Any *)at, NULL);
                    uno_type_any_construct((uno_Any *)at, &nv, zjc_type_of(typelib_TypeClass_STRING), NULL);
                    rtl_uString_release(nv);
                }
                free(m);
            }
            uno_any_construct(&arg, val, pv, NULL);
            typelib_static_sequence_type_init(&seq_ref, zjc_type_of(typelib_TypeClass_ANY));
            uno_type_sequence_construct(&args, seq_ref, &arg, 1, NULL);
            uno_any_destruct(&arg, NULL);
            uno_destructData(val, pv, NULL);
            free(val);
            cargs[0] = &service;
            cargs[1] = &args;
            access_ = zjc_call_iface(prov, "com.sun.star.lang.XMultiServiceFactory",
                                     "createInstanceWithArguments", cargs, NULL);
            uno_type_destructData(&args, seq_ref, NULL);
        }
        rtl_uString_release(service);
    }
    if (access_) {
        uno_Interface *names = zjc_query(access_, "com.sun.star.container.XNameAccess");
        rtl_uString *p = zjc_ustr(prop);
        void *a[1] = { &p };
        uno_Any v;
        if (names && zjc_call(names, "com.sun.star.container.XNameAccess", "getByName", &v, a, NULL) == 0) {
            if (v.pType->eTypeClass == typelib_TypeClass_STRING)
                out = zjc_utf8(*(rtl_uString **)v.pData);
            uno_any_destruct(&v, NULL);
        }
        rtl_uString_release(p);
        release(names);
    }
    release(access_);
    release(prov);
    if (pv)
        typelib_typedescription_release(pv);
    (void)seq_td;
    return out;
}

int zjc_ui_zh(uno_Interface *ctx)
{
    char *loc = config_string(ctx, "/org.openoffice.Office.Linguistic/General", "UILocale");
    int zh;

    if (!loc || !*loc) {
        free(loc);
        loc = config_string(ctx, "/org.openoffice.Setup/L10N", "ooLocale");
    }
    zh = loc && strncmp(loc, "zh", 2) == 0;
    free(loc);
    return zh;
}

/* ---- progress ------------------------------------------------------------- */

zjc_progress *zjc_progress_start(uno_Interface *ctx, uno_Interface *desktop, const char *text)
{
    uno_Interface *frame, *factory, *indicator = NULL, *toolkit;
    zjc_progress *p;

    frame = current_frame(desktop);
    factory = zjc_query(frame, "com.sun.star.task.XStatusIndicatorFactory");
    if (factory)
        indicator = zjc_call_iface(factory, "com.sun.star.task.XStatusIndicatorFactory",
                                   "createStatusIndicator", NULL, NULL);
    release(factory);
    release(frame);
    if (!indicator || !(p = calloc(1, sizeof *p))) {
        release(indicator);
        return NULL;
    }
    p->indicator = indicator;
    toolkit = create(ctx, "com.sun.star.awt.Toolkit");
    p->resched = zjc_query(toolkit, "com.sun.star.awt.XReschedule");
    release(toolkit);
    {
        rtl_uString *t = zjc_ustr(text);
        sal_Int32 range = 100;
        void *a[2] = { &t, &range };
        zjc_call(indicator, "com.sun.star.task.XStatusIndicator", "start", NULL, a, NULL);
        rtl_uString_release(t);
    }
    if (p->resched)
        zjc_call(p->resched, "com.sun.star.awt.XReschedule", "reschedule", NULL, NULL, NULL);
    return p;
}

void zjc_progress_step(zjc_progress *p, const char *stage, size_t done, size_t total, int zh)
{
    static const struct { const char *stage, *zh, *en; } names[] = {
        { "list", "读取栏目列表", "reading the lists" }, { "article", "读取通知", "reading the notices" },
        { "attachment", "下载附件", "downloading attachments" }, { "cache", "使用缓存", "using the cache" },
        { "skip", "跳过附件", "skipping an attachment" },
    };
    const char *what = stage;
    char buf[256];
    size_t i;
    sal_Int32 value;

    if (!p)
        return;
    for (i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(names[i].stage, stage) == 0)
            what = zh ? names[i].zh : names[i].en;
    if (total)
        snprintf(buf, sizeof buf, zh ? "职教：更新官方数据 — %s %zu/%zu" : "zhijiao: refreshing — %s %zu/%zu",
                 what, done, total);
    else
        snprintf(buf, sizeof buf, zh ? "职教：更新官方数据 — %s %zu" : "zhijiao: refreshing — %s %zu", what, done);
    /* a stage's share when its total is known; else a slow creep */
    value = total ? (sal_Int32)(100 * done / total) : (sal_Int32)(++p->step % 100);
    {
        rtl_uString *t = zjc_ustr(buf);
        void *a[1] = { &t };
        void *v[1] = { &value };
        zjc_call(p->indicator, "com.sun.star.task.XStatusIndicator", "setText", NULL, a, NULL);
        zjc_call(p->indicator, "com.sun.star.task.XStatusIndicator", "setValue", NULL, v, NULL);
        rtl_uString_release(t);
    }
    if (p->resched)
        zjc_call(p->resched, "com.sun.star.awt.XReschedule", "reschedule", NULL, NULL, NULL);
}

void zjc_progress_end(zjc_progress *p)
{
    if (!p)
        return;
    zjc_call(p->indicator, "com.sun.star.task.XStatusIndicator", "end", NULL, NULL, NULL);
    release(p->indicator);
    release(p->resched);
    free(p);
}

/* ---- the result ------------------------------------------------------------ */

int zjc_message_box(uno_Interface *ctx, uno_Interface *desktop, int type, int buttons,
                    const char *title, const char *msg)
{
    uno_Interface *frame, *window = NULL, *peer = NULL, *toolkit, *factory, *box = NULL;
    rtl_uString *t, *m;
    sal_Int32 kind = type, b = buttons;
    sal_Int16 answer = 0;
    void *args[5];

    frame = current_frame(desktop);
    if (frame)
        window = zjc_call_iface(frame, "com.sun.star.frame.XFrame", "getContainerWindow", NULL, NULL);
    if (window)
        peer = zjc_query(window, "com.sun.star.awt.XWindowPeer");
    toolkit = create(ctx, "com.sun.star.awt.Toolkit");
    factory = zjc_query(toolkit, "com.sun.star.awt.XMessageBoxFactory");
    if (factory && peer) {
        t = zjc_ustr(title);
        m = zjc_ustr(msg);
        args[0] = &peer;
        args[1] = &kind;
        args[2] = &b;
        args[3] = &t;
        args[4] = &m;
        box = zjc_call_iface(factory, "com.sun.star.awt.XMessageBoxFactory", "createMessageBox", args, NULL);
        rtl_uString_release(t);
        rtl_uString_release(m);
    }
    if (box)
        zjc_call(box, "com.sun.star.awt.XMessageBox", "execute", &answer, NULL, NULL);
    release(box);
    release(factory);
    release(toolkit);
    release(peer);
    release(window);
    release(frame);
    return answer;
}

void zjc_open_file(uno_Interface *desktop, const char *path)
{
    uno_Interface *loader = zjc_query(desktop, "com.sun.star.frame.XComponentLoader"), *doc;
    static typelib_TypeDescriptionReference *seq;
    typelib_TypeDescriptionReference *pv = NULL;
    rtl_uString *url, *target = zjc_ustr("_blank"), *sys = zjc_ustr(path);
    uno_Sequence *props = NULL;
    sal_Int32 flags = 0;
    void *a[4];

    url = NULL;
    osl_getFileURLFromSystemPath(sys, &url);
    typelib_typedescriptionreference_newByAsciiName(&pv, typelib_TypeClass_STRUCT, "com.sun.star.beans.PropertyValue");
    typelib_static_sequence_type_init(&seq, pv);
    uno_type_sequence_construct(&props, seq, NULL, 0, NULL);
    a[0] = &url;
    a[1] = &target;
    a[2] = &flags;
    a[3] = &props;
    if (loader && url) {
        doc = zjc_call_iface(loader, "com.sun.star.frame.XComponentLoader", "loadComponentFromURL", a, NULL);
        release(doc);
    }
    uno_type_destructData(&props, seq, NULL);
    typelib_typedescriptionreference_release(pv);
    if (url)
        rtl_uString_release(url);
    rtl_uString_release(target);
    rtl_uString_release(sys);
    release(loader);
}
