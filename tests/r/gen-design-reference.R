# gen-design-reference.R — reference values for the designs of a rate
# (finite-population correction) and for school-level (clustered) rates,
# computed with R and the survey package alone (no zhijiao code), for
# tests/unit/test_design.c.
#
#   Rscript tests/r/gen-design-reference.R [OUTDIR]
#
# writes OUTDIR/cluster_reference.csv and OUTDIR/fpc_reference.csv
# (default OUTDIR: tests/data).  tests/r/check-rate-reference.sh
# regenerates them and compares with the committed files.
#
# Clustered rates: school-level data (school, x, n) are generated, expanded
# to one row per student (y = 1 for x of the n students), and
#   pooled: svyciprop(~y, svydesign(ids = ~school), method = "beta") and
#           method = "mean" (both with the default df = degf(design) =
#           schools - 1), the linearization SE from svymean;
#   mean of school rates: t.test(x / n)$conf.int.
# FPC: the Wald interval p +- z sqrt(p(1-p)/n (N-n)/(N-1)) and Wilson
# (prop.test, correct = FALSE) at the effective size n (N-1)/(N-n).
suppressPackageStartupMessages(library(survey))

args <- commandArgs(trailingOnly = TRUE)
script_dir <- local({
  f <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
  if (length(f)) dirname(normalizePath(f[1])) else "."
})
outdir <- if (length(args) >= 1) args[1] else
  file.path(script_dir, "..", "data")

num_in <- function(v) sprintf("%.15g", v)
num_out <- function(v) sprintf("%.17g", v)

# ---- clustered rates -----------------------------------------------------
set.seed(20241206)
make_schools <- function(m, size, p, spread) {
  n <- pmax(2, round(runif(m, size / 3, size * 2)))
  pi <- plogis(qlogis(p) + rnorm(m, 0, spread))
  x <- rbinom(m, n, pi)
  data.frame(school = seq_len(m), x = x, n = n)
}
cases <- list(
  make_schools(5, 40, 0.9, 0.5),
  make_schools(12, 200, 0.95, 0.8),
  make_schools(30, 300, 0.7, 0.3),
  make_schools(8, 60, 0.5, 0.0),
  data.frame(school = 1:3, x = c(95, 190, 48), n = c(100, 200, 50)),
  data.frame(school = 1:4, x = c(3138, 400, 1200, 90), n = c(3953, 420, 1500, 100))
)
confs <- c(0.9, 0.95, 0.99)

cluster_row <- function(k, d, conf) {
  students <- data.frame(school = rep(d$school, d$n),
                         y = unlist(mapply(function(x, n) rep(c(1, 0), c(x, n - x)),
                                           d$x, d$n, SIMPLIFY = FALSE)))
  des <- svydesign(ids = ~school, data = students)
  beta <- svyciprop(~y, des, method = "beta", level = conf)
  mean <- svyciprop(~y, des, method = "mean", level = conf)
  se <- sqrt(attr(mean, "var"))
  r <- d$x / d$n
  tt <- t.test(r, conf.level = conf)
  data.frame(case = k, conf = num_in(conf),
             x = paste(d$x, collapse = ";"), n = paste(d$n, collapse = ";"),
             pooled = num_out(unname(coef(beta))), se = num_out(unname(se)),
             lower = num_out(attr(beta, "ci")[1]), upper = num_out(attr(beta, "ci")[2]),
             wald_lower = num_out(attr(mean, "ci")[1]),
             wald_upper = num_out(attr(mean, "ci")[2]),
             mean = num_out(mean(r)),
             mean_lower = num_out(tt$conf.int[1]), mean_upper = num_out(tt$conf.int[2]))
}
cluster <- do.call(rbind, lapply(seq_along(cases), function(k)
  do.call(rbind, lapply(confs, function(conf) cluster_row(k, cases[[k]], conf)))))

# ---- finite-population correction ----------------------------------------
fpc_cases <- list(c(95, 100, 120), c(95, 100, 1000), c(95, 100, 1e6),
                  c(3138, 3953, 5000), c(0, 30, 60), c(30, 30, 31),
                  c(12, 40, 41), c(8388, 8830, 9000))
fpc <- do.call(rbind, lapply(fpc_cases, function(v) {
  do.call(rbind, lapply(confs, function(conf) {
    x <- v[1]; n <- v[2]; N <- v[3]
    p <- x / n
    z <- qnorm(1 - (1 - conf) / 2)
    half <- z * sqrt(p * (1 - p) / n * (N - n) / (N - 1))
    n_eff <- n * (N - 1) / (N - n)
    w <- suppressWarnings(prop.test(p * n_eff, n_eff, conf.level = conf,
                                    correct = FALSE)$conf.int)
    data.frame(x = num_in(x), n = num_in(n), N = num_in(N), conf = num_in(conf),
               wald_lower = num_out(max(p - half, 0)),
               wald_upper = num_out(min(p + half, 1)),
               wilson_lower = num_out(w[1]), wilson_upper = num_out(w[2]))
  }))
}))

dir.create(outdir, showWarnings = FALSE, recursive = TRUE)
write.csv(cluster, file.path(outdir, "cluster_reference.csv"),
          row.names = FALSE, quote = FALSE)
write.csv(fpc, file.path(outdir, "fpc_reference.csv"),
          row.names = FALSE, quote = FALSE)
