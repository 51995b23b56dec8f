/* utf8.h — small UTF-8 and text helpers (internal). */
#ifndef ZJ_UTF8_H
#define ZJ_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* 1 when s[0 .. len) is well-formed UTF-8 (no overlongs, no surrogates);
 * otherwise 0 and *bad (if not NULL) = offset of the first bad byte. */
int zj__utf8_valid(const char *s, size_t len, size_t *bad);

/* Length in bytes of a prefix of s that is whole characters and at most
 * max bytes (for truncating without splitting a character). */
size_t zj__utf8_prefix(const char *s, size_t max);

/* Decodes the character at *sp and moves *sp past it.  A byte that does
 * not start a well-formed sequence decodes as itself (one byte), so bad
 * input never stops a scan.  *sp must not point at the NUL. */
uint32_t zj__utf8_next(const char **sp);

/* How many bytes of s[0 .. len) (NULL reads as "", a NUL ends it early) a
 * message may quote: whole characters, at most ZJ__QUOTE_MAX bytes, and 0
 * when that prefix is not well-formed UTF-8 (a message must stay UTF-8).
 * For "%.*s"; pass (size_t)-1 as len for a whole string. */
#define ZJ__QUOTE_MAX 48
int zj__utf8_quotable(const char *s, size_t len);

/* Copies s into buf[size] (size > 0), cut to whole characters; always
 * NUL-terminated. */
void zj__utf8_copy(char *buf, size_t size, const char *s);

/* Trims ASCII whitespace and U+3000 (ideographic space) from both ends:
 * returns the start and stores the trimmed length in *len. */
const char *zj__trim(const char *s, size_t *len);

/* Equality after trimming both sides. */
int zj__text_eq(const char *a, const char *b);

/* ASCII case-insensitive equality (no trimming). */
int zj__ascii_ieq(const char *a, const char *b);

/* Copy of s[0 .. n) with a NUL; NULL on allocation failure. */
char *zj__strndup(const char *s, size_t n);
char *zj__strdup(const char *s);

#endif
