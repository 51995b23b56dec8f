/* addin_args.c — the spreadsheet functions' arguments and results: UNO
 * anys to C values with an error naming the argument, and C values to the
 * anys and arrays Calc shows (see addin_call.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "addin_call.h"
#include "uno_util.h"

int zjc_fail_done(zjc_fail *f, int pos, int zh_len, int en_len)
{
    (void)zh_len;   /* a longer sentence is cut: the buffers hold any the core writes */
    (void)en_len;
    f->set = 1;
    f->arg = pos;
    return -1;
}

int zjc_fail_zj(zjc_fail *f, int arg, const zj_error *e)
{
    f->set = 1;
    f->arg = arg;
    snprintf(f->zh, sizeof f->zh, "%s", e->message_zh);
    snprintf(f->en, sizeof f->en, "%s", e->message_en);
    return -1;
}

static int out_of_memory(zjc_fail *f)
{
    return zjc_failf(f, -1, ("内存不足"), ("out of memory"));
}

int zjc_any_is_void(const uno_Any *a)
{
    return !a || !a->pType || a->pType->eTypeClass == typelib_TypeClass_VOID;
}

static int any_is_seq(const uno_Any *a)
{
    return a && a->pType && a->pType->eTypeClass == typelib_TypeClass_SEQUENCE;
}

static int any_is_empty_text(const uno_Any *a)
{
    return a && a->pType && a->pType->eTypeClass == typelib_TypeClass_STRING &&
           (*(rtl_uString *const *)a->pData)->length == 0;
}

zjc_arg_kind zjc_arg_classify(const uno_Any **a)
{
    if (zjc_any_is_void(*a))
        return ZJC_ARG_OMITTED;
    if (any_is_seq(*a)) {
        uno_Sequence *outer = *(uno_Sequence *const *)(*a)->pData;
        uno_Sequence *row;
        if (outer->nElements != 1 || (row = ((uno_Sequence **)outer->elements)[0])->nElements != 1)
            return ZJC_ARG_VALUE;   /* a range: the caller says it wants one value */
        *a = (const uno_Any *)row->elements;
        /* FillMixedArray: a blank cell is "", an error cell is left void */
        if (zjc_any_is_void(*a))
            return ZJC_ARG_ERROR;
        return any_is_empty_text(*a) ? ZJC_ARG_BLANK : ZJC_ARG_VALUE;
    }
    if (any_is_empty_text(*a))
        return ZJC_ARG_BLANK;
    if ((*a)->pType->eTypeClass == typelib_TypeClass_DOUBLE && *(const double *)(*a)->pData == 0)
        return ZJC_ARG_ZERO_OR_BLANK;
    return ZJC_ARG_VALUE;
}

int zjc_fail_blank(zjc_fail *f, int pos, const char *name, zjc_arg_kind k)
{
    if (k == ZJC_ARG_BLANK)
        return zjc_failf(f, pos, ("参数 %s 为空（空白单元格或空文字）", name),
                         ("argument %s is blank (an empty cell or an empty text)", name));
    if (k == ZJC_ARG_ERROR)
        return zjc_failf(f, pos, ("参数 %s 是错误值", name), ("argument %s is an error value", name));
    return zjc_failf(f, pos,
                     ("参数 %s 为 0 或空白单元格：Calc 把空白单元格当作 0 传给加载项，二者无法区分；"
                      "若确为 0，请把该单元格写成区域（如 A1:A1）", name),
                     ("argument %s is 0 or a blank cell, which Calc passes to an add-in as the same 0; "
                      "if 0 is meant, give the cell as a range (A1:A1)", name));
}

/* The number in a (a single value, already unwrapped). */
static int number_of(const uno_Any *a, int pos, const char *name, double *out, zjc_fail *f)
{
    switch (a->pType->eTypeClass) {
    case typelib_TypeClass_DOUBLE: *out = *(const double *)a->pData; break;
    case typelib_TypeClass_FLOAT: *out = *(const float *)a->pData; break;
    case typelib_TypeClass_LONG: *out = *(const sal_Int32 *)a->pData; break;
    case typelib_TypeClass_SHORT: *out = *(const sal_Int16 *)a->pData; break;
    case typelib_TypeClass_BOOLEAN: *out = *(const sal_Bool *)a->pData ? 1 : 0; break;
    case typelib_TypeClass_STRING: {
        /* Text is read as every surface reads it (zhijiao/parse.h): "3",
         * "１２" and " 520 " are numbers, "0x1F4" is not. */
        char *s = zjc_utf8(*(rtl_uString *const *)a->pData);
        zj_error e;
        zj_code rc;

        if (!s)
            return zjc_failf(f, pos, ("内存不足"), ("out of memory"));
        rc = zj_parse_number(s, name, out, &e);
        free(s);
        if (rc != ZJ_OK)
            return zjc_fail_zj(f, pos, &e);
        break;
    }
    case typelib_TypeClass_SEQUENCE:
        return zjc_failf(f, pos, ("参数 %s 应为单个数值，不能是区域", name),
                         ("argument %s must be a single number, not a range", name));
    default:
        return zjc_failf(f, pos, ("参数 %s 的类型不能使用", name), ("argument %s has an unusable type", name));
    }
    if (!isfinite(*out))
        return zjc_failf(f, pos, ("参数 %s 不是有限数值", name), ("argument %s is not a finite number", name));
    return 0;
}

int zjc_arg_number(const uno_Any *a, int pos, const char *name, double *out, zjc_fail *f)
{
    zjc_arg_kind k = zjc_arg_classify(&a);

    if (k == ZJC_ARG_OMITTED)
        return zjc_failf(f, pos, ("缺少参数 %s", name), ("argument %s is missing", name));
    if (k != ZJC_ARG_VALUE)
        return zjc_fail_blank(f, pos, name, k);
    return number_of(a, pos, name, out, f);
}

int zjc_arg_opt_number(const uno_Any *a, int pos, const char *name, double def, double *out, zjc_fail *f)
{
    zjc_arg_kind k = zjc_arg_classify(&a);

    /* left out, or a cell known to be blank: the default */
    if (k == ZJC_ARG_OMITTED || k == ZJC_ARG_BLANK) {
        *out = def;
        return 0;
    }
    if (k != ZJC_ARG_VALUE)
        return zjc_fail_blank(f, pos, name, k);
    return number_of(a, pos, name, out, f);
}

int zjc_arg_text(const uno_Any *a, int pos, const char *name, int optional, char **out, zjc_fail *f)
{
    char tmp[64];
    zjc_arg_kind k = zjc_arg_classify(&a);

    *out = NULL;
    if (k == ZJC_ARG_OMITTED || k == ZJC_ARG_BLANK) {
        if (optional)
            return 0;
        return k == ZJC_ARG_BLANK ? zjc_fail_blank(f, pos, name, k)
                                  : zjc_failf(f, pos, ("缺少参数 %s", name), ("argument %s is missing", name));
    }
    if (k != ZJC_ARG_VALUE)
        return zjc_fail_blank(f, pos, name, k);
    switch (a->pType->eTypeClass) {
    case typelib_TypeClass_STRING:
        *out = zjc_utf8(*(rtl_uString *const *)a->pData);
        break;
    case typelib_TypeClass_DOUBLE:
        snprintf(tmp, sizeof tmp, "%.15g", *(const double *)a->pData);
        *out = strdup(tmp);
        break;
    case typelib_TypeClass_BOOLEAN:
        *out = strdup(*(const sal_Bool *)a->pData ? "1" : "0");
        break;
    default:
        return zjc_failf(f, pos, ("参数 %s 应为单个文字", name), ("argument %s must be a single text", name));
    }
    if (!*out)
        return out_of_memory(f);
    return 0;
}

int zjc_arg_lang(zjc_addin *a, const uno_Any *v, int pos, int *zh, zjc_fail *f)
{
    char *s = NULL;

    *zh = zjc_addin_ui_zh(a);
    if (zjc_arg_text(v, pos, "lang", 1, &s, f))
        return -1;
    if (!s)
        return 0;
    if (strncmp(s, "zh", 2) == 0 || strcmp(s, "中文") == 0)
        *zh = 1;
    else if (strncmp(s, "en", 2) == 0 || strcmp(s, "英文") == 0)
        *zh = 0;
    else {
        zjc_failf(f, pos, ("语言应为 zh 或 en"), ("lang must be zh or en, not \"%s\"", s));
        free(s);
        return -1;
    }
    free(s);
    return 0;
}

int zjc_arg_method(const uno_Any *a, int pos, zj_ci_method *m, zjc_fail *f)
{
    char *s = NULL;
    zj_error e;
    zj_code c;

    *m = ZJ_CI_DEFAULT;
    if (zjc_arg_text(a, pos, "method", 1, &s, f))
        return -1;
    if (!s || !*s) {
        free(s);
        return 0;
    }
    c = zj_ci_method_parse(s, m, &e);
    free(s);
    return c == ZJ_OK ? 0 : zjc_fail_zj(f, pos, &e);
}

int zjc_arg_bool(const uno_Any *a, int pos, const char *name, int def, int *out, zjc_fail *f)
{
    zjc_arg_kind k = zjc_arg_classify(&a);

    if (k == ZJC_ARG_OMITTED || k == ZJC_ARG_BLANK) {
        *out = def;
        return 0;
    }
    if (k == ZJC_ARG_ERROR)
        return zjc_fail_blank(f, pos, name, k);
    if (k == ZJC_ARG_ZERO_OR_BLANK)   /* FALSE, 0 and a blank cell all arrive as 0 */
        return zjc_failf(f, pos,
                         ("参数 %s 为 FALSE、0 或空白单元格：Calc 把三者都当作 0 传给加载项；"
                          "要 FALSE 请把该单元格写成区域（如 A1:A1），要默认值请省略该参数", name),
                         ("argument %s is FALSE, 0 or a blank cell, which Calc passes to an add-in as the "
                          "same 0; for FALSE give the cell as a range (A1:A1), for the default leave it out", name));
    if (a->pType->eTypeClass == typelib_TypeClass_BOOLEAN) {
        *out = *(const sal_Bool *)a->pData ? 1 : 0;
        return 0;
    }
    if (a->pType->eTypeClass == typelib_TypeClass_DOUBLE) {
        double v = *(const double *)a->pData;
        if (v == 0 || v == 1) {
            *out = v == 1;
            return 0;
        }
    }
    return zjc_failf(f, pos, ("参数 %s 应为 TRUE 或 FALSE", name), ("argument %s must be TRUE or FALSE", name));
}

int zjc_arg_year(const uno_Any *a, int pos, int *year, zjc_fail *f)
{
    double y;

    zj_error e;

    if (zjc_arg_number(a, pos, "year", &y, f))
        return -1;
    if (zj_year_check(y, "year", year, &e) != ZJ_OK)
        return zjc_fail_zj(f, pos, &e);
    return 0;
}

int zjc_arg_range(const uno_Any *a, int pos, const char *name, zjc_range *r, zjc_fail *f)
{
    uno_Sequence *outer;
    uno_Sequence **rows;
    size_t i, j, n = 0;

    r->rows = r->cols = 0;
    r->cells = NULL;
    r->single = 0;
    if (zjc_any_is_void(a))
        return zjc_failf(f, pos, ("缺少区域参数"), ("argument %s (a range) is missing", name));
    if (!any_is_seq(a)) {
        r->cells = malloc(sizeof *r->cells);
        if (!r->cells)
            return out_of_memory(f);
        r->rows = r->cols = 1;
        r->cells[0] = a;
        r->single = 1;
        return 0;
    }
    /* Calc hands sequence< sequence< any > > */
    outer = *(uno_Sequence *const *)a->pData;
    rows = (uno_Sequence **)outer->elements;
    r->rows = (size_t)outer->nElements;
    r->cols = r->rows ? (size_t)rows[0]->nElements : 0;
    for (i = 0; i < r->rows; i++)
        if ((size_t)rows[i]->nElements != r->cols)
            return zjc_failf(f, pos, ("区域的各行长度不一"), ("argument %s: rows of unequal length", name));
    r->cells = malloc((r->rows * r->cols > 0 ? r->rows * r->cols : 1) * sizeof *r->cells);
    if (!r->cells)
        return out_of_memory(f);
    for (i = 0; i < r->rows; i++)
        for (j = 0; j < r->cols; j++)
            r->cells[n++] = &((const uno_Any *)rows[i]->elements)[j];
    if (n == 0)
        return zjc_failf(f, pos, ("区域为空"), ("argument %s: the range is empty", name));
    return 0;
}

int zjc_range_numbers(const zjc_range *r, int pos, const char *name, int allow_missing,
                      double **out, zjc_fail *f)
{
    size_t i, n = r->rows * r->cols;

    *out = malloc((n ? n : 1) * sizeof **out);
    if (!*out)
        return out_of_memory(f);
    for (i = 0; i < n; i++) {
        const uno_Any *c = r->cells[i];
        if (zjc_any_is_void(c)) {   /* FillMixedArray leaves an error cell void */
            zjc_failf(f, pos, ("参数 %s：区域第 %zu 个单元格是错误值", name, i + 1),
                      ("argument %s: cell %zu of the range is an error value", name, i + 1));
            goto bad;
        }
        if (r->single && zjc_arg_classify(&c) == ZJC_ARG_ZERO_OR_BLANK) {
            zjc_fail_blank(f, pos, name, ZJC_ARG_ZERO_OR_BLANK);
            goto bad;
        }
        if (c->pType->eTypeClass != typelib_TypeClass_DOUBLE) {
            if (any_is_empty_text(c)) {   /* a blank cell (or an empty text) */
                if (allow_missing) {
                    (*out)[i] = NAN;
                    continue;
                }
                zjc_failf(f, pos, ("参数 %s：区域第 %zu 个单元格为空", name, i + 1),
                          ("argument %s: cell %zu of the range is empty", name, i + 1));
                goto bad;
            }
            zjc_failf(f, pos, ("参数 %s：区域第 %zu 个单元格不是数值", name, i + 1),
                      ("argument %s: cell %zu of the range is not a number", name, i + 1));
            goto bad;
        }
        (*out)[i] = *(const double *)c->pData;
    }
    return 0;
bad:
    free(*out);
    *out = NULL;
    return -1;
}

/* ---- results ------------------------------------------------------------ */

static typelib_TypeDescriptionReference *seq_any_type(void)
{
    static typelib_TypeDescriptionReference *t;
    if (!t)
        typelib_static_sequence_type_init(&t, zjc_type_of(typelib_TypeClass_ANY));
    return t;
}

typelib_TypeDescriptionReference *zjc_seq_seq_any_type(void)
{
    static typelib_TypeDescriptionReference *t;
    if (!t)
        typelib_static_sequence_type_init(&t, seq_any_type());
    return t;
}

void zjc_any_set_double(uno_Any *a, double v)
{
    uno_type_any_construct(a, &v, zjc_type_of(typelib_TypeClass_DOUBLE), NULL);
}

void zjc_any_set_text(uno_Any *a, const char *s)
{
    rtl_uString *u = zjc_ustr(s);
    uno_type_any_construct(a, &u, zjc_type_of(typelib_TypeClass_STRING), NULL);
    rtl_uString_release(u);
}

int zjc_matrix_init(zjc_matrix *m, size_t rows, size_t cols, zjc_fail *f)
{
    size_t i;

    m->rows = rows;
    m->cols = cols;
    m->cells = calloc(rows * cols > 0 ? rows * cols : 1, sizeof *m->cells);
    if (!m->cells)
        return out_of_memory(f);
    for (i = 0; i < rows * cols; i++)
        zjc_any_set_void(&m->cells[i]);
    return 0;
}

uno_Any *zjc_mcell(zjc_matrix *m, size_t r, size_t c)
{
    uno_any_destruct(&m->cells[r * m->cols + c], NULL);
    return &m->cells[r * m->cols + c];
}

void zjc_free_array(uno_Sequence *s)
{
    uno_type_destructData(&s, zjc_seq_seq_any_type(), NULL);
}

uno_Sequence *zjc_matrix_take(zjc_matrix *m)
{
    uno_Sequence *outer = NULL, **inner;
    size_t r;

    inner = calloc(m->rows ? m->rows : 1, sizeof *inner);
    for (r = 0; inner && r < m->rows; r++)
        uno_type_sequence_construct(&inner[r], seq_any_type(), m->cells + r * m->cols,
                                    (sal_Int32)m->cols, NULL);
    uno_type_sequence_construct(&outer, zjc_seq_seq_any_type(), inner, inner ? (sal_Int32)m->rows : 0, NULL);
    for (r = 0; inner && r < m->rows; r++)
        uno_type_destructData(&inner[r], seq_any_type(), NULL);
    free(inner);
    zjc_matrix_free(m);
    return outer;
}

void zjc_matrix_free(zjc_matrix *m)
{
    size_t i;

    if (!m->cells)
        return;
    for (i = 0; i < m->rows * m->cols; i++)
        uno_any_destruct(&m->cells[i], NULL);
    free(m->cells);
    m->cells = NULL;
}

int zjc_ret_double(zjc_fncall *c, double v)
{
    *(double *)c->ret = v;
    return 0;
}

int zjc_ret_text(zjc_fncall *c, const char *s)
{
    *(rtl_uString **)c->ret = zjc_ustr(s);
    return 0;
}

int zjc_ret_row3(zjc_fncall *c, double a, double b, double d)
{
    zjc_matrix m;

    if (zjc_matrix_init(&m, 1, 3, &c->f))
        return -1;
    zjc_any_set_double(zjc_mcell(&m, 0, 0), a);
    zjc_any_set_double(zjc_mcell(&m, 0, 1), b);
    zjc_any_set_double(zjc_mcell(&m, 0, 2), d);
    *(uno_Sequence **)c->ret = zjc_matrix_take(&m);
    return 0;
}
