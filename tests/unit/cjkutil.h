/* cjkutil.h — finding Chinese words in English messages (tests).
 *
 * An English message may carry Chinese only where it quotes the input, a
 * proper name or a term it glosses (issue 9).  cjk_stray() looks at each
 * run of Chinese characters (CJK ideographs, CJK and full-width
 * punctuation) of a message and returns the first run that is neither a
 * substring of one of the `quoted` texts (the input, the rule file) nor
 * one of the `allowed` terms, so a test can name it. */
#ifndef ZJ_CJKUTIL_H
#define ZJ_CJKUTIL_H

#include <stddef.h>
#include <string.h>

/* Length of the UTF-8 sequence at s and whether it is a Chinese character
 * or Chinese punctuation. */
static int cjk_at(const unsigned char *s, size_t *len)
{
    unsigned cp;

    if (s[0] < 0x80) {
        *len = 1;
        return 0;
    }
    if ((s[0] & 0xE0) == 0xC0 && s[1]) {
        *len = 2;
        return 0;
    }
    if ((s[0] & 0xF0) == 0xE0 && s[1] && s[2]) {
        *len = 3;
        cp = ((unsigned)(s[0] & 0x0F) << 12) | ((unsigned)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        return (cp >= 0x3000 && cp <= 0x303F) ||   /* CJK punctuation: 、。〔〕【】 */
               (cp >= 0x3400 && cp <= 0x9FFF) ||   /* ideographs */
               (cp >= 0xF900 && cp <= 0xFAFF) ||
               (cp >= 0xFF00 && cp <= 0xFFEF);     /* full-width forms: （）：；， */
    }
    *len = (s[0] & 0xF8) == 0xF0 && s[1] && s[2] && s[3] ? 4 : 1;
    return *len == 4;   /* supplementary ideographs */
}

/* The first Chinese run of msg found neither in quoted[0..nq) nor equal to
 * an allowed[] term (NULL-terminated), copied to out; 0 when there is none. */
static int cjk_stray(const char *msg, const char *const *quoted, size_t nq,
                     const char *const *allowed, char *out, size_t outsize)
{
    const unsigned char *p = (const unsigned char *)msg;

    while (*p) {
        size_t len, run = 0, i;
        int ok = 0;

        if (!cjk_at(p, &len)) {
            p += len;
            continue;
        }
        while (p[run] && cjk_at(p + run, &len))
            run += len;
        if (run >= outsize)
            run = outsize - 1;
        memcpy(out, p, run);
        out[run] = '\0';
        for (i = 0; i < nq && !ok; i++)
            ok = quoted[i] && strstr(quoted[i], out) != NULL;
        for (i = 0; allowed && allowed[i] && !ok; i++)
            ok = strcmp(allowed[i], out) == 0;
        if (!ok)
            return 1;
        p += run;
    }
    return 0;
}

#endif
