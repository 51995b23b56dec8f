/* robots.c — the part of robots.txt (RFC 9309) a polite fetcher needs:
 * the group for our user agent ("zhijiao", else "*"), its Allow and
 * Disallow rules (the longest matching path wins; Allow wins a tie; "*"
 * and a final "$" are understood) and Crawl-delay. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "fetch.h"
#include "utf8.h"

typedef struct rule {
    char *path;
    int allow;
} rule;

struct zj__robots {
    rule *rules;
    size_t n;
    long delay_ms;
};

typedef struct group {
    rule *rules;
    size_t n, cap;
    long delay_ms;
} group;

static void group_add(group *g, const char *path, size_t len, int allow)
{
    if (g->n == g->cap) {
        size_t c = g->cap ? g->cap * 2 : 8;
        rule *r = realloc(g->rules, c * sizeof *r);
        if (!r)
            return;
        g->rules = r;
        g->cap = c;
    }
    if ((g->rules[g->n].path = zj__strndup(path, len)) != NULL)
        g->rules[g->n++].allow = allow;
}

static void group_free(group *g)
{
    size_t i;

    for (i = 0; i < g->n; i++)
        free(g->rules[i].path);
    free(g->rules);
    memset(g, 0, sizeof *g);
}

zj__robots *zj__robots_parse(const char *text, size_t len)
{
    zj__robots *r = calloc(1, sizeof *r);
    group mine = { NULL, 0, 0, 0 }, star = { NULL, 0, 0, 0 }, *cur[2];
    const char *p = text, *end = text ? text + len : NULL;
    int in_agents = 0, ncur = 0;

    if (!r || !text)
        return r;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p)), *line = p, *colon, *hash;
        size_t klen, vlen;
        const char *v;

        if (!eol)
            eol = end;
        p = eol + 1;
        hash = memchr(line, '#', (size_t)(eol - line));
        if (hash)
            eol = hash;
        colon = memchr(line, ':', (size_t)(eol - line));
        if (!colon)
            continue;
        while (line < colon && isspace((unsigned char)*line))
            line++;
        klen = (size_t)(colon - line);
        while (klen && isspace((unsigned char)line[klen - 1]))
            klen--;
        v = colon + 1;
        while (v < eol && isspace((unsigned char)*v))
            v++;
        vlen = (size_t)(eol - v);
        while (vlen && isspace((unsigned char)v[vlen - 1]))
            vlen--;
        if (klen == 10 && strncasecmp(line, "user-agent", 10) == 0) {
            if (!in_agents)
                ncur = 0;
            in_agents = 1;
            if (vlen == 1 && v[0] == '*' && ncur < 2)
                cur[ncur++] = &star;
            else if (vlen >= 7 && strncasecmp(v, "zhijiao", 7) == 0 && ncur < 2)
                cur[ncur++] = &mine;
            continue;
        }
        in_agents = 0;
        if (klen == 5 && strncasecmp(line, "allow", 5) == 0) {
            int i;
            for (i = 0; i < ncur; i++)
                if (vlen)
                    group_add(cur[i], v, vlen, 1);
        } else if (klen == 8 && strncasecmp(line, "disallow", 8) == 0) {
            int i;
            for (i = 0; i < ncur; i++)
                if (vlen)   /* "Disallow:" (empty) allows everything */
                    group_add(cur[i], v, vlen, 0);
        } else if (klen == 11 && strncasecmp(line, "crawl-delay", 11) == 0) {
            int i;
            double d = atof(v);
            for (i = 0; i < ncur; i++)
                if (d > 0 && d < 3600)
                    cur[i]->delay_ms = (long)(d * 1000);
        }
    }
    {
        group *use = (mine.n || mine.delay_ms) ? &mine : &star;
        r->rules = use->rules;
        r->n = use->n;
        r->delay_ms = use->delay_ms;
        use->rules = NULL;
        use->n = 0;
    }
    group_free(&mine);
    group_free(&star);
    return r;
}

void zj__robots_free(zj__robots *r)
{
    size_t i;

    if (!r)
        return;
    for (i = 0; i < r->n; i++)
        free(r->rules[i].path);
    free(r->rules);
    free(r);
}

/* Length of the match of pattern at the start of path, or -1. */
static long match(const char *pat, const char *path)
{
    const char *p = pat;

    if (*p == '\0')
        return -1;
    for (; *p; p++) {
        if (*p == '*') {
            const char *s;
            for (s = path; ; s++) {
                if (match(p + 1, s) >= 0 || (p[1] == '\0'))
                    return (long)strlen(pat);
                if (!*s)
                    return -1;
            }
        }
        if (*p == '$' && p[1] == '\0')
            return *path == '\0' ? (long)strlen(pat) : -1;
        if (*path != *p)
            return -1;
        path++;
    }
    return (long)strlen(pat);
}

int zj__robots_allowed(const zj__robots *r, const char *path)
{
    long best = -1;
    int allow = 1;
    size_t i;

    if (!r)
        return 1;
    for (i = 0; i < r->n; i++) {
        long m = match(r->rules[i].path, path);
        if (m > best || (m == best && m >= 0 && r->rules[i].allow)) {
            best = m;
            allow = r->rules[i].allow;
        }
    }
    return allow;
}

long zj__robots_crawl_delay_ms(const zj__robots *r)
{
    return r ? r->delay_ms : 0;
}
