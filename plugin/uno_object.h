/* uno_object.h — one binary-UNO object implementation shared by the
 * add-in, its factory and the refresh command.
 *
 * An object embeds zjc_object first and describes itself with a
 * zjc_object_class: the interfaces queryInterface answers, the types
 * getTypes lists, its implementation and service names, and a hook for
 * its own members.  The shared dispatcher answers XInterface
 * (queryInterface, acquire, release), XTypeProvider and XServiceInfo, so no
 * object repeats them. */
#ifndef ZJ_PLUGIN_UNO_OBJECT_H
#define ZJ_PLUGIN_UNO_OBJECT_H

#include <stddef.h>

#include "uno_c.h"

typedef struct zjc_object zjc_object;

/* What a hook did: answered, raised an exception into the caller's any
 * `exc` (zjc_object_raise), or did not know the member. */
typedef enum zjc_answer { ZJC_UNKNOWN = 0, ZJC_ANSWERED, ZJC_RAISED } zjc_answer;

typedef struct zjc_object_class {
    const char *impl;                     /* implementation name (XServiceInfo) */
    const char *const *services;          /* NULL-terminated service names */
    const char *const *types;             /* NULL-terminated: what queryInterface answers */
    const char *const *advertised;        /* NULL-terminated: what getTypes lists */
    /* Called first with the member's description, before any name is
     * worked out (the add-in's per-cell path); NULL if none. */
    zjc_answer (*fast)(zjc_object *self, const typelib_TypeDescription *member,
                       void *pReturn, void *pArgs[], uno_Any *exc);
    /* The object's own members, by short name ("trigger"); NULL if none. */
    zjc_answer (*member)(zjc_object *self, const char *name, void *pReturn, void *pArgs[],
                         uno_Any *exc);
    void (*destroy)(zjc_object *self);    /* the last reference went */
} zjc_object_class;

struct zjc_object {
    uno_Interface iface;      /* first: the pointer LibreOffice holds */
    oslInterlockedCount refs;
    const zjc_object_class *cls;
};

/* Sets up o (one reference) for cls; o is the start of the object. */
void zjc_object_init(zjc_object *o, const zjc_object_class *cls);

/* Raises com.sun.star.lang.IllegalArgumentException (Calc: Err:502) into
 * a hook's `exc`: ZJC_RAISED, or ZJC_ANSWERED when even the exception could
 * not be built. */
zjc_answer zjc_object_raise(uno_Any *exc, const char *msg, int pos);

#endif
