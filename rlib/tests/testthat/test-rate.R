# Intervals checked against R's own tests and independent formulas.

x <- c(0, 1, 5, 50, 97, 100, 3138, 397)
n <- c(10, 10, 10, 100, 100, 100, 3953, 3953)

test_that("wilson matches prop.test(correct = FALSE)", {
    r <- zj_rate(x, n)
    for (i in seq_along(x)) {
        ref <- suppressWarnings(prop.test(x[i], n[i], correct = FALSE))$conf.int
        expect_equal(c(r$conf.low[i], r$conf.high[i]), as.numeric(ref), tolerance = 1e-9)
    }
    expect_equal(r$estimate, x / n)
    expect_identical(r$method, rep("wilson", length(x)))
    expect_identical(r$status, rep("ok", length(x)))
    expect_true(all(is.na(r$reason_en)))
})

test_that("wilson-cc matches prop.test(correct = TRUE), also at other levels", {
    for (cl in c(0.9, 0.95, 0.99)) {
        r <- zj_rate(x, n, method = "wilson-cc", conf.level = cl)
        for (i in seq_along(x)) {
            ref <- suppressWarnings(prop.test(x[i], n[i], conf.level = cl))$conf.int
            expect_equal(c(r$conf.low[i], r$conf.high[i]), as.numeric(ref), tolerance = 1e-9)
        }
    }
})

test_that("clopper-pearson matches binom.test; 'exact' is an alias", {
    r <- zj_rate(x, n, method = "exact")
    expect_identical(r$method, rep("clopper-pearson", length(x)))
    for (i in seq_along(x)) {
        ref <- binom.test(x[i], n[i])$conf.int
        expect_equal(c(r$conf.low[i], r$conf.high[i]), as.numeric(ref), tolerance = 1e-9)
    }
})

test_that("jeffreys, agresti-coull and wald match their formulas", {
    z <- qnorm(0.975)
    j <- zj_rate(x, n, method = "jeffreys")
    lo <- ifelse(x == 0, 0, qbeta(0.025, x + 0.5, n - x + 0.5))
    hi <- ifelse(x == n, 1, qbeta(0.975, x + 0.5, n - x + 0.5))
    expect_equal(j$conf.low, lo, tolerance = 1e-9)
    expect_equal(j$conf.high, hi, tolerance = 1e-9)

    a <- zj_rate(x, n, method = "agresti-coull")
    nt <- n + z^2
    pt <- (x + z^2 / 2) / nt
    expect_equal(a$conf.low, pmax(0, pt - z * sqrt(pt * (1 - pt) / nt)), tolerance = 1e-9)
    expect_equal(a$conf.high, pmin(1, pt + z * sqrt(pt * (1 - pt) / nt)), tolerance = 1e-9)

    w <- zj_rate(x, n, method = "asymptotic")
    p <- x / n
    expect_identical(unique(w$method), "wald")
    expect_equal(w$conf.low, pmax(0, p - z * sqrt(p * (1 - p) / n)), tolerance = 1e-9)
    expect_equal(w$conf.high, pmin(1, p + z * sqrt(p * (1 - p) / n)), tolerance = 1e-9)
})

test_that("clopper-pearson and wald agree with survey::svyciprop on a simple random sample", {
    skip_if_not_installed("survey")
    d <- data.frame(y = c(rep(1, 30), rep(0, 70)))
    # With N = n^2 the finite-population correction (1 - 1/n) turns the
    # design variance p(1-p)/(n-1) into p(1-p)/n, so the Korn-Graubard
    # ("beta") interval's effective sample size is exactly n = 100.
    des <- survey::svydesign(ids = ~1, data = d, fpc = rep(100^2, 100))
    ci <- attr(survey::svyciprop(~y, des, method = "beta"), "ci")
    r <- zj_rate(30, 100, method = "clopper-pearson")
    expect_equal(c(r$conf.low, r$conf.high), as.numeric(ci), tolerance = 1e-9)
    # "mean" is the Wald interval with a t quantile (df = n - 1)
    m <- attr(survey::svyciprop(~y, des, method = "mean"), "ci")
    w <- zj_rate(30, 100, method = "wald")
    expect_equal((w$conf.high - w$conf.low) / diff(as.numeric(m)), qnorm(0.975) / qt(0.975, 99),
                 tolerance = 1e-9)
})

test_that("method = 'all' stacks one block per method, as binom.confint does", {
    r <- zj_rate(c(3, 7), 10, method = "all")
    expect_identical(nrow(r), 12L)
    expect_identical(unique(r$method), zj_ci_methods())
    expect_identical(r$x, rep(c(3, 7), 6))
    expect_named(r, c("x", "n", "estimate", "conf.low", "conf.high", "method", "conf.level",
                      "design", "status", "reason_zh", "reason_en"))
    expect_s3_class(r, "zj_rates")
})

test_that("arguments are recycled and groups kept", {
    r <- zj_rate(c(1, 2, 3, 4), 10, conf.level = c(0.9, 0.95), group = c("a", "b", "c", "d"))
    expect_identical(r$n, rep(10, 4))
    expect_identical(r$conf.level, c(0.9, 0.95, 0.9, 0.95))
    expect_identical(r$group, c("a", "b", "c", "d"))
    expect_equal(r$conf.low[3], suppressWarnings(prop.test(3, 10, conf.level = 0.9,
                                                        correct = FALSE))$conf.int[1])
    expect_warning(zj_rate(1:3, c(10, 10)), "multiple")
    expect_identical(nrow(zj_rate(numeric(), 10)), 0L)
    expect_identical(nrow(zj_rate(1L, 10L)), 1L)
})

test_that("NA and impossible counts give NA with a reason, never an error", {
    # NA input gives NA quietly; the 4 results that became NA warn, with the count
    expect_warning(r <- zj_rate(c(NA, 12, 3, 2.5, -1, 1), c(10, 10, 0, 10, 10, NA)),
                   "^4 \u4e2a\u6bd4\u7387\u65e0\u6cd5\u8ba1\u7b97.*\n4 rate\\(s\\) could not be computed")
    expect_silent(zj_rate(c(NA, 1), 10))
    expect_true(all(is.na(r$estimate)))
    expect_true(all(is.na(r$conf.low)) && all(is.na(r$conf.high)))
    expect_identical(r$status, c("missing", "argument", "argument", "argument", "argument", "missing"))
    expect_true(all(nzchar(r$reason_en)) && all(nzchar(r$reason_zh)))
    expect_match(r$reason_en[2], "greater than")
    expect_identical(Encoding(r$reason_zh[2]), "UTF-8")
    r <- zj_rate(5, 10, conf.level = NA)
    expect_identical(r$status, "missing")
})

test_that("bad arguments are zhijiao_errors naming the argument", {
    expect_arg_error(zj_rate("1", 10), "x")
    expect_arg_error(zj_rate(1, list(10)), "n")
    expect_arg_error(zj_rate(1, factor(10)), "n")
    expect_arg_error(zj_rate(1, 10, conf.level = "0.95"), "conf.level")
    e <- expect_arg_error(zj_rate(1, 10, conf.level = 1.5), "conf")
    # Chinese first, as the CLI
    expect_match(conditionMessage(e), "^\u7f6e\u4fe1|^[^A-Za-z]")
    expect_identical(e$code, "argument")
    expect_match(conditionMessage(e), "0.95")
    expect_arg_error(zj_rate(1, 10, method = "bayes"), "method")
    expect_arg_error(zj_rate(1, 10, method = NA), "method")
    expect_arg_error(zj_rate(1, 10, method = 1), "method")
    expect_arg_error(zj_rate(1, 10, group = list("a")), "group")
})

test_that("columns of one value read, change and save as ordinary vectors", {
    r <- zj_rate(c(1, 2, 3), 10)
    expect_identical(r$method, rep("wilson", 3))
    expect_identical(r$conf.level, rep(0.95, 3))
    expect_identical(r$status, rep("ok", 3))
    expect_identical(r$reason_zh, rep(NA_character_, 3))
    expect_identical(r[2:3, "status"], c("ok", "ok"))
    s <- r$status
    s[2] <- "x"
    expect_identical(s, c("ok", "x", "ok"))
    expect_identical(r$status, rep("ok", 3))
    cl <- r$conf.level
    cl[1] <- 0.5
    expect_identical(r$conf.level, rep(0.95, 3))
    expect_identical(sum(cl), 2.4)
    f <- tempfile(fileext = ".rds")
    on.exit(unlink(f))
    saveRDS(r, f)
    expect_identical(readRDS(f), r)
    expect_identical(unserialize(serialize(r, NULL, version = 2)), r)
    expect_identical(rbind(r, r)$status, rep("ok", 6))
    expect_identical(zj_rate(c(1, 2), 10, conf.level = c(0.9, 0.95))$conf.level, c(0.9, 0.95))
    expect_identical(nrow(zj_rate(numeric(), 10, conf.level = 0.9)), 0L)
})

test_that("zj_ci_methods lists the library's methods", {
    expect_identical(zj_ci_methods(), c("wilson", "wilson-cc", "clopper-pearson",
                                        "agresti-coull", "jeffreys", "wald"))
})

test_that("pooled rates: sum(x)/sum(n) with its interval, and the mean of rates apart", {
    p <- zj_pooled(c(90, 45, 12), c(100, 50, 40))
    expect_identical(p$x, 147)
    expect_identical(p$n, 190)
    ref <- prop.test(147, 190, correct = FALSE)$conf.int
    expect_equal(c(p$conf.low, p$conf.high), as.numeric(ref), tolerance = 1e-9)
    expect_equal(p$mean_of_rates, mean(c(0.9, 0.9, 0.3)))
    expect_identical(p$groups, 3L)

    g <- zj_pooled(c(90, 45, 12, 30), c(100, 50, 40, 31), by = c("a", "a", "b", "b"),
                   method = "clopper-pearson")
    expect_identical(g$group, c("a", "b"))
    expect_equal(g$conf.low[2], binom.test(42, 71)$conf.int[1], tolerance = 1e-9)
    g2 <- zj_pooled(1:4, 10, by = data.frame(s = c(1, 1, 2, 2), y = c(1, 2, 1, 2)))
    expect_identical(names(g2)[1:2], c("s", "y"))
    expect_identical(nrow(g2), 4L)
})

test_that("pooled rates: NA and n = 0 give NA with a reason; na.rm drops NA", {
    p <- zj_pooled(c(1, NA), c(10, 10))
    expect_true(is.na(p$estimate))
    expect_identical(p$status, "missing")
    expect_identical(zj_pooled(c(1, NA), c(10, 10), na.rm = TRUE)$x, 1)
    p <- zj_pooled(c(1, 0), c(10, 0))
    expect_identical(p$status, "argument")
    expect_match(p$reason_en, "0")
})

test_that("pooled rates: bad arguments", {
    expect_arg_error(zj_pooled("1", 10), "x")
    expect_arg_error(zj_pooled(1, "10"), "n")
    expect_arg_error(zj_pooled(1, 10, conf.level = c(0.9, 0.95)), "conf.level")
    expect_arg_error(zj_pooled(1, 10, conf.level = 2), "conf")
    expect_arg_error(zj_pooled(1, 10, method = c("wilson", "wald")), "method")
    expect_arg_error(zj_pooled(1, 10, by = 1:3), "by")
    expect_arg_error(zj_pooled(1, 10, na.rm = NA), "na.rm")
})

test_that("rate differences match prop.test on two samples", {
    for (correct in c(TRUE, FALSE)) {
        d <- zj_rate_diff(c(3138, 40), c(3953, 50), c(2980, 20), c(3900, 45), correct = correct)
        for (i in 1:2) {
            ref <- suppressWarnings(prop.test(c(d$x1[i], d$x2[i]), c(d$n1[i], d$n2[i]),
                                              correct = correct))
            expect_equal(c(d$conf.low[i], d$conf.high[i]), as.numeric(ref$conf.int), tolerance = 1e-9)
            expect_equal(d$statistic[i], unname(ref$statistic), tolerance = 1e-9)
            expect_equal(d$p.value[i], ref$p.value, tolerance = 1e-9)
            expect_equal(d$estimate[i], unname(ref$estimate[1] - ref$estimate[2]))
        }
    }
    d <- zj_rate_diff(c(1, NA, 5), 10, 2, c(10, 10, 0))
    expect_identical(d$status, c("ok", "missing", "argument"))
    expect_true(is.na(d$estimate[3]) && nzchar(d$reason_en[3]))
})

test_that("rate differences: bad arguments", {
    expect_arg_error(zj_rate_diff("1", 2, 1, 2), "x1")
    expect_arg_error(zj_rate_diff(1, "2", 1, 2), "n1")
    expect_arg_error(zj_rate_diff(1, 2, "1", 2), "x2")
    expect_arg_error(zj_rate_diff(1, 2, 1, "2"), "n2")
    expect_arg_error(zj_rate_diff(1, 2, 1, 2, conf.level = 0), "conf")
    expect_arg_error(zj_rate_diff(1, 2, 1, 2, correct = "yes"), "correct")
})

test_that("broom's column names, and the old ones for one release with a warning", {
    r <- zj_rate(3, 10)
    expect_true(all(c("estimate", "conf.low", "conf.high") %in% names(r)))
    expect_false(any(c("lower", "upper") %in% names(r)))
    expect_warning(lo <- r$lower, class = "deprecatedWarning")
    expect_identical(lo, r$conf.low)
    expect_warning(hi <- r[["upper"]], "conf.high")
    expect_identical(hi, r$conf.high)
    d <- zj_rate_diff(30, 100, 20, 100)
    expect_warning(expect_identical(d$lower, d$conf.low), class = "deprecatedWarning")
    p <- zj_pooled(c(1, 2), c(10, 10))
    expect_warning(expect_identical(p$upper, p$conf.high), class = "deprecatedWarning")
    expect_null(suppressWarnings(r$nope))
})

test_that("print() leaves out the status and reason columns when every rate is fine", {
    out <- capture.output(print(zj_rate(3, 10)))
    expect_false(any(grepl("reason_zh|status", out)))
    out <- capture.output(print(zj_rate(3, 10), all = TRUE))
    expect_true(any(grepl("reason_zh", out)))
    out <- capture.output(suppressWarnings(print(zj_rate(c(3, 11), 10))))
    expect_true(any(grepl("reason_en", out)))
})
