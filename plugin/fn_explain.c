/* fn_explain.c — ZJ.EXPLAIN("ZJ.RATE"; the same arguments): why a function
 * gives Err:502.  A cell cannot show an exception's message, so this runs
 * the named function with the arguments it is given (Calc's variable
 * argument list, IDL sequence< any >) and returns the sentence of its
 * error, in the language of the user interface, or "no error". */
#include <stdlib.h>
#include <string.h>

#include "addin_call.h"
#include "addin_names.h"
#include "uno_util.h"

/* Frees a handler's result in its return slot. */
static void free_result(zjc_ret kind, void *slot)
{
    switch (kind) {
    case ZJC_RET_STRING: rtl_uString_release(*(rtl_uString **)slot); break;
    case ZJC_RET_ANY: uno_any_destruct((uno_Any *)slot, NULL); break;
    case ZJC_RET_ARRAY: zjc_free_array(*(uno_Sequence **)slot); break;
    default: break;
    }
}

int zjc_fn_explain(zjc_fncall *c)
{
    char *name = NULL, *prog = NULL;
    const zjc_func *fn;
    const zj_check_info *ci;
    int reasons, zh = zjc_addin_ui_zh(c->a), rc = -1;
    uno_Sequence *given = *(uno_Sequence **)c->args[1];
    const uno_Any *values = (const uno_Any *)given->elements;
    size_t n, i;
    void *targs[64];
    uno_Any omitted;
    union { double d; rtl_uString *s; uno_Any a; uno_Sequence *q; } slot;
    zjc_fncall t;

    if (zjc_arg_text(ZJC_ARG(c, 0), 0, "function", 0, &name, &c->f))
        goto out;
    prog = zjc_programmatic_name(name);
    if (!prog || !zjc_find_method(*prog ? prog : name, &fn, &ci, &reasons) || (fn && fn->run == zjc_fn_explain)) {
        zjc_failf(&c->f, 0, ("没有名为“%s”的职教函数", name), ("there is no zhijiao function \"%s\"", name));
        goto out;
    }
    n = fn ? fn->nargs : ci->n_fields + (reasons ? 1 : 0);
    if ((size_t)given->nElements > n || n > sizeof targs / sizeof targs[0]) {
        zjc_failf(&c->f, 1, ("%s 最多有 %zu 个参数，却给了 %d 个", name, n, (int)given->nElements),
                  ("%s takes at most %zu arguments, not %d", name, n, (int)given->nElements));
        goto out;
    }
    zjc_any_set_void(&omitted);
    for (i = 0; i < n; i++)
        targs[i] = i < (size_t)given->nElements ? (void *)&values[i] : (void *)&omitted;
    memset(&t, 0, sizeof t);
    memset(&slot, 0, sizeof slot);
    t.a = c->a;
    t.fn = fn;
    t.check = ci;
    t.args = targs;
    t.ret = &slot;
    if ((fn ? fn->run : reasons ? zjc_fn_check_reasons_of : zjc_fn_check_outcome_of)(&t) == 0) {
        free_result(fn ? fn->ret : reasons ? ZJC_RET_STRING : ZJC_RET_ANY, &slot);
        rc = zjc_ret_text(c, zh ? "没有错误" : "no error");
    } else {
        rc = zjc_ret_text(c, zh ? t.f.zh : t.f.en);
    }
out:
    free(name);
    free(prog);
    if (rc && c->f.set) {   /* its own bad input: the sentence, as the reasons functions */
        rc = zjc_ret_text(c, zh ? c->f.zh : c->f.en);
        c->f.set = 0;
    }
    return rc;
}
