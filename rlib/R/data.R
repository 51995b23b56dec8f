# The data directory, the cached handles, tables, rule sets and plans.

.zj_cache <- new.env(parent = emptyenv())

#' The data directory zhijiao reads
#'
#' The rule files and official tables are read from a data directory:
#' the one bundled with the package, \code{system.file("extdata", package =
#' "zhijiao")}, unless the option \code{zhijiao.data_dir} or the environment
#' variable \code{ZHIJIAO_DATA} names another (the option wins).  A rule file
#' for a new year dropped into \code{rules/} of that directory is used
#' without reinstalling (call \code{zj_reload()} in a running session).
#'
#' The directory is opened once per session and kept open; every function
#' with a \code{data_dir} argument accepts another directory for one call.
#'
#' @return \code{zj_data_dir()}: the directory, a string.
#'   \code{zj_reload()}: invisibly, \code{NULL}.
#' @examples
#' zj_data_dir()
#' @export
zj_data_dir <- function() {
    opt <- getOption("zhijiao.data_dir")
    if (!is.null(opt)) return(.zj_string(opt, "zhijiao.data_dir"))
    env <- Sys.getenv("ZHIJIAO_DATA")
    if (nzchar(env)) return(env)
    system.file("extdata", package = "zhijiao", mustWork = TRUE)
}

#' @rdname zj_data_dir
#' @export
zj_reload <- function() {
    .zj_close_all()
    invisible(NULL)
}

.zj_close_all <- function() {
    for (key in ls(.zj_cache, all.names = TRUE))
        .Call(zjr_data_close, get(key, envir = .zj_cache))
    rm(list = ls(.zj_cache, all.names = TRUE), envir = .zj_cache)
}

# The open handle for a directory (opened on first use; an invalid rule
# file fails the open with a zhijiao_error naming the file and line).
.zj_handle <- function(data_dir = NULL, call = sys.call(-1L)) {
    dir <- if (is.null(data_dir)) zj_data_dir() else .zj_string(data_dir, "data_dir", call = call)
    key <- normalizePath(dir, winslash = "/", mustWork = FALSE)
    h <- .zj_cache[[key]]
    if (is.null(h) || !.Call(zjr_data_valid, h)) {
        h <- .Call(zjr_data_open, enc2utf8(key))
        assign(key, h, envir = .zj_cache)
    }
    h
}

#' The library's version
#'
#' @return The version of \code{libzhijiao} compiled into the package.
#' @examples
#' zj_version()
#' @export
zj_version <- function() .Call(zjr_version)

#' Rule sets of the data directory
#'
#' @param data_dir the data directory; \code{NULL} for \code{\link{zj_data_dir}()}.
#' @return A data frame, one row per loaded rule file: \code{jurisdiction},
#'   \code{jurisdiction_zh}, \code{programme}, \code{programme_zh},
#'   \code{year}, \code{file}.
#' @examples
#' zj_rulesets()
#' @export
zj_rulesets <- function(data_dir = NULL) {
    .zj_df(.Call(zjr_rulesets, .zj_handle(data_dir)))
}

#' Bundled official tables
#'
#' \code{zj_tables()} lists the tables of the data directory with their
#' titles and sources; \code{zj_table()} returns one as a data frame.
#'
#' Columns are typed: a column whose every non-empty cell is a number
#' becomes numeric, read by the library's number parser (as the command
#' line and Calc read text: full-width digits and surrounding blanks
#' accepted, hexadecimal, \code{"inf"} and thousands separators not) —
#' integer when every number is written whole (no point or exponent), else
#' double.  Code and id columns (names ending in \code{code}, \code{id} or
#' \code{seq}) stay text, and so does a column with any cell that is not a
#' number or with no cell at all.  An empty cell (a number the source does
#' not give, or that was lost) is \code{NA}.  With \code{convert = FALSE}
#' every column is text as published (\code{"95.00"} keeps its two
#' decimals), e.g. to compare with the printed source.
#'
#' @param name a table name, as listed by \code{zj_tables()}.
#' @param convert \code{TRUE} (the default) for typed columns, \code{FALSE}
#'   for every cell as published text.
#' @param data_dir the data directory; \code{NULL} for \code{\link{zj_data_dir}()}.
#' @return \code{zj_tables()}: a data frame with \code{name},
#'   \code{title_zh}, \code{title_en}, \code{rows}, \code{cols},
#'   \code{document}, \code{clause}, \code{date}, \code{url},
#'   \code{source_title}, \code{file}.  \code{zj_table()}: the table, with
#'   attributes \code{table} (its name), \code{title_zh}, \code{title_en},
#'   \code{source} (a one-row data frame) and \code{line} (each row's CSV
#'   line).
#' @examples
#' zj_tables()[, c("name", "rows")]
#' sat <- zj_table("satisfaction_2024")
#' sat[, c("id", "rate_pct", "respondents")]
#' zj_table("satisfaction_2024", convert = FALSE)$rate_pct
#' @export
zj_tables <- function(data_dir = NULL) {
    .zj_df(.Call(zjr_tables, .zj_handle(data_dir)))
}

#' @rdname zj_tables
#' @export
zj_table <- function(name, convert = TRUE, data_dir = NULL) {
    name <- .zj_string(name, "name")
    convert <- .zj_flag(convert, "convert")
    h <- .zj_handle(data_dir)
    cols <- .Call(zjr_table, h, name)
    line <- attr(cols, "line")
    attr(cols, "line") <- NULL
    if (convert) {
        keep <- grepl("(^|_)(code|id|seq)$", names(cols)) | names(cols) == "id"
        cols[!keep] <- lapply(cols[!keep], function(x) .Call(zjr_typed_column, x))
    }
    out <- .zj_df(cols)
    meta <- .zj_df(.Call(zjr_tables, h))
    meta <- meta[meta$name == name, , drop = FALSE]
    attr(out, "table") <- name
    attr(out, "title_zh") <- meta$title_zh
    attr(out, "title_en") <- meta$title_en
    attr(out, "source") <- meta[, c("document", "clause", "date", "url", "source_title")]
    attr(out, "line") <- line
    out
}

#' Enrolment plans: look up a school and major
#'
#' Finds the detail rows of a year's bundled plan tables (the 2023
#' \enc{贯通}{guantong} plan, the 2024 \enc{中本贯通}{zhongben guantong} plan and
#' the 2024 "3+2" projects) for a school and a major, by exact text.
#' Vectorised: \code{year}, \code{school} and \code{major} are recycled;
#' each query gives its matching rows, and a query with no match (or with
#' \code{NA}) gives one row of \code{NA} with the reason.
#'
#' @param year plan year(s).
#' @param school school name(s), as printed in the plan.
#' @param major major name(s), as printed (a parenthesised direction is part
#'   of the name).
#' @param data_dir the data directory; \code{NULL} for \code{\link{zj_data_dir}()}.
#' @return A data frame: \code{query} (the index of the query),
#'   \code{year}, \code{programme}, \code{school}, \code{major},
#'   \code{major_code}, \code{partner}, \code{partner_major}, \code{places}
#'   (\code{NA} when not published), \code{table}, \code{line} (the CSV
#'   line), \code{complete} (whether the bundled plans of that year list every
#'   programme; 2024 lists only \enc{中本贯通}{zhongben guantong}),
#'   \code{reason_zh}, \code{reason_en}.
#' @examples
#' plan <- zj_table("gtpy_plan_2023")
#' d <- plan[plan$row_kind == "detail", ][1:2, ]
#' zj_plan(2023, d$school, d$major)
#' @export
zj_plan <- function(year, school, major, data_dir = NULL) {
    a <- .zj_recycle(list(year = .zj_int(year, "year"),
                          school = .zj_chr(school, "school"),
                          major = .zj_chr(major, "major")))
    .zj_df(.Call(zjr_plan, .zj_handle(data_dir), a$year, a$school, a$major))
}

#' Two years' enrolment plans, row by row
#'
#' Compares the detail rows of the plans of \code{year1} and \code{year2}
#' by programme, school and major (names matched as \code{\link{zj_plan}}
#' does): \code{"same"}, \code{"changed"} (places changed),
#' \code{"added"} (only in \code{year2}), \code{"removed"} (only in
#' \code{year1}), \code{"not_published"} (the other year's plans do not
#' list the row's programme at all, e.g. the 2024 seeds give the
#' \enc{中本贯通}{zhongben guantong} plan only: neither added nor removed)
#' and \code{"places_unknown"}.  The change is exact (places are counts,
#' not a sample), so there is no interval.  The same as
#' \code{zhijiao plan-compare}.
#'
#' @param year1,year2 the two years.
#' @param programme optional programme (e.g. \code{"\u4e2d\u672c\u8d2f\u901a"}).
#' @param data_dir the data directory (default: the bundled data).
#' @return A data frame: \code{status}, \code{programme}, \code{school},
#'   \code{major}, \code{places1}, \code{places2}, \code{change},
#'   \code{partner1}, \code{partner2}, \code{line1}, \code{line2} (CSV
#'   lines of the rows in their tables).
#' @examples
#' d <- zj_plan_compare(2023, 2024, programme = "\u4e2d\u672c\u8d2f\u901a")
#' table(d$status)
#' @export
zj_plan_compare <- function(year1, year2, programme = NULL, data_dir = NULL) {
    year1 <- .zj_int(year1, "year1")
    year2 <- .zj_int(year2, "year2")
    if (length(year1) != 1L || length(year2) != 1L)
        .zj_arg_error("year1", "\u5404\u4e00\u4e2a\u5e74\u4efd", "one year each")
    if (!is.null(programme)) programme <- .zj_string(programme, "programme")
    .zj_df(.Call(zjr_plan_compare, .zj_handle(data_dir), year1, year2, programme))
}

#' What n is behind a table's rates
#'
#' The design that \code{data/tables.json} declares for a bundled table
#' (and, by its id column, for single rows): \code{"sample"} (a sample from
#' a larger population: an interval), \code{"census"} (a complete
#' enumeration, such as the monitoring of every new major 2021-2023: no
#' sampling interval) or \code{"finite"} (with its \code{population}), and
#' why, in Chinese and English.  Pass \code{design} and \code{population}
#' on to \code{\link{zj_rate}}.
#'
#' @param name a table name (see \code{\link{zj_tables}}).
#' @param id optional row ids (the table's \code{id} column); \code{NA}
#'   or omitted: the table's own design.
#' @inheritParams zj_plan_compare
#' @return A data frame: \code{id}, \code{design}, \code{population},
#'   \code{why_zh}, \code{why_en}; \code{NA} where the manifest declares
#'   nothing.
#' @examples
#' zj_table_design("majors_monitoring_2024")
#' zj_table_design("report_figures_2024", c("english_pass_pct", "zonghe_total_pct"))
#' @export
zj_table_design <- function(name, id = NA_character_, data_dir = NULL) {
    name <- .zj_string(name, "name")
    id <- .zj_chr(id, "id")
    .zj_df(.Call(zjr_table_design, .zj_handle(data_dir), name, id))
}

#' What is due, from the rule files
#'
#' Lists the deadlines (\enc{截止日期}{[zh]}) of the rule files: the
#' \code{deadline.*} rules, in due order, with what is due, the rule set
#' and the citation.  With \code{date}, each says whether it is still to
#' come, due that day or has passed (worded by the library in both
#' languages).  The same as \code{zhijiao deadlines}.
#'
#' @param year only the rule files of this year; \code{NULL} for all.
#' @param date \code{NULL}, or a day \code{"YYYY-MM-DD"} to compare with.
#' @param data_dir the data directory; \code{NULL} for \code{\link{zj_data_dir}()}.
#' @return a data frame with \code{due} (as the document gives it),
#'   \code{status} (\code{NA}, \code{"upcoming"}, \code{"due_today"} or
#'   \code{"passed"}), \code{status_zh}, \code{status_en}, \code{days}
#'   (from \code{date} to the due day; negative when passed),
#'   \code{what_zh}, \code{what_en}, \code{jurisdiction},
#'   \code{programme}, \code{year}, \code{recurring}, \code{document},
#'   \code{clause}, \code{rule}.
#' @examples
#' zj_deadlines(2024, date = "2024-02-27")[, c("due", "status_en", "what_en")]
#' @export
zj_deadlines <- function(year = NULL, date = NULL, data_dir = NULL) {
    y <- if (is.null(year)) 0L else .zj_int(year, "year")
    if (length(y) != 1L || is.na(y))
        .zj_arg_error("year", "\u4e00\u4e2a\u5e74\u4efd\u6216 NULL", "a single year or NULL")
    if (!is.null(date))
        date <- .zj_string(date, "date")
    .zj_df(.Call(zjr_deadlines, .zj_handle(data_dir), y, date))
}
