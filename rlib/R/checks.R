# Rule decisions: the catalogue and zj_check().

#' The catalogue of checks
#'
#' \code{zj_checks()} lists every rule check the library knows (the same
#' list as \code{zhijiao checks} and the Calc add-in);
#' \code{zj_check_fields()} lists the input fields of one check, or of all.
#'
#' @param check a check name such as \code{"gtpy.admission"}; \code{NULL}
#'   for every check.
#' @return \code{zj_checks()}: a data frame with \code{name},
#'   \code{programme}, \code{title_zh}, \code{title_en}, \code{help_zh},
#'   \code{help_en}, \code{fields} (the number of input fields) and
#'   \code{wrapper} (the R function that runs it).
#'   \code{zj_check_fields()}: a data frame with \code{check}, \code{field},
#'   \code{name_zh}, \code{type}, \code{required}, \code{help_zh},
#'   \code{help_en}, \code{choices} and \code{choices_zh} (joined with
#'   \code{"|"}).
#' @examples
#' zj_checks()[, c("name", "title_en")]
#' zj_check_fields("gtpy.admission")[, c("field", "type", "required")]
#' @export
zj_checks <- function() {
    out <- .zj_df(.Call(zjr_checks))
    out$wrapper <- .zj_wrapper_name(out$name)
    out
}

#' @rdname zj_checks
#' @export
zj_check_fields <- function(check = NULL) {
    if (!is.null(check)) check <- .zj_string(check, "check")
    .zj_df(.Call(zjr_check_fields, check))
}

# "gtpy.admission" -> "zj_gtpy_admission"; "3plus2.partner" ->
# "zj_3plus2_partner" is not syntactic, so programmes starting with a digit
# are spelled out ("threeplustwo").
.zj_wrapper_name <- function(check) {
    x <- sub("^3plus2", "threeplustwo", check)
    paste0("zj_", gsub("[^A-Za-z0-9]+", "_", x))
}

#' Rule decisions with reasons and sources
#'
#' Decides every row of a data frame (or of vectors given as arguments)
#' with one check of the catalogue (\code{\link{zj_checks}}).  Columns are
#' matched to the check's fields by their programmatic or Chinese names
#' (e.g. \code{score} or \enc{中招录取总分}{the Chinese field name}); other columns
#' are ignored.  Character columns are parsed by the library as the CLI
#' parses CSV cells (so \enc{是}{shi}/\enc{否}{fou}, \code{1}/\code{0},
#' \code{yes}/\code{no} all work), numbers and logicals are passed as such,
#' and \code{NA} is a missing value: the check then says what cannot be
#' decided.  A row with bad input gets status \code{"argument"} and a
#' reason; it never stops the other rows.
#'
#' @param check the check name, e.g. \code{"gtpy.admission"}.
#' @param data a data frame (or list) of inputs, or \code{NULL}.
#' @param ... further inputs as named vectors; recycled with \code{data}'s
#'   columns to a common length, R-style.
#' @param list_column whether to add the list column \code{reasons}.
#' @param data_dir the data directory; \code{NULL} for \code{\link{zj_data_dir}()}.
#' @return A data frame of class \code{zj_decisions}, one row per input
#'   row: the columns of \code{data} when it is a data frame (one named
#'   like a result column as \code{NAME.input}), then \code{eligible} (\code{TRUE}, \code{FALSE}, or \code{NA} when
#'   undetermined or invalid), \code{outcome} (a stable code; for an invalid
#'   row its status), \code{outcome_zh}, \code{outcome_en}, \code{status}
#'   (\code{"ok"}, \code{"argument"} for bad input, \code{"not_found"} when
#'   there are no rules for the jurisdiction and year), \code{ruleset},
#'   the decisive reasons joined with \code{" | "} as the CLI writes them
#'   (\code{reason_codes}, \code{reasons_zh}, \code{reasons_en},
#'   \code{sources}), and \code{reasons}: a list of data frames with every
#'   reason (\code{code}, \code{met}, \code{decisive}, \code{message_zh},
#'   \code{message_en}, \code{source}).
#' @examples
#' cand <- read.csv(system.file("extdata", "samples", "candidates.csv",
#'                              package = "zhijiao"), encoding = "UTF-8",
#'                  colClasses = "character")
#' res <- zj_check("gtpy.admission", cand)
#' table(res$outcome)
#' res$reasons[[1]]
#' zj_check("gtpy.admission", jurisdiction = "beijing", year = 2024,
#'          has_qualification = TRUE, beijing_hukou = TRUE,
#'          score = c(480, 520))[, c("eligible", "reasons_en")]
#' @export
zj_check <- function(check, data = NULL, ..., list_column = TRUE, data_dir = NULL) {
    check <- .zj_string(check, "check")
    list_column <- .zj_flag(list_column, "list_column")
    dots <- list(...)
    dots <- dots[!vapply(dots, is.null, NA)]   # an omitted field of a wrapper
    if (length(dots) && (is.null(names(dots)) || any(!nzchar(names(dots)))))
        .zj_arg_error("...", "\u547d\u540d\u7684\u5411\u91cf\uff08\u5b57\u6bb5 = \u503c\uff09",
                      "named vectors (field = values)")
    if (is.null(data)) {
        cols <- list()
        n <- NULL
    } else if (is.list(data)) {
        cols <- as.list(data)
        n <- if (is.data.frame(data)) nrow(data) else NULL
        if (length(cols) && (is.null(names(cols)) || any(!nzchar(names(cols)))))
            .zj_arg_error("data", "\u6570\u636e\u6846\u6216\u547d\u540d\u5217\u8868",
                          "a data frame or a named list")
    } else {
        .zj_arg_error("data", sprintf("\u6570\u636e\u6846\u6216\u547d\u540d\u5217\u8868\uff08\u73b0\u4e3a %s\uff09",
                              .zj_type(data)),
                      sprintf("a data frame or a named list (got %s)", .zj_type(data)))
    }
    cols[names(dots)] <- dots
    cols <- lapply(cols, function(x) {
        if (is.factor(x)) x <- as.character(x)
        if (is.character(x)) x <- enc2utf8(x)
        x
    })
    if (is.null(n)) {
        lens <- lengths(cols)
        n <- if (!length(cols)) 1L else if (any(lens == 0L)) 0L else max(lens)
    }
    cols <- lapply(cols, function(x) {
        if (is.atomic(x) && length(x) > 0L && n %% length(x) != 0L)
            .zj_warn_recycle()
        if (is.atomic(x) && length(x) != n && length(x) > 0L) rep_len(x, n) else x
    })
    nm <- names(cols)
    nm <- if (is.null(nm)) character() else enc2utf8(nm)
    res <- .Call(zjr_check, .zj_handle(data_dir), check, nm, unname(cols),
                 as.integer(n), list_column)
    # The input columns first, as `zhijiao batch` writes them; one that has
    # a result's name is kept as NAME.input.
    if (is.data.frame(data) && length(data)) {
        inp <- as.list(data)
        clash <- names(inp) %in% names(res)
        names(inp)[clash] <- paste0(names(inp)[clash], ".input")
        res <- c(inp, res)
    }
    .zj_df(res, class = "zj_decisions")
}

#' @export
format.zj_decisions <- function(x, ...) {
    if (!is.null(x$reasons)) {
        k <- vapply(x$reasons, NROW, integer(1))
        x$reasons <- sprintf("<%d reason%s>", k, ifelse(k == 1L, "", "s"))
    }
    class(x) <- "data.frame"
    format(x, ...)
}

#' @export
print.zj_decisions <- function(x, ...) {
    print(format(x, ...), ...)
    invisible(x)
}
