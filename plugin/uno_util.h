/* uno_util.h — binary UNO from C: strings, members, exceptions, and calls
 * into LibreOffice's objects.
 *
 * Conventions of binary UNO (uno/dispatcher.h): a method is called through
 * the interface's pDispatcher with its member's type description, a
 * pointer to the return slot and an array of pointers to the arguments;
 * interfaces returned are acquired (the caller releases them); strings
 * are rtl_uString* (the caller releases them).  A proxy of a C++ object
 * answers only the members of the interface it was obtained as, so a call
 * goes to the result of zjc_query for that interface. */
#ifndef ZJ_PLUGIN_UNO_UTIL_H
#define ZJ_PLUGIN_UNO_UTIL_H

#include <stddef.h>

#include "uno_c.h"

/* A new UNO string from UTF-8 (NULL is ""); the caller releases it. */
rtl_uString *zjc_ustr(const char *utf8);

/* A malloc'd UTF-8 copy of a UNO string (NULL is ""); NULL when out of
 * memory. */
char *zjc_utf8(rtl_uString *u);

/* UTF-8 of u written into buf, or NULL when it does not fit in size bytes
 * (NUL included): the per-call path without an allocation.  A lone
 * surrogate becomes U+FFFD. */
char *zjc_utf8_into(rtl_uString *u, char *buf, size_t size);

/* The static type of a simple type class (no reference taken). */
typelib_TypeDescriptionReference *zjc_type_of(typelib_TypeClass tc);

void zjc_any_set_void(uno_Any *a);

/* "org.zhijiao.calc.XZhijiao::rateEstimate" -> "rateEstimate".  Inherited
 * members arrive decorated ("...::setLocale:@0,3:com.sun.star.sheet.XAddIn"):
 * the part before ":@" counts. */
void zjc_member_name(const typelib_TypeDescription *m, char *buf, size_t size);

/* Return slots of string and sequence<string> methods. */
void zjc_ret_string(void *pReturn, const char *s);
void zjc_ret_string_seq(void *pReturn, const char *const *items, size_t n);

/* Answers XInterface::queryInterface for an object that implements every
 * type named in `types` (NULL-terminated) on one uno_Interface. */
void zjc_query_self(uno_Interface *self, const char *const *types, void *pReturn, void *pArgs[]);

/* Answers XTypeProvider::getTypes with the interfaces named in `types`. */
void zjc_ret_types(void *pReturn, const char *const *types, size_t n);

/* Answers XTypeProvider::getImplementationId (an empty sequence: no
 * caching of type information by implementation id). */
void zjc_ret_empty_bytes(void *pReturn);

/* Raises com.sun.star.lang.IllegalArgumentException (Calc: Err:502) with
 * the message and argument position.  *ppExc must still point at the
 * caller's unconstructed any (the dispatchers keep it and clear
 * *ppException only on success). */
void zjc_throw_illegal_argument(uno_Any **ppExc, const char *msg, int pos);

/* ---- calling LibreOffice ------------------------------------------------ */

/* obj as the interface `iface` ("com.sun.star.frame.XDesktop"), acquired;
 * NULL when it does not implement it. */
uno_Interface *zjc_query(uno_Interface *obj, const char *iface);

/* Calls iface::method on obj (which must have been obtained as iface).
 * Returns 0, or -1 when the method does not exist or raised an exception;
 * then *why (if not NULL) is the exception's message, malloc'd. */
int zjc_call(uno_Interface *obj, const char *iface, const char *method,
             void *ret, void **args, char **why);

/* The common case of a method returning an interface: the result,
 * acquired, or NULL (with *why as for zjc_call). */
uno_Interface *zjc_call_iface(uno_Interface *obj, const char *iface, const char *method,
                              void **args, char **why);

#endif
