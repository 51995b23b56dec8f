# Conditions and argument checking.  Every error this package raises is a
# condition of class c("zhijiao_error", "error", "condition").

# The message is both languages, Chinese first (as the CLI prints them).
.zj_condition <- function(code, where, message_zh, message_en, call = NULL) {
    msg <- .zj_both(message_zh, message_en)
    structure(
        class = c("zhijiao_error", "error", "condition"),
        list(message = enc2utf8(msg), call = call,
             code = code, where = where,
             message_zh = enc2utf8(message_zh), message_en = message_en)
    )
}

# "zh\nen", or the one that is not empty.
.zj_both <- function(zh, en) {
    if (is.na(zh) || !nzchar(zh)) en
    else if (is.na(en) || !nzchar(en)) zh
    else paste0(zh, "\n", en)
}

# base R's recycling warning, in both languages.
.zj_warn_recycle <- function() {
    warning(.zj_both("\u8f83\u957f\u53c2\u6570\u7684\u957f\u5ea6\u4e0d\u662f\u8f83\u77ed\u53c2\u6570\u957f\u5ea6\u7684\u500d\u6570",
                     "longer argument not a multiple of length of shorter"),
            call. = FALSE)
}

# Called by the C glue (r_util.c) to signal a core error.
.zj_signal <- function(code, where, message_zh, message_en) {
    stop(.zj_condition(code, where, message_zh, message_en, call = sys.call(-1L)))
}

# An argument of the wrong type or shape: what was expected, Chinese first
# as in the core (zj_error_set) and the C glue (zjr_arg_error).
.zj_arg_error <- function(arg, expected_zh, expected_en, call = sys.call(-1L)) {
    stop(.zj_condition(
        "argument", paste("argument", arg),
        sprintf("\u53c2\u6570 %s\uff1a\u5e94\u4e3a%s", arg, expected_zh),
        sprintf("argument '%s': expected %s", arg, expected_en),
        call = call))
}

.zj_type <- function(x) {
    if (is.factor(x)) "factor" else if (is.data.frame(x)) "data.frame" else typeof(x)
}

# Numeric input (counts, scores): numeric, or all-NA logical.  Returns double.
.zj_num <- function(x, arg, call = sys.call(-1L)) {
    if (is.numeric(x) && !is.factor(x)) return(as.double(x))
    if (is.logical(x) && all(is.na(x))) return(as.double(x))
    .zj_arg_error(arg, sprintf("\u6570\u503c\u5411\u91cf\uff08\u73b0\u4e3a %s\uff09", .zj_type(x)),
                  sprintf("a numeric vector (got %s)", .zj_type(x)),
                  call = call)
}

# Whole numbers (years, decimals): numeric with whole values, or NA.
.zj_int <- function(x, arg, call = sys.call(-1L)) {
    x <- .zj_num(x, arg, call = call)
    ok <- is.na(x) | (is.finite(x) & x == round(x) & abs(x) < .Machine$integer.max)
    if (!all(ok))
        .zj_arg_error(arg, "\u6574\u6570", "whole numbers", call = call)
    as.integer(x)
}

# Text input: character, factor, or all-NA logical.  Returns UTF-8 character.
.zj_chr <- function(x, arg, call = sys.call(-1L)) {
    if (is.factor(x)) x <- as.character(x)
    if (is.character(x)) return(enc2utf8(x))
    if (is.logical(x) && all(is.na(x))) return(as.character(x))
    .zj_arg_error(arg, sprintf("\u5b57\u7b26\u5411\u91cf\uff08\u73b0\u4e3a %s\uff09", .zj_type(x)),
                  sprintf("a character vector (got %s)", .zj_type(x)),
                  call = call)
}

# A single string.
.zj_string <- function(x, arg, call = sys.call(-1L)) {
    if (is.factor(x)) x <- as.character(x)
    if (!is.character(x) || length(x) != 1L || is.na(x))
        .zj_arg_error(arg, "\u4e00\u4e2a\u5b57\u7b26\u4e32", "a single string", call = call)
    enc2utf8(x)
}

# A single number in the given range (confidence levels, marks).
.zj_number1 <- function(x, arg, call = sys.call(-1L)) {
    if (!is.numeric(x) || is.factor(x) || length(x) != 1L || is.na(x))
        .zj_arg_error(arg, "\u4e00\u4e2a\u6570", "a single number", call = call)
    as.double(x)
}

.zj_flag <- function(x, arg, call = sys.call(-1L)) {
    if (!is.logical(x) || length(x) != 1L || is.na(x))
        .zj_arg_error(arg, "TRUE \u6216 FALSE", "TRUE or FALSE", call = call)
    x
}

# R-style recycling of a named list of vectors to their common length
# (the longest; zero if any is empty), with base R's warning when a length
# does not divide it.  The elements named in `scalar` are left alone when
# of length one (the C code recycles those itself).
.zj_recycle <- function(args, scalar = character()) {
    lens <- lengths(args)
    if (!length(args)) return(args)
    n <- if (any(lens == 0L)) 0L else max(lens)
    if (n > 0L && any(n %% lens != 0L))
        .zj_warn_recycle()
    # a vector already of that length and without attributes is its own
    # recycling: no copy
    keep <- lens == n & vapply(args, function(a) is.null(attributes(a)), NA)
    if (length(scalar))
        keep <- keep | (names(args) %in% scalar & lens == 1L)
    args[!keep] <- lapply(args[!keep], rep_len, length.out = n)
    args
}

# A data frame from a list of equal-length columns, without any conversion.
.zj_df <- function(cols, class = NULL) {
    n <- if (length(cols)) length(cols[[1L]]) else 0L
    structure(cols, class = c(class, "data.frame"), row.names = .set_row_names(n))
}
