test_that("the bundled data directory is the package's extdata", {
    old <- options(zhijiao.data_dir = NULL)
    on.exit(options(old))
    withr_env <- Sys.getenv("ZHIJIAO_DATA", NA)
    Sys.unsetenv("ZHIJIAO_DATA")
    on.exit(if (!is.na(withr_env)) Sys.setenv(ZHIJIAO_DATA = withr_env), add = TRUE)
    expect_identical(normalizePath(zj_data_dir()),
                     normalizePath(system.file("extdata", package = "zhijiao")))
    expect_true(file.exists(file.path(zj_data_dir(), "tables.json")))
    expect_match(zj_version(), "^[0-9]+\\.[0-9]+\\.[0-9]+")
})

test_that("rule sets are listed", {
    r <- zj_rulesets()
    expect_true(all(c("beijing", "shandong", "guangzhou") %in% r$jurisdiction))
    expect_true(all(c(2023L, 2024L, 2026L) %in% r$year))
    expect_identical(Encoding(r$jurisdiction_zh[r$jurisdiction == "beijing"][1]), "UTF-8")
})

test_that("tables: list, contents as published, conversion, attributes", {
    t <- zj_tables()
    expect_true(all(c("gtpy_plan_2023", "satisfaction_2024", "report_figures_2024") %in% t$name))
    expect_false(anyNA(t$title_zh))
    sat <- zj_table("satisfaction_2024", convert = FALSE)
    expect_identical(nrow(sat), t$rows[t$name == "satisfaction_2024"])
    expect_identical(ncol(sat), t$cols[t$name == "satisfaction_2024"])
    expect_type(sat$rate_pct, "character")
    expect_identical(sat$rate_pct[sat$id == "students"], "95.00")
    expect_true(is.na(sat$seq[2]))            # an empty cell is NA
    expect_identical(attr(sat, "table"), "satisfaction_2024")
    expect_identical(attr(sat, "line"), seq_len(nrow(sat)) + 1L)
    expect_s3_class(attr(sat, "source"), "data.frame")
    conv <- zj_table("satisfaction_2024")      # typed by default
    expect_type(conv$respondents, "integer")
    expect_identical(conv$respondents[conv$id == "graduates"], 17520L)
    expect_type(conv$rate_pct, "double")        # "95.00" is written with a point
    expect_identical(conv$rate_pct[conv$id == "students"], 95)
    expect_type(conv$id, "character")
    expect_type(conv$indicator_zh, "character")
    expect_identical(zj_table("satisfaction_2024", convert = TRUE), conv)
    plan <- zj_table("gtpy_plan_2023", convert = TRUE)
    expect_identical(sum(plan$places[plan$row_kind == "total"], na.rm = TRUE), 2810L)
})

test_that("tables: numbers are read by the library's parser, not as.numeric", {
    col <- function(x) .Call(zhijiao:::zjr_typed_column, x)
    # full-width digits and blanks are numbers, as on the command line
    expect_identical(col(c("\uff11\uff12", " 3 ", NA)), c(12L, 3L, NA))
    expect_identical(col(c("1.50", "2")), c(1.5, 2))
    # as.numeric would take these; the library does not: the column stays text
    for (bad in c("0x1F", "inf", "1,000", "NaN"))
        expect_identical(col(c("1", bad)), c("1", bad))
    expect_identical(col(c(NA_character_, NA_character_)), c(NA_character_, NA_character_))
    expect_identical(col("3000000000"), 3e9)    # too big for an integer
})

test_that("tables: bad arguments", {
    e <- tryCatch(zj_table("nope"), zhijiao_error = function(e) e)
    expect_identical(e$code, "not_found")
    expect_match(e$message_en, "gtpy_plan_2023")
    expect_arg_error(zj_table(1), "name")
    expect_arg_error(zj_table(c("a", "b")), "name")
    expect_arg_error(zj_table("gtpy_plan_2023", convert = "yes"), "convert")
    expect_arg_error(zj_tables(data_dir = 3), "data_dir")
})

test_that("plan look-ups, vectorised, with reasons for no match", {
    plan <- zj_table("gtpy_plan_2023", convert = TRUE)
    d <- plan[plan$row_kind == "detail" & !is.na(plan$places), ][1:3, ]
    p <- zj_plan(2023, d$school, d$major)
    expect_identical(p$query, 1:3)
    expect_identical(p$places, as.double(d$places))
    expect_identical(p$school, d$school)
    expect_true(all(p$complete))
    n <- zj_plan(c(2024, 2023, NA), c("x", d$school[1], d$school[1]), c("y", "z", d$major[1]))
    expect_identical(n$query, 1:3)
    expect_true(all(is.na(n$places)))
    expect_identical(n$complete, c(FALSE, TRUE, NA))
    expect_true(all(nzchar(n$reason_en)))
    nf <- zj_plan(1999, "x", "y")
    expect_match(nf$reason_en, "1999|plan")
    expect_identical(nrow(zj_plan(integer(), "a", "b")), 0L)
    expect_arg_error(zj_plan("2023", "a", "b"), "year")
    expect_arg_error(zj_plan(2023.5, "a", "b"), "year")
    expect_arg_error(zj_plan(2023, 1, "b"), "school")
    expect_arg_error(zj_plan(2023, "a", list("b")), "major")
})

test_that("another data directory: option, argument, new rule file, invalid file", {
    dir <- tempfile("zjdata")
    dir.create(dir)
    on.exit(unlink(dir, recursive = TRUE))
    file.copy(list.files(system.file("extdata", package = "zhijiao"), full.names = TRUE),
              dir, recursive = TRUE)
    rs <- zj_rulesets(data_dir = dir)
    expect_identical(nrow(rs), nrow(zj_rulesets()))
    # a rule file for a new year is used without reinstalling
    src <- file.path(dir, "rules", "beijing", "gtpy-2024.json")
    js <- readLines(src, encoding = "UTF-8")
    js <- sub("\"year\": *2024", "\"year\": 2027", js)
    writeLines(js, file.path(dir, "rules", "beijing", "gtpy-2027.json"), useBytes = TRUE)
    old <- options(zhijiao.data_dir = dir)
    on.exit(options(old), add = TRUE)
    zj_reload()
    expect_identical(zj_gtpy_admission("beijing", 2027, TRUE, TRUE, 500)$ruleset,
                     "beijing/gtpy/2027")
    # a broken rule file fails the whole open, naming the file
    writeLines("{ not json", file.path(dir, "rules", "beijing", "gtpy-2028.json"))
    zj_reload()
    e <- tryCatch(zj_rulesets(), zhijiao_error = function(e) e)
    expect_s3_class(e, "zhijiao_error")
    expect_identical(e$code, "parse")
    expect_match(e$where, "gtpy-2028.json", fixed = TRUE)
    options(old)
    zj_reload()
    expect_true(nrow(zj_rulesets()) > 0)
    e <- tryCatch(zj_rulesets(data_dir = file.path(dir, "nope")), zhijiao_error = function(e) e)
    expect_s3_class(e, "zhijiao_error")
})
