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
#include <string.h>
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

/* An argument error: the code, both messages non-empty, and the argument
 * named in where and in both messages. */
static inline void assert_arg_error(zj_code rc, const zj_error *e, const char *arg)
{
    assert_int_equal(rc, ZJ_ERR_ARG);
    assert_int_equal(e->code, ZJ_ERR_ARG);
    assert_true(e->message_en[0] != '\0');
    assert_true(e->message_zh[0] != '\0');
    if (!strstr(e->where, arg) || !strstr(e->message_en, arg) ||
        !strstr(e->message_zh, arg)) {
        print_error("argument %s not named: where \"%s\", en \"%s\", "
                    "zh \"%s\"\n", arg, e->where, e->message_en, e->message_zh);
        fail();
    }
}

#endif
