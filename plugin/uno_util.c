/* uno_util.c — binary UNO from C (see uno_util.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "uno_util.h"

rtl_uString *zjc_ustr(const char *utf8)
{
    rtl_uString *u = NULL;

    rtl_string2UString(&u, utf8 ? utf8 : "", utf8 ? (sal_Int32)strlen(utf8) : 0,
                       RTL_TEXTENCODING_UTF8, OSTRING_TO_OUSTRING_CVTFLAGS);
    return u;
}

char *zjc_utf8(rtl_uString *u)
{
    rtl_String *s = NULL;
    char *out;

    if (!u)
        return strdup("");
    rtl_uString2String(&s, u->buffer, u->length, RTL_TEXTENCODING_UTF8,
                       OUSTRING_TO_OSTRING_CVTFLAGS);
    if (!s)
        return NULL;
    out = malloc((size_t)s->length + 1);
    if (out) {
        memcpy(out, s->buffer, (size_t)s->length);
        out[s->length] = '\0';
    }
    rtl_string_release(s);
    return out;
}

char *zjc_utf8_into(rtl_uString *u, char *buf, size_t size)
{
    size_t o = 0;
    sal_Int32 i;

    for (i = 0; u && i < u->length; i++) {
        unsigned long c = u->buffer[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < u->length &&
            u->buffer[i + 1] >= 0xDC00 && u->buffer[i + 1] <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + (u->buffer[i + 1] - 0xDC00);
            i++;
        } else if (c >= 0xD800 && c <= 0xDFFF) {
            c = 0xFFFD;     /* a lone surrogate */
        }
        if (o + 5 > size)
            return NULL;
        if (c < 0x80) {
            buf[o++] = (char)c;
        } else if (c < 0x800) {
            buf[o++] = (char)(0xC0 | (c >> 6));
            buf[o++] = (char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            buf[o++] = (char)(0xE0 | (c >> 12));
            buf[o++] = (char)(0x80 | ((c >> 6) & 0x3F));
            buf[o++] = (char)(0x80 | (c & 0x3F));
        } else {
            buf[o++] = (char)(0xF0 | (c >> 18));
            buf[o++] = (char)(0x80 | ((c >> 12) & 0x3F));
            buf[o++] = (char)(0x80 | ((c >> 6) & 0x3F));
            buf[o++] = (char)(0x80 | (c & 0x3F));
        }
    }
    if (o + 1 > size)
        return NULL;
    buf[o] = '\0';
    return buf;
}

typelib_TypeDescriptionReference *zjc_type_of(typelib_TypeClass tc)
{
    return *typelib_static_type_getByTypeClass(tc);
}

void zjc_any_set_void(uno_Any *a)
{
    uno_type_any_construct(a, NULL, NULL, NULL);
}

/* The short name of a member's full name, in place. */
static const char *short_member(char *full)
{
    char *at = strstr(full, ":@"), *p = full, *q;

    if (at)
        *at = '\0';
    while ((q = strstr(p, "::")) != NULL)
        p = q + 2;
    return p;
}

void zjc_member_name(const typelib_TypeDescription *m, char *buf, size_t size)
{
    char *full = zjc_utf8(m->pTypeName);

    buf[0] = '\0';
    if (!full)
        return;
    snprintf(buf, size, "%s", short_member(full));
    free(full);
}

void zjc_ret_string(void *pReturn, const char *s)
{
    *(rtl_uString **)pReturn = zjc_ustr(s);
}

void zjc_ret_string_seq(void *pReturn, const char *const *items, size_t n)
{
    static typelib_TypeDescriptionReference *seq;   /* static types live as long as the process */
    rtl_uString **u = calloc(n ? n : 1, sizeof *u);
    uno_Sequence *out = NULL;
    size_t i;

    for (i = 0; u && i < n; i++)
        u[i] = zjc_ustr(items[i]);
    typelib_static_sequence_type_init(&seq, zjc_type_of(typelib_TypeClass_STRING));
    uno_type_sequence_construct(&out, seq, u, u ? (sal_Int32)n : 0, NULL);
    for (i = 0; u && i < n; i++)
        rtl_uString_release(u[i]);
    free(u);
    *(uno_Sequence **)pReturn = out;
}

void zjc_query_self(uno_Interface *self, const char *const *types, void *pReturn, void *pArgs[])
{
    typelib_TypeDescriptionReference *t = *(typelib_TypeDescriptionReference **)pArgs[0];
    char *name = zjc_utf8(t->pTypeName);
    size_t i;

    for (i = 0; name && types[i]; i++)
        if (strcmp(types[i], name) == 0) {
            uno_type_any_construct((uno_Any *)pReturn, &self, t, NULL);
            free(name);
            return;
        }
    free(name);
    zjc_any_set_void((uno_Any *)pReturn);
}

void zjc_ret_types(void *pReturn, const char *const *types, size_t n)
{
    static typelib_TypeDescriptionReference *seq;
    typelib_TypeDescriptionReference **refs = calloc(n ? n : 1, sizeof *refs);
    uno_Sequence *out = NULL;
    size_t i;

    for (i = 0; refs && i < n; i++)
        typelib_typedescriptionreference_newByAsciiName(&refs[i], typelib_TypeClass_INTERFACE, types[i]);
    typelib_static_sequence_type_init(&seq, zjc_type_of(typelib_TypeClass_TYPE));
    uno_type_sequence_construct(&out, seq, refs, refs ? (sal_Int32)n : 0, NULL);
    for (i = 0; refs && i < n; i++)
        typelib_typedescriptionreference_release(refs[i]);
    free(refs);
    *(uno_Sequence **)pReturn = out;
}

void zjc_ret_empty_bytes(void *pReturn)
{
    static typelib_TypeDescriptionReference *seq;
    uno_Sequence *out = NULL;

    typelib_static_sequence_type_init(&seq, zjc_type_of(typelib_TypeClass_BYTE));
    uno_type_sequence_construct(&out, seq, NULL, 0, NULL);
    *(uno_Sequence **)pReturn = out;
}

void zjc_throw_illegal_argument(uno_Any **ppExc, const char *msg, int pos)
{
    typelib_TypeDescription *td = NULL;
    void *mem;
    rtl_uString *u;

    u = zjc_ustr("com.sun.star.lang.IllegalArgumentException");
    typelib_typedescription_getByName(&td, u);
    rtl_uString_release(u);
    if (!td) {
        *ppExc = NULL;
        return;
    }
    mem = calloc(1, (size_t)td->nSize);
    if (!mem) {
        typelib_typedescription_release(td);
        *ppExc = NULL;
        return;
    }
    uno_constructData(mem, td);
    u = zjc_ustr(msg);
    rtl_uString_assign((rtl_uString **)mem, u);   /* Exception.Message is the first member */
    rtl_uString_release(u);
    {
        typelib_CompoundTypeDescription *ct = (typelib_CompoundTypeDescription *)td;
        if (ct->nMembers >= 1)   /* its own member: ArgumentPosition */
            *(sal_Int16 *)((char *)mem + ct->pMemberOffsets[0]) = (sal_Int16)(pos < 0 ? 0 : pos);
    }
    uno_any_construct(*ppExc, mem, td, NULL);
    uno_destructData(mem, td, NULL);
    free(mem);
    typelib_typedescription_release(td);
}

/* ---- calling LibreOffice ------------------------------------------------ */

/* The description of iface::method (inherited members included), or NULL;
 * released by the caller. */
static typelib_TypeDescription *member_of(const char *iface, const char *method)
{
    typelib_TypeDescription *td = NULL, *mtd = NULL;
    typelib_InterfaceTypeDescription *itd;
    rtl_uString *u = zjc_ustr(iface);
    sal_Int32 i;

    typelib_typedescription_getByName(&td, u);
    rtl_uString_release(u);
    if (!td)
        return NULL;
    if (td->eTypeClass != typelib_TypeClass_INTERFACE) {
        typelib_typedescription_release(td);
        return NULL;
    }
    if (!td->bComplete)
        typelib_typedescription_complete(&td);
    itd = (typelib_InterfaceTypeDescription *)td;
    for (i = 0; i < itd->nAllMembers && !mtd; i++) {
        char *full = zjc_utf8(itd->ppAllMembers[i]->pTypeName);
        if (full && strcmp(short_member(full), method) == 0)
            typelib_typedescriptionreference_getDescription(&mtd, itd->ppAllMembers[i]);
        free(full);
    }
    typelib_typedescription_release(td);
    return mtd;
}

int zjc_call(uno_Interface *obj, const char *iface, const char *method,
             void *ret, void **args, char **why)
{
    typelib_TypeDescription *m;
    uno_Any exc, *pexc = &exc;

    if (why)
        *why = NULL;
    if (!obj)
        return -1;
    m = member_of(iface, method);
    if (!m) {
        if (why)
            *why = strdup("no such UNO method");
        return -1;
    }
    (*obj->pDispatcher)(obj, m, ret, args, &pexc);
    typelib_typedescription_release(m);
    if (pexc) {
        /* every UNO exception starts with Exception.Message */
        if (why && exc.pType->eTypeClass == typelib_TypeClass_EXCEPTION)
            *why = zjc_utf8(*(rtl_uString **)exc.pData);
        uno_any_destruct(&exc, NULL);
        return -1;
    }
    return 0;
}

uno_Interface *zjc_call_iface(uno_Interface *obj, const char *iface, const char *method,
                              void **args, char **why)
{
    uno_Interface *r = NULL;

    if (zjc_call(obj, iface, method, &r, args, why) != 0)
        return NULL;
    return r;
}

uno_Interface *zjc_query(uno_Interface *obj, const char *iface)
{
    typelib_TypeDescriptionReference *t = NULL;
    uno_Interface *res = NULL;
    uno_Any r;
    void *args[1];

    if (!obj)
        return NULL;
    typelib_typedescriptionreference_newByAsciiName(&t, typelib_TypeClass_INTERFACE, iface);
    args[0] = &t;
    if (zjc_call(obj, "com.sun.star.uno.XInterface", "queryInterface", &r, args, NULL) == 0) {
        if (r.pType->eTypeClass == typelib_TypeClass_INTERFACE && r.pReserved) {
            res = (uno_Interface *)r.pReserved;
            (*res->acquire)(res);
        }
        uno_any_destruct(&r, NULL);
    }
    typelib_typedescriptionreference_release(t);
    return res;
}
