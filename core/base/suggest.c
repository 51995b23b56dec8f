/* suggest.c — "did you mean": the known name nearest to a misspelt one
 * (zj_suggest), for the library's own "not found" errors and for every
 * client's, so that `rat`, `--scroe` and `昌平职业学校` get the same help
 * everywhere. */
#include <string.h>

#include "zhijiao/text.h"
#include "utf8.h"

/* Longer texts are matched by containment only: the distance table is
 * (MAX_CHARS + 1) entries on the stack, three rows of it. */
#define MAX_CHARS 200

/* Code points of s, ASCII letters folded to lower case; the count, or
 * MAX_CHARS + 1 when s is longer. */
static size_t decode(const char *s, uint32_t *out)
{
    size_t n = 0;

    while (*s) {
        uint32_t c;
        if (n == MAX_CHARS)
            return MAX_CHARS + 1;
        c = zj__utf8_next(&s);
        out[n++] = c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
    }
    return n;
}

/* Optimal string alignment distance (Levenshtein plus a swap of two
 * neighbours), stopping early once every entry of a row exceeds `cap`. */
static size_t distance(const uint32_t *a, size_t na, const uint32_t *b,
                       size_t nb, size_t cap)
{
    size_t rows[3][MAX_CHARS + 1], *pp = rows[0], *p = rows[1], *c = rows[2];
    size_t i, j;

    if ((na > nb ? na - nb : nb - na) > cap)
        return cap + 1;
    for (j = 0; j <= nb; j++)
        p[j] = j;
    for (i = 1; i <= na; i++) {
        size_t best = (size_t)-1, *t;
        c[0] = i;
        for (j = 1; j <= nb; j++) {
            size_t cost = a[i - 1] != b[j - 1];
            size_t v = p[j - 1] + cost;
            if (p[j] + 1 < v)
                v = p[j] + 1;
            if (c[j - 1] + 1 < v)
                v = c[j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                pp[j - 2] + 1 < v)
                v = pp[j - 2] + 1;
            c[j] = v;
            if (v < best)
                best = v;
        }
        if (best > cap)
            return cap + 1;
        t = pp;
        pp = p;
        p = c;
        c = t;
    }
    return p[nb];
}

/* Whether the code points of `needle` occur in `hay` consecutively. */
static int contains(const uint32_t *hay, size_t nh, const uint32_t *needle,
                    size_t nn)
{
    size_t i;

    for (i = 0; nn <= nh && i <= nh - nn; i++)
        if (memcmp(hay + i, needle, nn * sizeof *needle) == 0)
            return 1;
    return 0;
}

/* How far a given text of n characters may be from a suggestion. */
static size_t allowed(size_t n)
{
    return n < 3 ? 0 : n <= 6 ? 1 : n <= 10 ? 2 : 3;
}

const char *zj_suggest(const char *given, const char *const *candidates,
                       size_t n)
{
    uint32_t g[MAX_CHARS + 1], c[MAX_CHARS + 1];
    size_t ng, i, best_d = (size_t)-1, best_len = (size_t)-1, cap;
    const char *best = NULL;

    if (!given || !*given || !candidates)
        return NULL;
    ng = decode(given, g);
    cap = allowed(ng);
    for (i = 0; i < n; i++) {
        size_t nc, d, dl;
        if (!candidates[i] || !*candidates[i])
            continue;
        nc = decode(candidates[i], c);
        d = (size_t)-1;
        if (ng <= MAX_CHARS && nc <= MAX_CHARS) {
            d = distance(g, ng, c, nc, cap);
            if (d > cap)
                d = (size_t)-1;
            if (ng >= 2 && nc >= 2 && d == (size_t)-1 &&
                (contains(c, nc, g, ng) || contains(g, ng, c, nc)))
                d = cap + 1;   /* containment ranks after near spellings */
        } else if (ng >= 2 && nc >= 2) {
            /* Too long to compare by distance: containment by bytes. */
            if (strstr(candidates[i], given) || strstr(given, candidates[i]))
                d = cap + 1;
        }
        if (d == (size_t)-1)
            continue;
        dl = ng > nc ? ng - nc : nc - ng;
        if (d < best_d || (d == best_d && dl < best_len)) {
            best = candidates[i];
            best_d = d;
            best_len = dl;
        }
    }
    return best;
}
