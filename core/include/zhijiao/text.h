/* zhijiao/text.h — text helpers every client needs the same way: "did
 * you mean" suggestions and the display width of UTF-8 text. */
#ifndef ZHIJIAO_TEXT_H
#define ZHIJIAO_TEXT_H

#include <stddef.h>
#include "export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The candidate nearest to `given`, for "did you mean" in messages, or
 * NULL when none is near enough (or given is NULL or empty).
 *
 * Near means, comparing by characters (UTF-8 code points, ASCII letters
 * without case):
 *   - an edit distance (insert, delete, replace, swap two neighbours) of
 *     at most 1 for 3 to 6 characters given, 2 for 7 to 10, 3 above;
 *     nothing for 1 or 2 characters ("rat" -> "rate", "scroe" -> "score");
 *   - or, from 2 characters on, one contains the other
 *     ("昌平职业学校" -> "北京市昌平职业学校", "clopper" ->
 *     "clopper-pearson").
 * The smallest distance wins (a containment counts as the largest
 * distance allowed), then the smaller difference in length, then the
 * earlier candidate.  Texts over 200 characters are matched by
 * containment only, so time and memory stay bounded.
 *
 * Returns candidates[i] itself (borrowed: it lives as long as the
 * caller's array); NULL candidates are skipped. */
ZJ_EXTERN const char *zj_suggest(const char *given,
                                 const char *const *candidates, size_t n);

/* Terminal columns of UTF-8 text, as wcwidth(3) counts them in a UTF-8
 * locale: East Asian Wide and Fullwidth characters (汉字, 〔〕（）, ...)
 * 2, combining marks and zero-width characters 0, others 1.  A byte that
 * is not valid UTF-8 counts 1.  NULL is 0. */
ZJ_EXTERN size_t zj_text_width(const char *s);

/* The same for the first len bytes of s (len at a character boundary). */
ZJ_EXTERN size_t zj_text_width_n(const char *s, size_t len);

/* The longest prefix of s, in bytes, that fits in `columns` terminal
 * columns and ends at a character boundary (never splits a character);
 * its width goes to *width when width is not NULL. */
ZJ_EXTERN size_t zj_text_fit(const char *s, size_t columns, size_t *width);

#ifdef __cplusplus
}
#endif
#endif
