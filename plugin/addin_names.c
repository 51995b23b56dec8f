/* addin_names.c — sheet.XAddIn's questions about the functions, answered
 * from the function table (functions.c) and the check catalogue: display
 * names, descriptions, argument names and help, in English or Chinese. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "addin_names.h"

int zjc_find_method(const char *m, const zjc_func **fn, const zj_check_info **check, int *reasons)
{
    size_t i;
    char buf[128];
    int r;

    *fn = NULL;
    *check = NULL;
    *reasons = 0;
    for (i = 0; i < zjc_static_count; i++)
        if (strcmp(zjc_static_funcs[i].method, m) == 0) {
            *fn = &zjc_static_funcs[i];
            return 1;
        }
    for (i = 0; i < zj_check_count(); i++)
        for (r = 0; r < 2; r++) {
            zjc_check_method(zj_check_at(i)->name, r, buf, sizeof buf);
            if (strcmp(buf, m) == 0) {
                *check = zj_check_at(i);
                *reasons = r;
                return 1;
            }
        }
    return 0;
}

static char *display_name(const zjc_func *fn, const zj_check_info *ci, int reasons, int zh)
{
    char buf[256];

    if (fn)
        return strdup(zh ? fn->zh : fn->en);
    if (zh)
        snprintf(buf, sizeof buf, "%s%s", ci->title_zh, reasons ? "依据" : "");
    else
        zjc_check_display_en(ci->name, reasons, buf, sizeof buf);
    return strdup(buf);
}

/* display name (either language) or programmatic name (any case, with or
 * without the prefix files store) -> programmatic name */
char *zjc_programmatic_name(const char *shown)
{
    size_t i;
    int r;
    char buf[128];

    static const char stored[] = "ORG.ZHIJIAO.CALC.ZHIJIAO.";   /* as files store it */

    if (strncasecmp(shown, stored, sizeof stored - 1) == 0)
        shown += sizeof stored - 1;
    for (i = 0; i < zjc_static_count; i++)
        if (strcasecmp(zjc_static_funcs[i].en, shown) == 0 || strcmp(zjc_static_funcs[i].zh, shown) == 0 ||
            strcasecmp(zjc_static_funcs[i].method, shown) == 0)
            return strdup(zjc_static_funcs[i].method);
    for (i = 0; i < zj_check_count(); i++)
        for (r = 0; r < 2; r++) {
            const zj_check_info *ci = zj_check_at(i);
            char *en = display_name(NULL, ci, r, 0), *zn = display_name(NULL, ci, r, 1);
            int hit;
            zjc_check_method(ci->name, r, buf, sizeof buf);
            hit = (en && strcasecmp(en, shown) == 0) || (zn && strcmp(zn, shown) == 0) ||
                  strcasecmp(buf, shown) == 0;
            free(en);
            free(zn);
            if (hit)
                return strdup(buf);
        }
    return strdup("");
}

static char *description(const zjc_func *fn, const zj_check_info *ci, int reasons, int zh)
{
    char buf[1024];

    if (fn && fn->run == zjc_fn_explain)
        return strdup(zh ? fn->desc_zh : fn->desc_en);
    if (fn) {
        snprintf(buf, sizeof buf, "%s%s", zh ? fn->desc_zh : fn->desc_en,
                 zh ? "出错（Err:502）时，=错误说明(\"函数名\"; 相同参数) 说明原因。"
                    : " On Err:502, =ZJ.EXPLAIN(\"name\"; the same arguments) says why.");
        return strdup(buf);
    }
    if (reasons)
        snprintf(buf, sizeof buf, zh ? "%s：决定性理由及其依据（或输入的问题）。%s"
                                     : "%s: the decisive reasons with their sources (or what was wrong with the input). %s",
                 zh ? ci->title_zh : ci->title_en, zh ? ci->help_zh : ci->help_en);
    else
        snprintf(buf, sizeof buf, zh ? "%s：TRUE/FALSE，无法判定时返回结论文字；出错时用 错误说明 查原因。%s"
                                     : "%s: TRUE/FALSE, or the outcome text when undetermined; on Err:502, ZJ.EXPLAIN says why. %s",
                 zh ? ci->title_zh : ci->title_en, zh ? ci->help_zh : ci->help_en);
    return strdup(buf);
}

/* Argument argn's display name (name set) or help. */
static char *argument(const zjc_func *fn, const zj_check_info *ci, int reasons, sal_Int32 argn,
                      int name, int zh)
{
    char buf[1024];

    if (argn < 0)
        return strdup("");
    if (fn) {
        const zjc_arg *g;
        if ((size_t)argn >= fn->nargs)
            return strdup("");
        g = &fn->args[argn];
        if (name)
            return strdup(zh ? g->zh : g->en);
        /* a required argument Calc shows as optional says so (functions.h) */
        snprintf(buf, sizeof buf, "%s%s", zh ? g->help_zh : g->help_en,
                 g->optional == ZJC_REQUIRED_ZERO ? (zh ? "（必填）" : " (required)")
                 : g->optional != ZJC_REQUIRED ? (zh ? "（可省略）" : " (optional)") : "");
        return strdup(buf);
    }
    if ((size_t)argn < ci->n_fields) {
        const zj_field_info *fi = &ci->fields[argn];
        if (name)
            return strdup(zh ? fi->name_zh : fi->name);
        snprintf(buf, sizeof buf, "%s%s", zh ? fi->help_zh : fi->help_en,
                 fi->required ? "" : (zh ? "（可空）" : " (may be empty)"));
        return strdup(buf);
    }
    if (reasons && (size_t)argn == ci->n_fields) {
        if (name)
            return strdup(zh ? "语言" : "lang");
        return strdup(zh ? "zh 或 en（默认：界面语言）（可省略）"
                         : "zh or en (default: the language of the user interface) (optional)");
    }
    return strdup("");
}

static const struct { const char *member; zjc_addin_question q; } questions[] = {
    { "getProgrammaticFuntionName", ZJC_Q_PROGRAMMATIC },   /* sic: the IDL's spelling */
    { "getDisplayFunctionName", ZJC_Q_DISPLAY_NAME },
    { "getFunctionDescription", ZJC_Q_DESCRIPTION },
    { "getDisplayArgumentName", ZJC_Q_ARG_NAME },
    { "getArgumentDescription", ZJC_Q_ARG_HELP },
    { "getProgrammaticCategoryName", ZJC_Q_CATEGORY },
    { "getDisplayCategoryName", ZJC_Q_CATEGORY_NAME },
};

zjc_addin_question zjc_addin_question_of(const char *member)
{
    size_t i;

    for (i = 0; i < sizeof questions / sizeof questions[0]; i++)
        if (strcmp(questions[i].member, member) == 0)
            return questions[i].q;
    return ZJC_Q_NONE;
}

char *zjc_addin_answer(zjc_addin_question q, const char *prog, sal_Int32 argn, int zh)
{
    const zjc_func *fn;
    const zj_check_info *ci;
    int r;

    if (q == ZJC_Q_PROGRAMMATIC)
        return zjc_programmatic_name(prog);
    if (!zjc_find_method(prog, &fn, &ci, &r))
        return strdup("");
    switch (q) {
    case ZJC_Q_DISPLAY_NAME: return display_name(fn, ci, r, zh);
    case ZJC_Q_DESCRIPTION: return description(fn, ci, r, zh);
    case ZJC_Q_ARG_NAME: return argument(fn, ci, r, argn, 1, zh);
    case ZJC_Q_ARG_HELP: return argument(fn, ci, r, argn, 0, zh);
    /* Calc maps a category name onto its own groups; "Add-In" is the one
     * for extensions (plugin/README.md) */
    case ZJC_Q_CATEGORY: return strdup("Add-In");
    case ZJC_Q_CATEGORY_NAME: return strdup(zh ? ZJC_CATEGORY_ZH : ZJC_CATEGORY_EN);
    default: return strdup("");
    }
}
