/* zj_math.c — thin wrappers over libRmath. */
#ifndef ZJ_IN_R_PACKAGE
#define MATHLIB_STANDALONE 1
#endif
#include <Rmath.h>

#include "zj_math.h"

double zj_qnorm(double p)
{
    return qnorm(p, 0.0, 1.0, 1, 0);
}

double zj_qbeta(double p, double a, double b)
{
    return qbeta(p, a, b, 1, 0);
}

double zj_pchisq_upper(double x, double df)
{
    return pchisq(x, df, 0, 0);
}

double zj_qt(double p, double df)
{
    return qt(p, df, 1, 0);
}
