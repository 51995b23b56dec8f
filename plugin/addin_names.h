/* addin_names.h — sheet.XAddIn's questions about the functions
 * (addin_names.c). */
#ifndef ZJ_PLUGIN_ADDIN_NAMES_H
#define ZJ_PLUGIN_ADDIN_NAMES_H

#include <zhijiao.h>

#include "functions.h"
#include "uno_c.h"

typedef enum zjc_addin_question {
    ZJC_Q_NONE = 0, ZJC_Q_PROGRAMMATIC, ZJC_Q_DISPLAY_NAME, ZJC_Q_DESCRIPTION,
    ZJC_Q_ARG_NAME, ZJC_Q_ARG_HELP, ZJC_Q_CATEGORY, ZJC_Q_CATEGORY_NAME
} zjc_addin_question;

/* The question an XAddIn member asks, by its name; ZJC_Q_NONE if none. */
zjc_addin_question zjc_addin_question_of(const char *member);

/* Whether it takes an argument index (getDisplayArgumentName,
 * getArgumentDescription). */
#define ZJC_Q_TAKES_ARGN(q) ((q) == ZJC_Q_ARG_NAME || (q) == ZJC_Q_ARG_HELP)

/* The answer, malloc'd (NULL when out of memory): prog is the
 * programmatic name (the display name for ZJC_Q_PROGRAMMATIC). */
char *zjc_addin_answer(zjc_addin_question q, const char *prog, sal_Int32 argn, int zh);

/* The function behind a programmatic name: a row of the table (*fn) or a
 * generated check function (*check, *reasons); 0 if none. */
int zjc_find_method(const char *m, const zjc_func **fn, const zj_check_info **check, int *reasons);

/* The programmatic name of a display name (English, any case, or
 * Chinese), malloc'd; "" when none, NULL when out of memory. */
char *zjc_programmatic_name(const char *shown);

#endif
