/* testutil.h — shared by the cmocka unit tests. */
#ifndef ZJ_TESTUTIL_H
#define ZJ_TESTUTIL_H

#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include "zhijiao.h"

/* The source tree (for data/ and tests/data/), set by the Makefile. */
#ifndef ZJ_TEST_SRCDIR
#define ZJ_TEST_SRCDIR "."
#endif

static inline const char *zj_test_srcdir(void)
{
    const char *s = getenv("ZJ_TEST_SRCDIR");
    return (s && *s) ? s : ZJ_TEST_SRCDIR;
}

/* "<srcdir>/<rel>" in a static buffer (tests are single-threaded). */
static inline const char *zj_test_path(const char *rel)
{
    static char buf[4096];
    snprintf(buf, sizeof buf, "%s/%s", zj_test_srcdir(), rel);
    return buf;
}

/* |a - b| <= tol, with a message naming both values. */
#define assert_close(a, b, tol)                                              \
    do {                                                                     \
        double zj_a_ = (a), zj_b_ = (b);                                     \
        if (!(fabs(zj_a_ - zj_b_) <= (tol))) {                               \
            print_error("%s = %.15g, expected %.15g (tol %g)\n", #a, zj_a_,  \
                        zj_b_, (double)(tol));                               \
            fail();                                                          \
        }                                                                    \
    } while (0)

#define assert_nan(a) assert_true(isnan(a))

#endif
