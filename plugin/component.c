/* component.c — the shared library's entry points: the UNO loader asks
 * for a factory (lang.XSingleComponentFactory) per implementation named in
 * zhijiao.components, in the binary UNO environment ("uno"), so the
 * loader bridges LibreOffice's C++ calls to our C dispatchers. */
#include <stdlib.h>
#include <string.h>

#include "addin.h"
#include "functions.h"
#include "uno_util.h"

#define EXPORT __attribute__((visibility("default")))

typedef enum impl_kind { IMPL_ADDIN = 0, IMPL_REFRESH } impl_kind;

typedef struct factory {
    uno_Interface iface;
    oslInterlockedCount refs;
    impl_kind kind;
} factory;

static void SAL_CALL factory_acquire(uno_Interface *pI)
{
    osl_atomic_increment(&((factory *)pI)->refs);
}

static void SAL_CALL factory_release(uno_Interface *pI)
{
    if (osl_atomic_decrement(&((factory *)pI)->refs) == 0)
        free(pI);
}

static void SAL_CALL factory_dispatch(uno_Interface *pI, const typelib_TypeDescription *pMember,
                                      void *pReturn, void *pArgs[], uno_Any **ppException)
{
    static const char *const types[] = {
        "com.sun.star.uno.XInterface", "com.sun.star.lang.XSingleComponentFactory", NULL
    };
    factory *f = (factory *)pI;
    char m[128];
    uno_Any *exc = *ppException;

    *ppException = NULL;
    zjc_member_name(pMember, m, sizeof m);
    if (strcmp(m, "queryInterface") == 0) {
        zjc_query_self(pI, types, pReturn, pArgs);
    } else if (strcmp(m, "acquire") == 0) {
        factory_acquire(pI);
    } else if (strcmp(m, "release") == 0) {
        factory_release(pI);
    } else if (strcmp(m, "createInstanceWithContext") == 0 ||
               strcmp(m, "createInstanceWithArgumentsAndContext") == 0) {
        /* the context is the last argument of both */
        int with_args = strcmp(m, "createInstanceWithArgumentsAndContext") == 0;
        uno_Interface *ctx = *(uno_Interface **)pArgs[with_args ? 1 : 0];
        uno_Interface *obj = f->kind == IMPL_ADDIN ? zjc_addin_new() : zjc_refresh_command_new(ctx);
        if (!obj) {
            *ppException = exc;
            zjc_throw_illegal_argument(ppException, "zhijiao add-in: out of memory", 0);
        }
        *(uno_Interface **)pReturn = obj;
    } else {
        *ppException = exc;
        zjc_throw_illegal_argument(ppException, "zhijiao add-in factory: unknown member", 0);
    }
}

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
    f->iface.acquire = factory_acquire;
    f->iface.release = factory_release;
    f->iface.pDispatcher = factory_dispatch;
    f->refs = 1;
    f->kind = kind;
    return &f->iface;
}
