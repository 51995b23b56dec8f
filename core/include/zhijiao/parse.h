/* zhijiao/parse.h — numbers, counts, booleans and years read from text.
 *
 * One reading of text for every surface: a command-line argument, a CSV
 * cell, a spreadsheet cell holding text and an R string give the same
 * value or the same error.  What is accepted:
 *   - surrounding blanks, ASCII and the ideographic space U+3000;
 *   - full-width digits, signs, point and exponent letter (１２.５, as a
 *     Chinese input method types them) as their ASCII forms;
 *   - plain decimals only: [+-]digits[.digits][e[+-]digits].  Hexadecimal
 *     ("0x1F4"), "inf", "nan", thousands separators and empty text are not
 *     numbers.
 * A negative zero reads as 0.
 *
 * Each function returns ZJ_OK and stores the value, or ZJ_ERR_ARG with a
 * message quoting the text and naming `label` (the argument, option or
 * field: "X", "--score", "n[3]"; NULL reads as "value"), err->where being
 * the label.  With err NULL nothing is formatted (fast, for batches).
 * `text` is borrowed for the call only; nothing is allocated.
 */
#ifndef ZHIJIAO_PARSE_H
#define ZHIJIAO_PARSE_H

#include "export.h"

#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The largest count: above 2^53 a double no longer holds every whole
 * number, so "x <= n" and "whole" would stop meaning anything. */
#define ZJ_COUNT_MAX 9007199254740992.0

/* A finite number. */
ZJ_EXTERN zj_code zj_parse_number(const char *text, const char *label,
                                  double *out, zj_error *err);

/* A count: a whole number from 0 to 2^53, judged on the text as written
 * ("9007199254740993" is refused, although it would round to 2^53). */
ZJ_EXTERN zj_code zj_parse_count(const char *text, const char *label,
                                 double *out, zj_error *err);

/* A yes/no: 1 for 1, true, t, yes, y, on, 是, 有, 对, 真, √, ✓; 0 for 0, false,
 * f, no, n, off, 否, 无, 没有, 不是, 错, 假, ×, ✗ (ASCII words in any case;
 * full-width 1 and 0 too). */
ZJ_EXTERN zj_code zj_parse_bool(const char *text, const char *label,
                                int *out, zj_error *err);

/* The years zhijiao's rules and plans can name. */
#define ZJ_YEAR_MIN 1900
#define ZJ_YEAR_MAX 9999

/* A year given as a number (a spreadsheet cell, an R value): a whole
 * number from ZJ_YEAR_MIN to ZJ_YEAR_MAX. */
ZJ_EXTERN zj_code zj_year_check(double v, const char *label, int *out,
                                zj_error *err);

/* A year given as text: zj_parse_number, then zj_year_check. */
ZJ_EXTERN zj_code zj_parse_year(const char *text, const char *label,
                                int *out, zj_error *err);

#ifdef __cplusplus
}
#endif
#endif
