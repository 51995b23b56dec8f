/* fetch_probe.c — fetches URLs with the refresh pipeline's HTTP layer and
 * prints exactly what came back, one line per URL, for the fault tests
 * (tests/fetch/run-fetch-tests.sh):
 *
 *   rc=<code> status=<http> retries=<n> cache=<0|1> stale=<0|1> len=<bytes> err=<message>
 *
 * and finally "elapsed_ms=<n>".
 *
 * usage: fetch_probe [--max-body N] [--retries N] [--timeout-ms N]
 *                    [--rate R] [--cache DIR] [--offline] [--expect html|file|any]
 *                    [--allow-host H] [--redirects N] [--robots] [--base URL] URL...
 * --robots: honour robots.txt (off by default in the probe, so that each
 * fault test makes only the requests it is about). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fetch.h"

int main(int argc, char **argv)
{
    zj_refresh_options o;
    zj__fetcher *f;
    zj__fetch_req *reqs;
    const char *allow[8], *base[8];
    size_t na = 0, nb = 0, n = 0, i;
    zj__fetch_expect expect = ZJ_EXPECT_ANY;
    zj_error err;
    long t0;
    int a;

    zj_refresh_options_init(&o);
    o.ignore_robots = 1;
    o.max_backoff_ms = 2000;
    reqs = calloc((size_t)argc, sizeof *reqs);
    if (!reqs)
        return 2;
    for (a = 1; a < argc; a++) {
        const char *s = argv[a], *v = a + 1 < argc ? argv[a + 1] : "";
        if (strcmp(s, "--max-body") == 0) o.max_body = (size_t)atol(v), a++;
        else if (strcmp(s, "--retries") == 0) o.max_retries = atoi(v) ? atoi(v) : -1, a++;
        else if (strcmp(s, "--timeout-ms") == 0) o.total_timeout_ms = atol(v), a++;
        else if (strcmp(s, "--rate") == 0) o.rate_limit = atof(v), a++;
        else if (strcmp(s, "--cache") == 0) o.cache_dir = v, a++;
        else if (strcmp(s, "--redirects") == 0) o.max_redirects = atol(v), a++;
        else if (strcmp(s, "--offline") == 0) o.offline = 1;
        else if (strcmp(s, "--robots") == 0) o.ignore_robots = 0;
        else if (strcmp(s, "--allow-host") == 0 && na < 8) allow[na++] = v, a++;
        else if (strcmp(s, "--base") == 0 && nb < 8) base[nb++] = v, a++;
        else if (strcmp(s, "--expect") == 0) {
            expect = strcmp(v, "html") == 0 ? ZJ_EXPECT_HTML : strcmp(v, "file") == 0 ? ZJ_EXPECT_FILE : ZJ_EXPECT_ANY;
            a++;
        } else {
            reqs[n].url = s;
            reqs[n].expect = expect;
            n++;
        }
    }
    o.allow_hosts = allow;
    o.n_allow_hosts = na;
    o.base_urls = base;
    o.n_base_urls = nb;
    if (zj__fetcher_new(&o, &f, &err) != ZJ_OK) {
        printf("fetcher: %s\n", err.message_en);
        free(reqs);
        return 2;
    }
    t0 = zj__now_ms();
    zj__fetch_many(f, reqs, n, "probe");
    for (i = 0; i < n; i++) {
        printf("rc=%s status=%ld retries=%d cache=%d stale=%d len=%zu err=%s\n",
               zj_code_name(reqs[i].rc), reqs[i].status, reqs[i].retries, reqs[i].from_cache,
               reqs[i].stale, reqs[i].len, reqs[i].rc ? reqs[i].err.message_en : "");
        zj__fetch_req_clear(&reqs[i]);
    }
    printf("elapsed_ms=%ld\n", zj__now_ms() - t0);
    zj__fetcher_free(f);
    free(reqs);
    return 0;
}
