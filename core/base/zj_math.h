/* zj_math.h — the distribution functions the indicators need (internal).
 *
 * They come from R's own math library (libRmath, Debian r-mathlib), so our
 * intervals agree with R's prop.test and binom.test to rounding; inside the
 * R package the same names resolve to R itself. */
#ifndef ZJ_MATH_H
#define ZJ_MATH_H

double zj__qnorm(double p);                       /* standard normal quantile */
double zj__qbeta(double p, double a, double b);   /* Beta(a, b) quantile */
double zj__qt(double p, double df);              /* Student's t quantile */
double zj__pchisq_upper(double x, double df);     /* P(X > x), X ~ chi^2(df) */

#endif
