/* value.h — an input value (number, text, boolean) read as a typed value
 * (internal; see value.c). */
#ifndef ZJ_VALUE_H
#define ZJ_VALUE_H

#include <stddef.h>
#include "zhijiao/check.h"

/* Parsing of input values (value.c).  Each returns 1 and stores the
 * value, or 0 when the value is not of that type.  Text is read by
 * zj_parse_number and zj_parse_bool (zhijiao/parse.h). */
int zj__value_as_number(const zj_value *v, double *out);
int zj__value_as_bool(const zj_value *v, int *out);
/* Text of a TEXT value, or of a NUMBER formatted with %.15g into buf. */
const char *zj__value_as_text(const zj_value *v, char *buf, size_t size);

#endif
