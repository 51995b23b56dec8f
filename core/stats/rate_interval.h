/* rate_interval.h — the interval formulas of rate_ci.c, for the designs
 * (design.c) that apply them at an effective sample size (internal). */
#ifndef ZJ_RATE_INTERVAL_H
#define ZJ_RATE_INTERVAL_H

#include "zhijiao/indicators.h"

/* The method's interval for x of n, inputs already checked; x and n may
 * be fractional (effective sizes). */
void zj__rate_interval(double x, double n, double conf, zj_ci_method method,
                      double *lower, double *upper);
/* ZJ_ERR_ARG naming `method` when it is not a zj_ci_method. */
zj_code zj__rate_check_method(zj_ci_method method, zj_error *err);

#endif
