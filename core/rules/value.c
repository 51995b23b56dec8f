/* value.c — input values and how text becomes numbers and booleans.
 *
 * What "是", "１２３" or "yes" mean is decided by zhijiao/parse.h (base/),
 * so a CSV file, a command-line option, a spreadsheet cell and an R string
 * give the same answer. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "value.h"
#include "zhijiao/parse.h"

zj_value zj_value_missing(void)
{
    zj_value v = { ZJ_VAL_MISSING, 0.0, NULL, 0 };
    return v;
}

zj_value zj_value_number(double d)
{
    zj_value v = { ZJ_VAL_NUMBER, d, NULL, 0 };
    return v;
}

zj_value zj_value_text(const char *s)
{
    zj_value v = { ZJ_VAL_TEXT, 0.0, s, 0 };
    if (!s)
        v.type = ZJ_VAL_MISSING;
    return v;
}

zj_value zj_value_bool(int b)
{
    zj_value v = { ZJ_VAL_BOOL, 0.0, NULL, b ? 1 : 0 };
    return v;
}

int zj__value_as_number(const zj_value *v, double *out)
{
    switch (v->type) {
    case ZJ_VAL_NUMBER:
        if (!isfinite(v->number))
            return 0;
        *out = v->number == 0 ? 0.0 : v->number;
        return 1;
    case ZJ_VAL_TEXT:
        return zj_parse_number(v->text, NULL, out, NULL) == ZJ_OK;
    default:
        return 0;
    }
}

int zj__value_as_bool(const zj_value *v, int *out)
{
    switch (v->type) {
    case ZJ_VAL_BOOL:
        *out = v->boolean ? 1 : 0;
        return 1;
    case ZJ_VAL_NUMBER:
        if (v->number == 1.0 || v->number == 0.0) {
            *out = v->number == 1.0;
            return 1;
        }
        return 0;
    case ZJ_VAL_TEXT:
        return zj_parse_bool(v->text, NULL, out, NULL) == ZJ_OK;
    default:
        return 0;
    }
}

const char *zj__value_as_text(const zj_value *v, char *buf, size_t size)
{
    if (v->type == ZJ_VAL_TEXT)
        return v->text;
    if (v->type == ZJ_VAL_NUMBER) {
        snprintf(buf, size, "%.15g", v->number);
        return buf;
    }
    if (v->type == ZJ_VAL_BOOL) {
        snprintf(buf, size, "%s", v->boolean ? "1" : "0");
        return buf;
    }
    return NULL;
}
