test_that("plot() draws estimates with intervals (base graphics)", {
    r <- zj_rate(c(3138, 397), 3953, group = c("pass", "excellent"),
                 method = c("wilson", "clopper-pearson"))
    f <- tempfile(fileext = ".pdf")
    pdf(f)
    on.exit(unlink(f))
    expect_identical(plot(r), r)
    expect_identical(plot(zj_rate(1:3, 10), percent = FALSE), zj_rate(1:3, 10))
    expect_identical(plot(zj_pooled(1:4, 10, by = c(2023, 2023, 2024, 2024)), by = "group"),
                     zj_pooled(1:4, 10, by = c(2023, 2023, 2024, 2024)))
    plot(zj_rate(c(NA, 1), 10))
    dev.off()
    expect_true(file.size(f) > 0)
    expect_arg_error(plot(r, by = "nope"), "by")
    expect_arg_error(plot(r, percent = NA), "percent")
})

test_that("autoplot() gives a ggplot when ggplot2 is installed", {
    skip_if_not_installed("ggplot2")
    r <- zj_rate(c(3138, 397), 3953, group = c("pass", "excellent"), method = "all")
    p <- ggplot2::autoplot(r)
    expect_s3_class(p, "ggplot")
    f <- tempfile(fileext = ".pdf")
    pdf(f)
    on.exit(unlink(f))
    print(p)
    dev.off()
    expect_arg_error(ggplot2::autoplot(r, percent = "x"), "percent")
})

test_that("plot() survives subset columns, and puts the first group on top as autoplot()", {
    r <- zj_rate(c(3138, 397), 3953, group = c("\u53ca\u683c\u7387\u53ca\u683c\u7387\u53ca\u683c\u7387", "excellent"))
    skip_if_not(capabilities("cairo"))
    f <- tempfile(fileext = ".png")
    png(f, type = "cairo")   # pdf() has no Chinese glyphs
    on.exit(unlink(f))
    expect_silent(plot(r[, c("group", "estimate", "conf.low", "conf.high")]))
    expect_silent(plot(r[, c("estimate", "conf.low", "conf.high")]))
    expect_arg_error(plot(r[, c("group", "x")]), "x")
    dev.off()
    skip_if_not_installed("ggplot2")
    p <- ggplot2::autoplot(r[, c("group", "estimate", "conf.low", "conf.high")])
    expect_identical(rev(levels(p$data$label)), r$group)
})
