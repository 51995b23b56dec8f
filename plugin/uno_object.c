/* uno_object.c — the shared binary-UNO object (see uno_object.h). */
#include <stdlib.h>
#include <string.h>

#include "uno_object.h"
#include "uno_util.h"

static void SAL_CALL object_acquire(uno_Interface *pI)
{
    osl_atomic_increment(&((zjc_object *)pI)->refs);
}

static void SAL_CALL object_release(uno_Interface *pI)
{
    zjc_object *o = (zjc_object *)pI;

    if (osl_atomic_decrement(&o->refs) == 0)
        o->cls->destroy(o);
}

static size_t count(const char *const *list)
{
    size_t n = 0;

    while (list && list[n])
        n++;
    return n;
}

typedef enum common_member {
    M_QUERY, M_ACQUIRE, M_RELEASE, M_TYPES, M_IMPL_ID, M_IMPL_NAME, M_SERVICES, M_SUPPORTS
} common_member;

static const struct { const char *name; common_member m; } common[] = {
    { "queryInterface", M_QUERY }, { "acquire", M_ACQUIRE }, { "release", M_RELEASE },
    { "getTypes", M_TYPES }, { "getImplementationId", M_IMPL_ID },
    { "getImplementationName", M_IMPL_NAME }, { "getSupportedServiceNames", M_SERVICES },
    { "supportsService", M_SUPPORTS },
};

static void SAL_CALL object_dispatch(uno_Interface *pI, const typelib_TypeDescription *pMember,
                                     void *pReturn, void *pArgs[], uno_Any **ppException)
{
    zjc_object *o = (zjc_object *)pI;
    const zjc_object_class *cls = o->cls;
    uno_Any *exc = *ppException;
    char name[128];
    size_t i;

    /* *ppException is the caller's any on return when something was
     * raised into it, NULL otherwise */
    *ppException = NULL;
    if (cls->fast) {
        zjc_answer a = cls->fast(o, pMember, pReturn, pArgs, exc);
        if (a != ZJC_UNKNOWN) {
            *ppException = a == ZJC_RAISED ? exc : NULL;
            return;
        }
    }
    zjc_member_name(pMember, name, sizeof name);
    for (i = 0; i < sizeof common / sizeof common[0]; i++)
        if (strcmp(common[i].name, name) == 0)
            break;
    switch (i < sizeof common / sizeof common[0] ? (int)common[i].m : -1) {
    case M_QUERY: zjc_query_self(pI, cls->types, pReturn, pArgs); return;
    case M_ACQUIRE: object_acquire(pI); return;
    case M_RELEASE: object_release(pI); return;
    case M_TYPES: zjc_ret_types(pReturn, cls->advertised, count(cls->advertised)); return;
    case M_IMPL_ID: zjc_ret_empty_bytes(pReturn); return;
    case M_IMPL_NAME: zjc_ret_string(pReturn, cls->impl); return;
    case M_SERVICES: zjc_ret_string_seq(pReturn, cls->services, count(cls->services)); return;
    case M_SUPPORTS: {
        char *s = zjc_utf8(*(rtl_uString **)pArgs[0]);
        size_t k;
        *(sal_Bool *)pReturn = 0;
        for (k = 0; s && cls->services && cls->services[k]; k++)
            if (strcmp(s, cls->services[k]) == 0)
                *(sal_Bool *)pReturn = 1;
        free(s);
        return;
    }
    default:
        break;
    }
    if (cls->member) {
        zjc_answer a = cls->member(o, name, pReturn, pArgs, exc);
        if (a != ZJC_UNKNOWN) {
            *ppException = a == ZJC_RAISED ? exc : NULL;
            return;
        }
    }
    *ppException = zjc_object_raise(exc, "zhijiao: unknown member", 0) == ZJC_RAISED ? exc : NULL;
}

void zjc_object_init(zjc_object *o, const zjc_object_class *cls)
{
    o->iface.acquire = object_acquire;
    o->iface.release = object_release;
    o->iface.pDispatcher = object_dispatch;
    o->refs = 1;
    o->cls = cls;
}

zjc_answer zjc_object_raise(uno_Any *exc, const char *msg, int pos)
{
    uno_Any *p = exc;

    zjc_throw_illegal_argument(&p, msg, pos);
    return p ? ZJC_RAISED : ZJC_ANSWERED;
}
