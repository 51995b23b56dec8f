/* use-installed.c — compiled by `make installcheck` against the installed
 * headers and library through pkg-config: the public API is usable as
 * installed, and the installed data directory opens. */
#include <stdio.h>
#include <zhijiao.h>

int main(void)
{
    zj_rate r;
    zj_data *d;
    zj_error e;

    if (zj_rate_ci(3138, 3953, 0.95, ZJ_CI_WILSON, &r, &e) != ZJ_OK)
        return 1;
    if (zj_data_open_default(&d, &e) != ZJ_OK) {
        fprintf(stderr, "%s: %s\n", e.where, e.message_en);
        return 1;
    }
    printf("zhijiao %s: %zu tables, %zu rule sets; 3138/3953 = [%.6f, %.6f]\n",
           zj_version(), zj_data_table_count(d), zj_data_ruleset_count(d), r.lower, r.upper);
    zj_data_close(d);
    return 0;
}
