# zj_refresh(): argument checks, and failures that must leave the snapshot
# alone.  The pipeline itself is tested end to end against a loopback
# mirror by tests/fetch/run-fetch-tests.sh; here nothing leaves 127.0.0.1.

test_that("zj_refresh rejects bad arguments with a zhijiao_error naming them", {
    expect_error(zj_refresh(base_url = 1), class = "zhijiao_error", regexp = "base_url")
    expect_error(zj_refresh(dry_run = NA), class = "zhijiao_error", regexp = "dry_run")
    expect_error(zj_refresh(offline = "yes"), class = "zhijiao_error", regexp = "offline")
    expect_error(zj_refresh(rate_limit = "fast"), class = "zhijiao_error", regexp = "rate_limit")
    expect_error(zj_refresh(snapshot_dir = c("a", "b")), class = "zhijiao_error",
                 regexp = "snapshot_dir")
})

test_that("an offline refresh with an empty cache fails and writes no snapshot", {
    snap <- file.path(tempfile("zj-snap"))
    cache <- tempfile("zj-cache")
    dir.create(cache)
    err <- tryCatch(zj_refresh(base_url = "http://127.0.0.1:9/jw", snapshot_dir = snap,
                               cache_dir = cache, offline = TRUE),
                    zhijiao_error = function(e) e)
    expect_s3_class(err, "zhijiao_error")
    expect_true(nzchar(err$message_en))
    expect_true(nzchar(err$message_zh))
    expect_false(file.exists(file.path(snap, "CURRENT")))
})

test_that("zj_refresh checks accept_removals", {
    expect_error(zj_refresh(accept_removals = NA), class = "zhijiao_error", regexp = "accept_removals")
})

test_that("zj_rollback returns to the previous snapshot version, and back", {
    snap <- tempfile("zj-snap")
    dir.create(file.path(snap, "versions"), recursive = TRUE)
    # two versions as a refresh leaves them: the bundled manifest and tables
    for (v in c("v1", "v2")) {
        d <- file.path(snap, "versions", v)
        dir.create(file.path(d, "tables"), recursive = TRUE)
        writeLines('{"schema": "zhijiao-tables/1", "plan_years": {}, "tables": []}', file.path(d, "tables.json"))
    }
    writeLines("v2", file.path(snap, "CURRENT"))
    writeLines("v1", file.path(snap, "PREVIOUS"))
    expect_equal(zj_rollback(snap), "v1")
    expect_equal(readLines(file.path(snap, "CURRENT")), "v1")
    expect_equal(readLines(file.path(snap, "PREVIOUS")), "v2")
    expect_equal(zj_rollback(snap), "v2")
    unlink(file.path(snap, "PREVIOUS"))
    expect_equal(zj_rollback(snap), "")          # the first version: the bundled data alone
    expect_false(file.exists(file.path(snap, "CURRENT")))
    expect_error(zj_rollback(tempfile("zj-none")), class = "zhijiao_error")
})

test_that("a damaged current snapshot serves the previous version, with a warning", {
    snap <- tempfile("zj-snap")
    for (v in c("v1", "v2")) {
        d <- file.path(snap, "versions", v)
        dir.create(file.path(d, "tables"), recursive = TRUE)
        writeLines('{"schema": "zhijiao-tables/1", "plan_years": {}, "tables": []}', file.path(d, "tables.json"))
    }
    writeLines("{", file.path(snap, "versions", "v2", "tables.json"))   # truncated
    writeLines("v2", file.path(snap, "CURRENT"))
    writeLines("v1", file.path(snap, "PREVIOUS"))
    old <- Sys.getenv("ZHIJIAO_SNAPSHOT")
    Sys.setenv(ZHIJIAO_SNAPSHOT = snap)
    on.exit({ Sys.setenv(ZHIJIAO_SNAPSHOT = old); zj_reload() })
    zj_reload()
    expect_warning(t <- zj_tables(), "the previous version is served instead")
    expect_true(nrow(t) > 0)
})
