test_that("the bundled tables' audits report what data/README.md lists", {
    f <- zj_audit_table()
    expect_s3_class(f, "zj_findings")
    d <- f[f$table == "gtpy_plan_2023", ]
    expect_identical(d$kind, rep("derived", 3))
    expect_identical(sort(d$expected), c(30, 50, 60))
    s <- f[f$table == "satisfaction_2024", ]
    expect_identical(sum(s$kind == "percent_unachievable"), 4L)
    expect_true(any(s$kind == "sum_mismatch" & s$expected == 18006 & s$found == 17520))
    r <- f[f$table == "report_figures_2024", ]
    expect_setequal(r$found, c(10.06, 99.19, 12, 33))   # 12: 丝路工匠 countries, 前言10 vs 1.9's 11; 33: bases, parts not all stated
    expect_true(any(r$kind == "parts_not_all_stated" & r$expected == 22 & r$found == 33))
    expect_true(any(s$kind == "weighted_mean_mismatch" & s$expected == 96.89 & s$found == 96.79))
    # the report checked against itself (issue 13): 1.2.1's 5 schools, 6.2.4's 191
    m <- f[f$table %in% c("majors_new_2024", "majors_monitoring_2024"), ]
    expect_setequal(paste(m$expected, m$found), c("5 4", "191 100"))
    expect_identical(nrow(f[f$table == "gtpy_plan_2024", ]), 0L)
    expect_identical(Encoding(f$message_zh[1]), "UTF-8")
    one <- zj_audit_table("gtpy_plan_2023")
    expect_identical(one$row, d$row)
})

test_that("zj_audit_table: bad names", {
    e <- tryCatch(zj_audit_table("no_such_table"), zhijiao_error = function(e) e)
    expect_s3_class(e, "zhijiao_error")
    expect_identical(e$code, "not_found")
    expect_arg_error(zj_audit_table(NA_character_), "name")
    expect_arg_error(zj_audit_table(1), "name")
})

test_that("zj_audit of a plan table derives the lost cells (never writes them back)", {
    plan <- zj_table("gtpy_plan_2023")
    f <- zj_audit(plan, c("programme", "school", "major"), "places", kind = "row_kind",
                  table = "gtpy_plan_2023", row_numbers = attr(plan, "line"))
    expect_identical(f, zj_audit_table("gtpy_plan_2023"), ignore_attr = TRUE)
    expect_true(all(is.na(plan$places[attr(plan, "line") %in% f$row])))
    # inferred kinds: a pivot table with blank lower keys
    t <- data.frame(k1 = c("a", "a", "a", "b", "b", NA), k2 = c("x", "y", NA, "z", NA, NA),
                    v = c(1, 2, 4, 5, 5, 9))
    f2 <- zj_audit(t, c("k1", "k2"), "v", table = "t")
    expect_identical(f2$kind, c("sum_mismatch", "sum_mismatch"))
    expect_identical(f2$row, c(3L, 6L))
    t$v[1] <- NA
    f3 <- zj_audit(t, c("k1", "k2"), "v")
    expect_true("derived" %in% f3$kind)
    expect_identical(nrow(zj_audit(data.frame(k = c("a", NA), v = c(2, 2)), "k", "v")), 0L)
})

test_that("zj_audit: bad arguments", {
    t <- data.frame(k = c("a", NA), v = c(2, 2), kind = c("detail", "total"))
    expect_arg_error(zj_audit(list(k = "a"), "k", "v"), "data")
    expect_arg_error(zj_audit(t, "nope", "v"), "keys")
    expect_arg_error(zj_audit(t, 1, "v"), "keys")
    expect_arg_error(zj_audit(t, "k", "nope"), "value")
    expect_arg_error(zj_audit(t, "k", c("v", "v")), "value")
    expect_arg_error(zj_audit(transform(t, v = c("2", "x")), "k", "v"), "value")
    expect_arg_error(zj_audit(t, "k", "k"), "value")
    expect_arg_error(zj_audit(t, "k", "v", kind = "k"), "kind")
    expect_arg_error(zj_audit(t, "k", "v", table = NA), "table")
    expect_arg_error(zj_audit(t, "k", "v", row_numbers = 1:3), "row_numbers")
    expect_identical(nrow(zj_audit(t, "k", "v", kind = "kind")), 0L)
})

test_that("components against a stated total", {
    f <- zj_audit_components(c(6815, 11191), 17520, labels = c("new", "3y"),
                             table = "satisfaction_2024", column = "respondents", row = 8)
    expect_identical(f$kind, "sum_mismatch")
    expect_identical(f$expected, 18006)
    expect_identical(f$row, 8L)
    expect_identical(nrow(zj_audit_components(c(34, 36, 13), 83)), 0L)
    d <- zj_audit_components(c(42, NA, 22), 209)
    expect_identical(d$kind, "derived")
    expect_identical(d$expected, 145)
    expect_arg_error(zj_audit_components("1", 2), "parts")
    expect_arg_error(zj_audit_components(1, c(1, 2)), "total")
    expect_arg_error(zj_audit_components(1, 1, labels = c("a", "b")), "labels")
    expect_arg_error(zj_audit_components(1, 1, table = 1), "table")
    expect_arg_error(zj_audit_components(1, 1, column = NA), "column")
    expect_arg_error(zj_audit_components(1, 1, row = 1.5), "row")
})

test_that("achievable percentages, checked by brute force", {
    p <- c(95.00, 95.26, 96.79, 10.06, 79.38)
    n <- c(8830, 8830, 17520, 3953, 3953)
    a <- zj_audit_percentage(p, n)
    brute <- mapply(function(p, n) {
        k <- 0:n
        any(abs(round(100 * k / n, 2) - p) < 1e-9 |
            abs(floor(100 * k / n * 100 + 0.5) / 100 - p) < 1e-9)
    }, p, n)
    expect_identical(a$achievable, brute)
    expect_identical(nrow(attr(a, "findings")), sum(!brute))
    m <- zj_audit_percentage(c(NA, 50), c(10, 10), decimals = 0)
    expect_identical(m$status, c("missing", "ok"))
    expect_true(is.na(m$achievable[1]))
    expect_arg_error(zj_audit_percentage("95", 10), "percent")
    expect_arg_error(zj_audit_percentage(95, "10"), "n")
    expect_arg_error(zj_audit_percentage(95, 10, decimals = 1.5), "decimals")
    expect_arg_error(zj_audit_percentage(95, 10, row = "a"), "row")
    expect_arg_error(zj_audit_percentage(95, 10, table = 1), "table")
    expect_arg_error(zj_audit_percentage(95, 10, column = 1), "column")
})

test_that("print shows findings or says the table adds up", {
    expect_output(print(zj_audit_components(1, 1)), "adds up")
    expect_output(print(zj_audit_components(c(2, 5), 8)), "sum_mismatch")
})
