# gen-rate-reference.R — reference confidence intervals for libzhijiao,
# computed with R alone (no zhijiao code), so that tests/unit/test_rate_ci
# checks our C against an independent implementation.
#
#   Rscript tests/r/gen-rate-reference.R [OUTDIR]
#
# writes OUTDIR/rate_reference.csv and OUTDIR/rate_diff_reference.csv
# (default OUTDIR: tests/data next to this script).  The committed CSVs
# are this script's output; tests/r/check-rate-reference.sh regenerates
# them and compares.  Needs base R only (stats).

args <- commandArgs(trailingOnly = TRUE)
script_dir <- local({
  f <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
  if (length(f)) dirname(normalizePath(f[1])) else "."
})
outdir <- if (length(args) >= 1) args[1] else
  file.path(script_dir, "..", "data")

# Inputs are printed so that strtod gives back the same double (0.95, not
# 0.94999999999999996); results with 17 significant digits.
num_in <- function(v) sprintf("%.15g", v)
num_out <- function(v) sprintf("%.17g", v)

# ---- one-sample intervals ------------------------------------------------

# The normal quantile as binom::binom.confint computes it.
binom_z <- function(conf) qnorm(1 - (1 - conf) / 2)

ci_wilson <- function(x, n, conf, correct)
  as.numeric(prop.test(x, n, conf.level = conf, correct = correct)$conf.int)

ci_clopper_pearson <- function(x, n, conf)
  as.numeric(binom.test(x, n, conf.level = conf)$conf.int)

# binom.confint(method = "agresti-coull"): x~ = x + z^2/2, n~ = n + z^2;
# clipped to [0, 1] as zhijiao documents.
ci_agresti_coull <- function(x, n, conf) {
  z <- binom_z(conf)
  xt <- x + 0.5 * z^2
  nt <- n + z^2
  pt <- xt / nt
  half <- z * sqrt(pt * (1 - pt) / nt)
  c(max(pt - half, 0), min(pt + half, 1))
}

# Equal-tailed Jeffreys with the Brown-Cai-DasGupta ends.
ci_jeffreys <- function(x, n, conf) {
  alpha <- 1 - conf
  lo <- if (x == 0) 0 else qbeta(alpha / 2, x + 0.5, n - x + 0.5)
  hi <- if (x == n) 1 else qbeta(1 - alpha / 2, x + 0.5, n - x + 0.5)
  c(lo, hi)
}

ci_wald <- function(x, n, conf) {
  z <- binom_z(conf)
  p <- x / n
  half <- z * sqrt(p * (1 - p) / n)
  c(max(p - half, 0), min(p + half, 1))
}

methods <- list(
  "wilson"          = function(x, n, conf) ci_wilson(x, n, conf, FALSE),
  "wilson-cc"       = function(x, n, conf) ci_wilson(x, n, conf, TRUE),
  "clopper-pearson" = ci_clopper_pearson,
  "agresti-coull"   = ci_agresti_coull,
  "jeffreys"        = ci_jeffreys,
  "wald"            = ci_wald
)

ns <- c(1, 2, 5, 10, 30, 100, 497, 3953, 8830, 17520)
confs <- c(0.8, 0.9, 0.95, 0.99)
# Published figures: 3138 of 3953, 8388 of 8830.
published <- list(c(3138, 3953), c(8388, 8830))

xs_for <- function(n) {
  x <- c(0, 1, floor(n / 2), n - 1, n,
         round(n * c(0.03, 0.2, 0.7, 0.95)))
  for (p in published) if (p[2] == n) x <- c(x, p[1])
  sort(unique(x[x >= 0 & x <= n]))
}

# Extreme levels on a few cases, beyond the main grid.
edge_confs <- c(0.5, 0.999)
edge_cases <- list(c(0, 1), c(1, 1), c(3, 10), c(3138, 3953), c(0, 17520),
                   c(17520, 17520))

ci_row <- function(m, x, n, conf) {
  ci <- suppressWarnings(methods[[m]](x, n, conf))
  data.frame(method = m, x = num_in(x), n = num_in(n), conf = num_in(conf),
             lower = num_out(ci[1]), upper = num_out(ci[2]))
}

one_sample <- do.call(rbind, lapply(names(methods), function(m) {
  grid <- do.call(rbind, lapply(ns, function(n) {
    do.call(rbind, lapply(xs_for(n), function(x) {
      do.call(rbind, lapply(confs, function(conf) ci_row(m, x, n, conf)))
    }))
  }))
  edges <- do.call(rbind, lapply(edge_cases, function(xn) {
    do.call(rbind, lapply(edge_confs, function(conf)
      ci_row(m, xn[1], xn[2], conf)))
  }))
  rbind(grid, edges)
}))

# ---- two-sample prop.test ------------------------------------------------

pairs <- list(
  c(3138, 3953, 3015, 3890),   # this year against last year
  c(8388, 8830, 8101, 8645),
  c(3138, 3953, 8388, 8830),
  c(412, 497, 398, 497),
  c(15000, 17520, 14800, 17490),
  c(45, 100, 45, 100),         # equal rates: DELTA = 0, no correction
  c(30, 100, 29, 100),         # |DELTA| / sum(1/n) < 0.5: capped correction
  c(0, 10, 3, 10),
  c(10, 10, 7, 10),
  c(1, 2, 0, 1),
  c(0, 5, 0, 5),               # pooled rate 0: X-squared is NaN in R
  c(5, 5, 5, 5),               # pooled rate 1: likewise
  c(1, 1, 0, 1),
  c(2, 30, 9, 30)
)

two_sample <- do.call(rbind, lapply(pairs, function(p) {
  do.call(rbind, lapply(confs, function(conf) {
    do.call(rbind, lapply(c(FALSE, TRUE), function(correct) {
      r <- suppressWarnings(prop.test(p[c(1, 3)], p[c(2, 4)],
                                      conf.level = conf, correct = correct))
      data.frame(x1 = num_in(p[1]), n1 = num_in(p[2]),
                 x2 = num_in(p[3]), n2 = num_in(p[4]),
                 conf = num_in(conf), correct = if (correct) "1" else "0",
                 lower = num_out(r$conf.int[1]),
                 upper = num_out(r$conf.int[2]),
                 statistic = num_out(unname(r$statistic)),
                 p_value = num_out(r$p.value))
    }))
  }))
}))

dir.create(outdir, showWarnings = FALSE, recursive = TRUE)
write.csv(one_sample, file.path(outdir, "rate_reference.csv"),
          row.names = FALSE, quote = FALSE)
write.csv(two_sample, file.path(outdir, "rate_diff_reference.csv"),
          row.names = FALSE, quote = FALSE)
