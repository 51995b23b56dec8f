/* component.c — the shared library's entry points: the UNO loader asks
 * for a factory (lang.XSingleComponentFactory) per implementation named in
 * zhijiao.components, in the binary UNO environment ("uno"), so the
 * loader bridges LibreOffice's C++ calls to our C dispatchers. */
#include <stdlib.h>
#include <string.h>

#include "addin.h"
#include "functions.h"
#include "uno_object.h"

#define EXPORT __attribute__((visibility("default")))

typedef enum impl_kind { IMPL_ADDIN = 0, IMPL_REFRESH } impl_kind;

typedef struct factory {
    zjc_object obj;           /* first */
    impl_kind kind;
} factory;

static void factory_destroy(zjc_object *o)
{
    free(o);
}

static zjc_answer factory_member(zjc_object *o, const char *name, void *pReturn, void *pArgs[],
                                 uno_Any *exc)
{
    factory *f = (factory *)o;
    uno_Interface *ctx, *obj;

    /* the context is the last argument of both */
    if (strcmp(name, "createInstanceWithContext") == 0)
        ctx = *(uno_Interface **)pArgs[0];
    else if (strcmp(name, "createInstanceWithArgumentsAndContext") == 0)
        ctx = *(uno_Interface **)pArgs[1];
    else
        return ZJC_UNKNOWN;
    obj = f->kind == IMPL_ADDIN ? zjc_addin_new() : zjc_refresh_command_new(ctx);
    *(uno_Interface **)pReturn = obj;
    return obj ? ZJC_ANSWERED : zjc_object_raise(exc, "zhijiao add-in: out of memory", 0);
}

static const char *const factory_types[] = {
    "com.sun.star.uno.XInterface", "com.sun.star.lang.XSingleComponentFactory", NULL
};

static const zjc_object_class factory_class = {
    .types = factory_types, .advertised = factory_types + 1,
    .member = factory_member, .destroy = factory_destroy,
};

EXPORT void component_getImplementationEnvironment(const char **envTypeName, void **env);
EXPORT void component_getImplementationEnvironment(const char **envTypeName, void **env)
{
    (void)env;
    *envTypeName = "uno";
}

EXPORT void *component_getFactory(const char *implName, void *serviceManager, void *registryKey);
EXPORT void *component_getFactory(const char *implName, void *serviceManager, void *registryKey)
{
    factory *f;
    impl_kind kind;

    (void)serviceManager;
    (void)registryKey;
    if (implName && strcmp(implName, ZJC_IMPL) == 0)
        kind = IMPL_ADDIN;
    else if (implName && strcmp(implName, ZJC_REFRESH_IMPL) == 0)
        kind = IMPL_REFRESH;
    else
        return NULL;
    f = calloc(1, sizeof *f);
    if (!f)
        return NULL;
    zjc_object_init(&f->obj, &factory_class);
    f->kind = kind;
    return &f->obj.iface;
}
