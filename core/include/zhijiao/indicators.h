/* zhijiao/indicators.h — rates, intervals and the figures of quality reports.
 *
 * All functions here are pure: no handles, no global state, safe from any
 * thread.  Counts are passed as doubles (R and Calc hand us doubles) but
 * must hold non-negative whole numbers; anything else is ZJ_ERR_ARG with a
 * message naming the argument.  Rates are proportions in [0, 1], never
 * percentages.
 *
 * Batch functions take arrays and a per-element status array so that one
 * bad element (a spreadsheet cell, an R vector element) does not fail the
 * others: status[i] is ZJ_OK or the code of that element's error, and the
 * element's numeric outputs are NaN.  The return value is ZJ_OK unless the
 * call itself is unusable (NULL arrays, bad method, bad level).
 */
#ifndef ZHIJIAO_INDICATORS_H
#define ZHIJIAO_INDICATORS_H

#include "export.h"

#include <stddef.h>
#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Confidence-interval methods for a binomial proportion.  Each matches a
 * reference implementation to 1e-9 (see tests/data/rate_reference.csv):
 *   WILSON          score interval, R prop.test(x, n, correct = FALSE)
 *   WILSON_CC       score interval with Yates' continuity correction,
 *                   R prop.test(x, n, correct = TRUE) (including its rule
 *                   that the correction never exceeds |x - n/2|)
 *   CLOPPER_PEARSON exact interval, R binom.test(x, n)
 *   AGRESTI_COULL   "add z^2/2 successes and failures", as
 *                   binom::binom.confint(method = "agresti-coull"), clipped
 *                   to [0, 1]
 *   JEFFREYS        equal-tailed Beta(x + 1/2, n - x + 1/2) interval, with
 *                   lower = 0 at x = 0 and upper = 1 at x = n (Brown, Cai
 *                   and DasGupta 2001)
 *   WALD            p +- z sqrt(p(1-p)/n), clipped to [0, 1]; degenerate at
 *                   x = 0 and x = n, offered only because reports use it */
typedef enum zj_ci_method {
    ZJ_CI_WILSON = 0,
    ZJ_CI_WILSON_CC,
    ZJ_CI_CLOPPER_PEARSON,
    ZJ_CI_AGRESTI_COULL,
    ZJ_CI_JEFFREYS,
    ZJ_CI_WALD
} zj_ci_method;

#define ZJ_CI_DEFAULT ZJ_CI_WILSON
#define ZJ_CONF_DEFAULT 0.95

/* Stable lower-case names: "wilson", "wilson-cc", "clopper-pearson",
 * "agresti-coull", "jeffreys", "wald".  Parsing is case-insensitive and
 * also accepts the aliases of R and binom::binom.confint: "exact"
 * (Clopper-Pearson), "asymptotic" (Wald), "prop.test" (Wilson with
 * continuity correction).  Unknown name: ZJ_ERR_ARG. */
ZJ_EXTERN const char *zj_ci_method_name(zj_ci_method m);
ZJ_EXTERN zj_code zj_ci_method_parse(const char *name, zj_ci_method *out, zj_error *err);

/* What n is: the design behind a rate.
 *   SAMPLE  n is a sample from a much larger population: the interval of
 *           the method (the default, and what zj_rate_ci assumes);
 *   CENSUS  n is everybody (a complete enumeration, e.g. the monitoring
 *           of every new major): there is no sampling error, so there is
 *           no sampling interval — lower and upper are NaN, on purpose;
 *   FINITE  n is a simple random sample without replacement from a known
 *           population of N: the finite-population correction.  The
 *           method's interval is computed at the effective sample size
 *           n_eff = n (N - 1) / (N - n), i.e. with the variance
 *           p(1-p)/n * (N - n)/(N - 1) of Cochran (1977, eq. 3.4); for
 *           WALD that is exactly p +- z sqrt(p(1-p)/n (N-n)/(N-1)).  N = n
 *           is a census and is reported as one. */
typedef enum zj_design {
    ZJ_DESIGN_SAMPLE = 0,
    ZJ_DESIGN_CENSUS,
    ZJ_DESIGN_FINITE
} zj_design;

/* Stable names "sample", "census", "finite" (parse is case-insensitive;
 * unknown name: ZJ_ERR_ARG). */
ZJ_EXTERN const char *zj_design_name(zj_design d);
ZJ_EXTERN zj_code zj_design_parse(const char *name, zj_design *out, zj_error *err);
/* One sentence saying what the design means for the interval, for
 * reports and outputs: static strings, never freed. */
ZJ_EXTERN const char *zj_design_note_zh(zj_design d);
ZJ_EXTERN const char *zj_design_note_en(zj_design d);

typedef struct zj_rate {
    double x, n;           /* the inputs */
    double estimate;       /* x / n */
    double lower, upper;   /* the interval; NaN for a census */
    double conf;           /* confidence level, 0 < conf < 1 */
    zj_ci_method method;
    zj_design design;      /* ZJ_DESIGN_SAMPLE unless asked otherwise; CENSUS
                            * also when a FINITE population N equals n.  (N
                            * itself is the caller's: not repeated here, so
                            * the struct stays 56 bytes for batches.) */
} zj_rate;

/* The options of a rate: method, level, and the design of n.  Initialise
 * with zj_rate_options_init (Wilson, 0.95, SAMPLE, population NaN). */
typedef struct zj_rate_options {
    double conf;
    zj_ci_method method;
    zj_design design;
    double population;     /* N for ZJ_DESIGN_FINITE; ignored otherwise */
} zj_rate_options;

ZJ_EXTERN void zj_rate_options_init(zj_rate_options *o);

/* One rate.  Errors: n = 0, x > n, negative or fractional counts,
 * conf outside (0, 1). */
ZJ_EXTERN zj_code zj_rate_ci(double x, double n, double conf, zj_ci_method method,
                   zj_rate *out, zj_error *err);

/* count rates; out[i] and status[i] for each; see the batch rule above.
 * Element errors are not described in err: call zj_rate_ci on one element
 * to get its message. */
ZJ_EXTERN zj_code zj_rate_ci_batch(const double *x, const double *n, size_t count,
                         double conf, zj_ci_method method,
                         zj_rate *out, zj_code *status, zj_error *err);

/* One rate under a design (see zj_design).  Errors as zj_rate_ci, and
 * for FINITE: N not a whole number, or N < n. */
ZJ_EXTERN zj_code zj_rate_ci_design(double x, double n, const zj_rate_options *o,
                                    zj_rate *out, zj_error *err);
/* The batch form; `population` may be NULL (then o->population is every
 * element's N) or hold each element's N.  Batch rule as above. */
ZJ_EXTERN zj_code zj_rate_ci_design_batch(const double *x, const double *n,
                                          const double *population, size_t count,
                                          const zj_rate_options *o, zj_rate *out,
                                          zj_code *status, zj_error *err);

/* Pooling across groups (schools, majors).  Published tables mix two
 * different things, and this keeps them apart:
 *   pooled        = sum(x) / sum(n), a proportion, with its interval;
 *   mean_of_rates = the unweighted mean of the group rates x_i/n_i, which
 *                   is NOT a proportion of anybody and has no binomial
 *                   interval.
 * Groups with n_i = 0 are an error (their rate is undefined). */
typedef struct zj_pooled {
    zj_rate pooled;
    double mean_of_rates;
    size_t groups;
} zj_pooled;

ZJ_EXTERN zj_code zj_rate_pooled(const double *x, const double *n, size_t groups,
                       double conf, zj_ci_method method,
                       zj_pooled *out, zj_error *err);

/* School-level data (school i: x_i of n_i) with schools as clusters: the
 * two rates a published table may mean, each with its own interval.
 *   pooled   sum(x)/sum(n), with the cluster-robust (linearization)
 *            variance of a ratio over clusters drawn with replacement,
 *              v = m/(m-1) * sum((x_i - p n_i)^2) / (sum n)^2,
 *            as survey::svydesign(ids = ~school) gives.  Two intervals:
 *              lower/upper   survey::svyciprop(method = "beta"), the
 *                            Korn-Graubard Clopper-Pearson interval at the
 *                            effective size n_eff = p(1-p)/v * (t_{n-1}/
 *                            t_{m-1})^2 (n = sum n); stays inside [0, 1];
 *              wald_lower/_upper  svyciprop(method = "mean"), p +- t v^1/2
 *                            with t the quantile of Student's t on m - 1 df
 *                            (degf of the design), not clipped;
 *            df = m - 1.  When p is 0 or 1, v = 0: the interval is the
 *            Clopper-Pearson one of sum(x) of sum(n).
 *   mean     the unweighted mean of the school rates x_i/n_i, the schools
 *            being the sample: mean +- t_{m-1} sd/sqrt(m), as
 *            t.test(x/n) and svymean(~rate, svydesign(ids = ~1)).
 * design_effect is v over the binomial variance p(1-p)/sum(n).  At least
 * two schools; every school as zj_valid counts (n_i > 0, x_i <= n_i). */
typedef struct zj_cluster_rates {
    size_t clusters;
    double x, n;                     /* sums */
    double conf, df;
    double pooled, pooled_se, lower, upper, wald_lower, wald_upper;
    double design_effect, n_effective;
    double mean_of_rates, mean_sd, mean_se, mean_lower, mean_upper;
} zj_cluster_rates;

ZJ_EXTERN zj_code zj_rate_clustered(const double *x, const double *n, size_t clusters,
                                    double conf, zj_cluster_rates *out,
                                    zj_error *err);

/* Which of the two a published percentage is: a rate matches when
 * 100 * rate lies within half a unit of the last published decimal of
 * `published_pct` (e.g. 95.26 with decimals = 2 covers [95.255, 95.265],
 * both ends included, whatever rounding rule the publisher used).
 * decimals in 0..6. */
typedef enum zj_published_match {
    ZJ_MATCH_NEITHER = 0,
    ZJ_MATCH_POOLED = 1,
    ZJ_MATCH_MEAN = 2,
    ZJ_MATCH_BOTH = 3
} zj_published_match;

ZJ_EXTERN const char *zj_published_match_name(zj_published_match m); /* "neither", "pooled", "mean", "both" */
ZJ_EXTERN zj_code zj_cluster_match(const zj_cluster_rates *r, double published_pct,
                                   int decimals, zj_published_match *out,
                                   zj_error *err);
/* The same with the percentage as printed in the source ("95.50"): its
 * decimals are those written.  Text that is not a plain decimal number
 * (digits, at most one point) is ZJ_ERR_ARG. */
ZJ_EXTERN zj_code zj_cluster_match_text(const zj_cluster_rates *r,
                                        const char *published_pct,
                                        zj_published_match *out, zj_error *err);

/* Difference of two independent rates p1 - p2 (e.g. this year minus last
 * year), its interval and the two-sided p-value of the test of equal
 * rates.  Matches R prop.test(c(x1, x2), c(n1, n2), correct = ...): Wald
 * interval for the difference (with Yates' correction when `correct`),
 * clipped to [-1, 1], and the Pearson chi-square test on the 2x2 table. */
typedef struct zj_rate_diff {
    double p1, p2, diff, lower, upper, conf;
    double statistic;  /* X-squared */
    double p_value;
    int correct;
} zj_rate_diff;

ZJ_EXTERN zj_code zj_rate_difference(double x1, double n1, double x2, double n2,
                           double conf, int correct,
                           zj_rate_diff *out, zj_error *err);

/* The change between two years under a design: for ZJ_DESIGN_SAMPLE,
 * zj_rate_difference; for ZJ_DESIGN_CENSUS (both years count everybody)
 * the exact change p1 - p2, with lower, upper, statistic and p_value NaN:
 * there is no sampling error to test.  FINITE is ZJ_ERR_ARG (no interval
 * of a difference with the correction is offered yet). */
ZJ_EXTERN zj_code zj_rate_change(double x1, double n1, double x2, double n2,
                                 zj_design design, double conf, int correct,
                                 zj_rate_diff *out, zj_error *err);

/* Score vectors (a test's marks).  NaN marks are missing: excluded from
 * every figure and counted in `missing`.  A score is a pass when
 * score >= pass_mark and excellent when score >= excellent_mark
 * (defaults ZJ_PASS_MARK_DEFAULT and ZJ_EXCELLENT_MARK_DEFAULT).  With no
 * valid score, mean and rates are NaN and the call still succeeds. */
#define ZJ_PASS_MARK_DEFAULT 60.0
#define ZJ_EXCELLENT_MARK_DEFAULT 85.0

typedef struct zj_score_summary {
    size_t valid, missing;
    double mean, sd;               /* sd: sample standard deviation (n - 1) */
    double min, max;
    size_t passed, excellent;
    double pass_rate, excellent_rate;
    double pass_mark, excellent_mark;
} zj_score_summary;

ZJ_EXTERN zj_code zj_scores_summarize(const double *scores, size_t count,
                            double pass_mark, double excellent_mark,
                            zj_score_summary *out, zj_error *err);

/* Plan completion: actual / plan.  Not a proportion (it can exceed 1);
 * plan must be > 0. */
ZJ_EXTERN zj_code zj_completion_rate(double actual, double plan, double *out,
                           zj_error *err);

/* 升学 (progression to further study) of a graduating cohort:
 * to_zhuanke + to_benke <= graduates is required. */
typedef struct zj_progression {
    double graduates, to_zhuanke, to_benke;
    double zhuanke_rate, benke_rate, total_rate;
} zj_progression;

ZJ_EXTERN zj_code zj_progression_rates(double graduates, double to_zhuanke,
                             double to_benke, zj_progression *out,
                             zj_error *err);

/* 转段 rate of a "3+2" or 贯通 cohort: transferred / eligible cohort, with
 * transferred <= cohort. */
ZJ_EXTERN zj_code zj_transfer_rate(double transferred, double cohort, double *out,
                         zj_error *err);

/* Weighted composite of component scores, e.g. the 30/30/10/30 转段
 * evaluation of 北京新城职业学校.  Weights must be finite, >= 0 and sum to 1
 * within 1e-9; otherwise ZJ_ERR_ARG naming the sum.  For the batch form,
 * scores are row-major (rows x components) and a row with a NaN component
 * gets NaN and status ZJ_ERR_ARG. */
ZJ_EXTERN zj_code zj_composite(const double *scores, const double *weights,
                     size_t components, double *out, zj_error *err);
ZJ_EXTERN zj_code zj_composite_batch(const double *scores, size_t rows,
                           const double *weights, size_t components,
                           double *out, zj_code *status, zj_error *err);

/* Grade distributions.  Grades are text: the monitoring scale
 * "A+", "A", "A-", "B+", "B", "B-", "C+", "C", "C-" and the conclusions
 * "通过" (pass) and "黄牌" (yellow card; the seeds' "黄牌，限期整改" counts too).
 * Unknown text is an error naming the element.  NULL or "" is missing. */
#define ZJ_GRADE_SCALE_SIZE 9

typedef struct zj_grade_distribution {
    size_t counts[ZJ_GRADE_SCALE_SIZE];  /* in the order A+ .. C- */
    size_t passed, yellow, missing, total;
    double pass_share;                   /* passed / (passed + yellow) */
} zj_grade_distribution;

ZJ_EXTERN const char *zj_grade_label(size_t index);   /* "A+" .. "C-", NULL past the end */
ZJ_EXTERN zj_code zj_grade_distribution_count(const char *const *grades,
                                    const char *const *conclusions,
                                    size_t count,
                                    zj_grade_distribution *out,
                                    zj_error *err);

/* The count behind a published percentage: quality reports print 95.00 %
 * of 8830 respondents, not the 8388 or 8389 satisfied ones.  `percent`
 * (0 to 100) is read to `decimals` places (0 to 6; the places it was
 * printed with: a percent with more places is ZJ_ERR_ARG); n is a count
 * > 0.  *count (required) receives the whole number nearest to
 * percent × n / 100, computed exactly in integers, and *exact (may be
 * NULL) that product itself.
 *
 * Rounding rule: an exact half (95.00 % of 8830 = 8388.5) goes to the
 * even neighbour (8388), GB/T 8170-2008 3.3 (四舍六入五成双), the rule R's
 * round() follows.  Why not 四舍五入, the half-up rule of Excel's ROUND,
 * which the reports' authors most likely used?  Their rounding acts on
 * k / n, not on our product: at an exact half, k and k + 1 lie equally
 * far from the printed figure, and either both round to it (n >
 * 100 × 10^decimals) or neither does (then zj_audit_percentage reports the
 * percentage as unachievable), whatever the authors' convention.  Their
 * rounding cannot tell the two apart, so the national standard does, and
 * the choice does not drift upwards over many rows. */
ZJ_EXTERN zj_code zj_count_from_percent(double percent, int decimals, double n,
                                        double *count, double *exact,
                                        zj_error *err);

#ifdef __cplusplus
}
#endif
#endif
