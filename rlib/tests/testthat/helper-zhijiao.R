# Expects a zhijiao_error whose `where` names the argument.
expect_arg_error <- function(expr, arg) {
    e <- tryCatch(force(expr), zhijiao_error = function(e) e)
    expect_s3_class(e, "zhijiao_error")
    expect_s3_class(e, "error")
    if (inherits(e, "zhijiao_error") && !is.null(arg))
        expect_match(e$where, arg, fixed = TRUE)
    invisible(e)
}

# A UTF-8 string from its code points, so that test files stay ASCII-safe.
u <- function(...) intToUtf8(c(...))
