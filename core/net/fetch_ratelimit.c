/* fetch_ratelimit.c — at most N requests per second to each host. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fetch.h"
#include "utf8.h"

typedef struct host_slot {
    char *host;
    long next_ms;       /* earliest start of the next request */
    long interval_ms;
    int active;
} host_slot;

struct zj__ratelimit {
    long interval_ms;   /* 0: unlimited */
    host_slot *hosts;
    size_t n, cap;
};

long zj__now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void zj__utc_now(char *buf, size_t size)
{
    time_t t = time(NULL);
    struct tm tm;

    gmtime_r(&t, &tm);
    strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

zj__ratelimit *zj__ratelimit_new(double per_second)
{
    zj__ratelimit *r = calloc(1, sizeof *r);

    if (r)
        r->interval_ms = per_second > 0 ? (long)(1000.0 / per_second + 0.5) : 0;
    return r;
}

void zj__ratelimit_free(zj__ratelimit *r)
{
    size_t i;

    if (!r)
        return;
    for (i = 0; i < r->n; i++)
        free(r->hosts[i].host);
    free(r->hosts);
    free(r);
}

static host_slot *slot(zj__ratelimit *r, const char *host)
{
    size_t i;

    for (i = 0; i < r->n; i++)
        if (strcmp(r->hosts[i].host, host) == 0)
            return &r->hosts[i];
    if (r->n == r->cap) {
        size_t c = r->cap ? r->cap * 2 : 8;
        host_slot *h = realloc(r->hosts, c * sizeof *h);
        if (!h)
            return NULL;
        r->hosts = h;
        r->cap = c;
    }
    if (!(r->hosts[r->n].host = zj__strdup(host)))
        return NULL;
    r->hosts[r->n].next_ms = 0;
    r->hosts[r->n].interval_ms = r->interval_ms;
    r->hosts[r->n].active = 0;
    return &r->hosts[r->n++];
}

long zj__ratelimit_wait(zj__ratelimit *r, const char *host, long now_ms)
{
    host_slot *s = slot(r, host);

    if (!s || s->interval_ms == 0 || now_ms >= s->next_ms)
        return 0;
    return s->next_ms - now_ms;
}

void zj__ratelimit_take(zj__ratelimit *r, const char *host, long now_ms)
{
    host_slot *s = slot(r, host);

    if (s && s->interval_ms)
        s->next_ms = (now_ms > s->next_ms ? now_ms : s->next_ms) + s->interval_ms;
}

int zj__ratelimit_active(zj__ratelimit *r, const char *host, int delta)
{
    host_slot *s = slot(r, host);

    if (!s)
        return 0;
    s->active += delta;
    return s->active;
}

void zj__ratelimit_min_interval(zj__ratelimit *r, const char *host, long ms)
{
    host_slot *s = slot(r, host);

    if (s && ms > s->interval_ms)
        s->interval_ms = ms;
}
