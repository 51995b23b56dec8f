/* value.h — an input value (number, text, boolean) read as a typed value
 * (internal; see value.c). */
#ifndef ZJ_VALUE_H
#define ZJ_VALUE_H

#include <stddef.h>
#include "zhijiao/check.h"

/* Parsing of input values (value.c).  Each returns 1 and stores the
 * value, or 0 when the value is not of that type.  Text is trimmed;
 * full-width digits, signs and points (as typed with a Chinese IME) are
 * accepted; "nan", "inf" and hexadecimal are not numbers. */
int zj_value_as_number(const zj_value *v, double *out);
int zj_value_as_bool(const zj_value *v, int *out);
/* Text of a TEXT value, or of a NUMBER formatted with %.15g into buf. */
const char *zj_value_as_text(const zj_value *v, char *buf, size_t size);

#endif
