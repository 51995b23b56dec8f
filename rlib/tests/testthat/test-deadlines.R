test_that("zj_deadlines() lists the rule files' deadlines with their status (issue 13)", {
    d <- zj_deadlines(2024, date = "2024-02-27")
    expect_true(all(d$year == 2024L))
    up <- d[d$rule == "deadline.upload", ]
    expect_identical(up$due, "2024-02-27 17:00")
    expect_identical(up$status, "due_today")
    expect_identical(up$status_en, "due today at 17:00")
    ct <- d[d$rule == "deadline.contacts", ]
    expect_identical(ct$status, "passed")
    expect_identical(ct$days, -27L)
    expect_identical(ct$document, "京教函〔2024〕51号")
    all <- zj_deadlines()
    expect_true(all(is.na(all$status)))
    expect_true("2023-12-31" %in% all$due)
    e <- tryCatch(zj_deadlines(date = "2024-02-30"), zhijiao_error = function(e) e)
    expect_s3_class(e, "zhijiao_error")
    expect_arg_error(zj_deadlines(year = c(2023, 2024)), "year")
})
