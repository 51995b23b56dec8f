# The design of n (sample, census, finite population) and school-level
# rates with schools as clusters, against prop.test, t.test and survey.

test_that("a census has the rate and no interval, and says so", {
    r <- zj_rate(c(12, 30), c(53, 53), design = "census")
    expect_equal(r$estimate, c(12, 30) / 53)
    expect_true(all(is.na(r$conf.low)) && all(is.na(r$conf.high)))
    expect_identical(r$design, c("census", "census"))
    expect_identical(r$population, c(53, 53))
    expect_identical(r$status, c("ok", "ok"))
    s <- zj_rate(12, 53)
    expect_identical(s$design, "sample")
    expect_false("population" %in% names(s))
    expect_identical(names(s)[7:9], c("conf.level", "design", "status"))
})

test_that("the finite-population correction: Wald exactly, Wilson at the effective size", {
    x <- c(95, 3138, 12); n <- c(100, 3953, 40); N <- c(120, 5000, 41)
    w <- zj_rate(x, n, method = "wald", population = N)
    p <- x / n
    half <- qnorm(0.975) * sqrt(p * (1 - p) / n * (N - n) / (N - 1))
    expect_equal(w$conf.low, pmax(p - half, 0), tolerance = 1e-12)
    expect_equal(w$conf.high, pmin(p + half, 1), tolerance = 1e-12)
    expect_identical(w$design, rep("finite", 3))
    neff <- n * (N - 1) / (N - n)
    for (i in seq_along(x)) {
        ref <- suppressWarnings(prop.test(p[i] * neff[i], neff[i], correct = FALSE)$conf.int)
        r <- zj_rate(x[i], n[i], population = N[i])
        expect_equal(c(r$conf.low, r$conf.high), as.numeric(ref), tolerance = 1e-12)
    }
    # narrower than the sample interval, and N = n is a census
    expect_lt(zj_rate(95, 100, population = 120)$conf.high, zj_rate(95, 100)$conf.high)
    c <- zj_rate(c(5, 5), c(10, 10), population = c(10, 1000))
    expect_identical(c$design, c("census", "finite"))
    expect_true(is.na(c$conf.low[1]) && !is.na(c$conf.low[2]))
})

test_that("design errors: N < n per element, population without finite, unknown design", {
    expect_warning(r <- zj_rate(c(5, 12), c(10, 53), population = c(100, 10)), "1 rate")
    expect_identical(r$status, c("ok", "argument"))
    expect_match(r$reason_en[2], "smaller than the sample")
    expect_match(r$reason_zh[2], "\u603b\u4f53\u89c4\u6a21")
    expect_arg_error(zj_rate(5, 10, design = "census", population = 10), "population")
    expect_arg_error(zj_rate(5, 10, design = "panel"), "design")
    expect_arg_error(zj_rate(5, 10, design = "finite"), "population")
})

# School-level data expanded to one row per student, for survey.
schools_design <- function(x, n) {
    d <- data.frame(school = rep(seq_along(n), n), w = 1,
                    y = unlist(Map(function(x, n) rep(c(1, 0), c(x, n - x)), x, n)))
    survey::svydesign(ids = ~school, weights = ~w, data = d)
}

test_that("zj_cluster matches survey::svyciprop (beta and mean, df = schools - 1) and t.test", {
    skip_if_not_installed("survey")
    set.seed(14)
    for (m in c(4, 9, 25)) {
        n <- sample(30:400, m, replace = TRUE)
        x <- rbinom(m, n, plogis(rnorm(m, 2.5, 0.7)))
        des <- schools_design(x, n)
        for (conf in c(0.9, 0.95)) {
            r <- zj_cluster(x, n, conf.level = conf)
            beta <- survey::svyciprop(~y, des, method = "beta", level = conf)
            mean <- survey::svyciprop(~y, des, method = "mean", level = conf)
            expect_equal(r$estimate, sum(x) / sum(n), tolerance = 1e-12)
            expect_equal(r$std.error, sqrt(as.numeric(attr(mean, "var"))), tolerance = 1e-10)
            expect_equal(c(r$conf.low, r$conf.high), as.numeric(attr(beta, "ci")),
                         tolerance = 1e-10)
            expect_equal(c(r$wald.low, r$wald.high), as.numeric(attr(mean, "ci")),
                         tolerance = 1e-10)
            expect_equal(r$df, survey::degf(des))
            tt <- t.test(x / n, conf.level = conf)
            expect_equal(r$mean_of_rates, mean(x / n), tolerance = 1e-12)
            expect_equal(c(r$mean.conf.low, r$mean.conf.high), as.numeric(tt$conf.int),
                         tolerance = 1e-10)
        }
    }
})

test_that("zj_cluster says which rate a published figure is, and the CLI agrees", {
    r <- zj_cluster(c(95, 190, 48), c(100, 200, 50), published = "95.33")
    expect_identical(r$matches, "mean")
    expect_identical(zj_cluster(c(95, 190, 48), c(100, 200, 50), published = "95.14")$matches,
                     "pooled")
    expect_identical(zj_cluster(c(95, 190, 48), c(100, 200, 50), published = "95.30")$matches,
                     "neither")
    g <- zj_cluster(c(95, 190, 48, 10, 20), c(100, 200, 50, 20, 20),
                    by = c("a", "a", "a", "b", "b"))
    expect_identical(g$group, c("a", "b"))
    expect_equal(g$estimate, c(333 / 350, 30 / 40))
    expect_arg_error(zj_cluster(5, 10), "clusters")
    expect_arg_error(zj_cluster(c(5, 11), c(10, 10)), "x[1]")
    expect_arg_error(zj_cluster(c(5, 6), c(10, 10), published = "95,3"), "published")
    cli <- Sys.getenv("ZJ_CLI")
    skip_if(cli == "" || !file.exists(cli), "no CLI (ZJ_CLI)")
    out <- system2(cli, c("cluster", "--x", "95,190,48", "--n", "100,200,50",
                          "--published", "95.33", "--format", "csv"), stdout = TRUE)
    v <- read.csv(text = out)
    expect_equal(v$lower, r$conf.low, tolerance = 1e-12)
    expect_equal(v$mean_upper, r$mean.conf.high, tolerance = 1e-12)
    expect_identical(v$matches, r$matches)
})

test_that("zj_plan_compare gives the CLI's rows: 2023 against 2024", {
    d <- zj_plan_compare(2023, 2024)
    zb <- d[d$programme == "\u4e2d\u672c\u8d2f\u901a", ]
    expect_identical(as.vector(table(factor(zb$status, c("same", "changed", "removed")))),
                     c(4L, 6L, 20L))
    expect_true(all(d$status[d$programme == "\u9ad8\u672c\u8d2f\u901a"] == "not_published"))
    big <- zb[zb$major == "\u5927\u6570\u636e\u6280\u672f\u5e94\u7528", ]
    expect_identical(c(big$places1, big$places2, big$change), c(30, 60, 30))
    expect_type(d$line1, "integer")
    expect_arg_error(zj_plan_compare(2019, 2024), "year")
    cli <- Sys.getenv("ZJ_CLI")
    skip_if(cli == "" || !file.exists(cli), "no CLI (ZJ_CLI)")
    out <- system2(cli, c("--data", shQuote(zj_data_dir()), "plan-compare", "2023", "2024",
                          "--format", "csv"), stdout = TRUE)
    v <- read.csv(text = out, stringsAsFactors = FALSE)
    expect_identical(v$status, d$status)
    expect_equal(v$change, d$change)
})

test_that("zj_table_design reads what n is from data/tables.json", {
    d <- zj_table_design("majors_monitoring_2024")
    expect_identical(d$design, "census")
    expect_match(d$why_zh, "100")
    f <- zj_table_design("report_figures_2024", c("english_pass_pct", "zonghe_total_pct"))
    expect_identical(f$design, c("sample", "census"))
    expect_true(is.na(zj_table_design("gtpy_plan_2023")$design))
    expect_arg_error(zj_table_design("no_such_table"), NULL)
})

test_that("year over year: prop.test for samples, the exact change for a census, as the CLI", {
    s <- zj_rate_diff(c(3138, 8389), c(3953, 8830), c(2980, 8101), c(3900, 8645))
    ref <- prop.test(c(3138, 2980), c(3953, 3900))
    expect_equal(c(s$conf.low[1], s$conf.high[1]), as.numeric(ref$conf.int), tolerance = 1e-12)
    expect_equal(s$p.value[1], ref$p.value, tolerance = 1e-12)
    c <- zj_rate_diff(84, 100, 80, 100, design = "census")
    expect_identical(c$estimate, 0.04)
    expect_true(is.na(c$conf.low) && is.na(c$p.value))
    expect_identical(c$status, "ok")
    expect_arg_error(zj_rate_diff(84, 100, 80, 100, design = "finite"), "design")
    cli <- Sys.getenv("ZJ_CLI")
    skip_if(cli == "" || !file.exists(cli), "no CLI (ZJ_CLI)")
    out <- system2(cli, c("diff", "--x1", "3138,8389", "--n1", "3953,8830", "--x2", "2980,8101",
                          "--n2", "3900,8645", "--format", "csv"), stdout = TRUE)
    v <- read.csv(text = out)
    expect_equal(v$lower, s$conf.low, tolerance = 1e-12)
    expect_equal(v$p_value, s$p.value, tolerance = 1e-12)
})
