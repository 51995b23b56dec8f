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
