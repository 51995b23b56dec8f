/* zj_math.c — thin wrappers over libRmath. */
#ifndef ZJ_IN_R_PACKAGE
#define MATHLIB_STANDALONE 1
#endif
#include <Rmath.h>

#include "zj_math.h"

double zj__qnorm(double p)
{
    return qnorm(p, 0.0, 1.0, 1, 0);
}

/* libRmath never fails quietly: when its Newton steps for qbeta do not
 * converge it printf()s "qbeta(a, *) =: x0 ... is not accurate" from
 * inside the library (MATHLIB_WARNING is printf in the standalone build,
 * and R's warning() inside R), which a library must never do.  That
 * happens for a huge first shape and a small second one (x near n, n above
 * about 1e13).  Beta(a, b) at lower tail p is 1 - Beta(b, a) at upper
 * tail p, and that direction converges: it is taken whenever a > b and
 * the shapes are large (a scan of n up to 2^53, x at both ends and in the
 * middle, every level from 0.0005 to 0.1, prints nothing; see
 * tests/cli/cases/rate-huge-no-print).  Below 1e9 the direct call is kept,
 * bit for bit as R's binom.test computes it. */
double zj__qbeta(double p, double a, double b)
{
    if (a > b && a + b > 1e9)
        return 1.0 - qbeta(p, b, a, 0, 0);
    return qbeta(p, a, b, 1, 0);
}

double zj__pchisq_upper(double x, double df)
{
    return pchisq(x, df, 0, 0);
}

double zj__qt(double p, double df)
{
    return qt(p, df, 1, 0);
}
