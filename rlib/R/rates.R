# Rates with confidence intervals, pooled rates and rate differences.

#' Confidence-interval methods
#'
#' @return The names of the interval methods of the library, in its order:
#'   \code{"wilson"} (the default; \code{prop.test(correct = FALSE)}),
#'   \code{"wilson-cc"} (\code{prop.test(correct = TRUE)}),
#'   \code{"clopper-pearson"} (\code{binom.test}), \code{"agresti-coull"},
#'   \code{"jeffreys"} and \code{"wald"}.
#' @examples
#' zj_ci_methods()
#' @export
zj_ci_methods <- function() .Call(zjr_ci_methods)

# Method names and their aliases (binom::binom.confint's "exact" and
# "asymptotic", "prop.test") are the library's (zj_ci_method_parse): the
# same names work in the CLI, Calc and here.
.zj_methods <- function(method, call = sys.call(-1L)) {
    if (is.factor(method)) method <- as.character(method)
    if (!is.character(method) || !length(method) || anyNA(method))
        .zj_arg_error("method", "\u4e00\u4e2a\u6216\u591a\u4e2a\u65b9\u6cd5\u540d\uff08\u89c1 zj_ci_methods()\uff09",
                      "one or more method names (see zj_ci_methods())",
                      call = call)
    if (identical(method, "all")) return(zj_ci_methods())
    unique(.Call(zjr_ci_method_names, method))
}

#' Rates with confidence intervals
#'
#' The proportion \code{x / n} of each group with its confidence interval,
#' computed by the library (the same numbers as \code{zhijiao rate} and the
#' Calc add-in).  \code{x}, \code{n} and \code{conf.level} are recycled;
#' with several methods the result has one block of rows per method, as
#' \code{binom::binom.confint} does.
#'
#' The methods match R: \code{"wilson"} is \code{prop.test(x, n, correct =
#' FALSE)}, \code{"wilson-cc"} \code{prop.test(x, n)},
#' \code{"clopper-pearson"} (or \code{"exact"}) \code{binom.test(x, n)};
#' \code{"agresti-coull"} and \code{"jeffreys"} follow
#' \code{binom::binom.confint}, and \code{"wald"} (or \code{"asymptotic"})
#' is clipped to [0, 1].  \code{"all"} gives every method.
#'
#' An element that cannot be computed (\code{NA}, \code{n = 0},
#' \code{x > n}, a fractional count) gives \code{NA} with the reason; a bad
#' method or confidence level is an error of class \code{zhijiao_error}.
#'
#' @param x numbers of successes (e.g. satisfied respondents).
#' @param n numbers of trials (respondents).
#' @param method interval method(s); see \code{\link{zj_ci_methods}}.
#' @param conf.level confidence level(s), in (0, 1).
#' @param group optional labels of the groups (schools, years), kept as the
#'   first column and used by \code{plot()}.
#' @param design what \code{n} is: \code{"sample"} (the default: a sample
#'   from a much larger population, the method's interval),
#'   \code{"census"} (a complete enumeration: everybody was counted, no sampling error,
#'   so \code{conf.low} and \code{conf.high} are \code{NA} on purpose) or
#'   \code{"finite"} (a sample from a known population of \code{population}
#'   units: the interval with the finite-population correction, computed
#'   at the effective size \eqn{n (N-1)/(N-n)}; \eqn{N = n} is a census).
#'   Giving \code{population} implies \code{"finite"}.
#' @param population the population size(s) \eqn{N} for
#'   \code{design = "finite"}, recycled.
#' @return A data frame of class \code{zj_rates}: \code{group} (when
#'   given), \code{x}, \code{n}, \code{estimate}, \code{conf.low},
#'   \code{conf.high}, \code{method}, \code{conf.level}, \code{design} (and
#'   \code{population} unless the design is \code{"sample"}),
#'   \code{status}, \code{reason_zh}, \code{reason_en}.
#' @seealso \code{\link{plot.zj_rates}}
#' @examples
#' zj_rate(3138, 3953)
#' zj_rate(c(3138, 397), 3953, method = "all", group = c("pass", "excellent"))
#' zj_rate(c(5, NA, 12), c(10, 10, 10))
#' @export
zj_rate <- function(x, n, method = "wilson", conf.level = 0.95, group = NULL,
                    design = if (is.null(population)) "sample" else "finite",
                    population = NULL) {
    x <- .zj_num(x, "x")
    n <- .zj_num(n, "n")
    conf.level <- .zj_num(conf.level, "conf.level")
    methods <- .zj_methods(method)
    if (!identical(design, "sample")) design <- .zj_string(design, "design")
    args <- list(x = x, n = n, conf.level = conf.level)
    if (!is.null(population)) {
        if (design != "finite")
            .zj_arg_error("population", "\u4ec5\u5f53 design = \"finite\" \u65f6\u7ed9\u51fa population",
                          "no population unless design = \"finite\"")
        args$population <- .zj_num(population, "population")
    }
    if (!is.null(group)) {
        if (!is.atomic(group) || is.null(group))
            .zj_arg_error("group", "\u6807\u7b7e\u5411\u91cf", "an atomic vector of labels")
        args$group <- if (is.factor(group)) group else enc2utf8(as.character(group))
    }
    a <- .zj_recycle(args, scalar = "conf.level")
    blocks <- lapply(methods, function(m) {
        cols <- .Call(zjr_rate, a$x, a$n, a$conf.level, m, design, a$population)
        # the C glue gives the documented order; other designs add N
        if (design == "sample") cols else .zj_rate_population(cols, design, a$population)
    })
    cols <- if (length(blocks) == 1L) blocks[[1L]] else {
        # one block of rows per method, as binom::binom.confint stacks them
        stacked <- lapply(names(blocks[[1L]]), function(k)
            unlist(lapply(blocks, `[[`, k), use.names = FALSE))
        names(stacked) <- names(blocks[[1L]])
        stacked
    }
    if (!is.null(group))
        cols <- c(list(group = rep(a$group, times = length(methods))), cols)
    failed <- 0L
    for (b in blocks) failed <- failed + (attr(b, "zj_failed") %||% 0L)
    if (failed > 0L) {
        attr(cols, "zj_failed") <- NULL
        warning(sprintf(paste0("%d \u4e2a\u6bd4\u7387\u65e0\u6cd5\u8ba1\u7b97\uff0c",
                               "\u7ed3\u679c\u4e3a NA\uff08\u539f\u56e0\u89c1 reason_zh \u5217\uff09\n",
                               "%d rate(s) could not be computed and are NA (reasons in ",
                               "reason_en)"), failed, failed), call. = FALSE)
    }
    .zj_df(cols, class = "zj_rates")
}

`%||%` <- function(a, b) if (is.null(a)) b else a

# A census or finite design: the population column after design (N = n
# for a census), and a finite population of N = n is a census.
.zj_rate_population <- function(cols, design, population) {
    pop <- if (design == "census") cols$n else population
    if (design == "finite") {
        d <- cols$design
        d[!is.na(pop) & pop == cols$n] <- "census"
        cols$design <- d
    }
    k <- match("design", names(cols))
    structure(c(cols[seq_len(k)], list(population = pop), cols[-seq_len(k)]),
              zj_failed = attr(cols, "zj_failed"))
}

# Splits indices by a grouping vector (or one group); keeps first-seen order.
.zj_groups <- function(by, n, call = sys.call(-1L)) {
    if (is.null(by)) return(list(all = seq_len(n)))
    if (is.list(by) && !is.data.frame(by)) by <- as.data.frame(by)
    if (is.data.frame(by)) {
        if (nrow(by) != n)
            .zj_arg_error("by", sprintf("\u957f\u5ea6\u4e3a %d \u7684\u5206\u7ec4\u5217", n),
                          sprintf("grouping columns of length %d", n), call = call)
        key <- do.call(paste, c(lapply(by, as.character), sep = "\r"))
    } else {
        if (!is.atomic(by) || length(by) != n)
            .zj_arg_error("by", sprintf("\u957f\u5ea6\u4e3a %d \u7684\u5206\u7ec4\u5411\u91cf", n),
                          sprintf("a grouping vector of length %d", n), call = call)
        key <- as.character(by)
    }
    f <- factor(key, levels = unique(key))
    split(seq_len(n), f)
}

.zj_group_labels <- function(by, groups) {
    if (is.null(by)) return(NULL)
    first <- vapply(groups, `[`, integer(1), 1L)
    if (is.data.frame(by)) {
        out <- by[first, , drop = FALSE]
        rownames(out) <- NULL
        return(as.list(out))
    }
    list(group = by[first])
}

#' Pooled rates
#'
#' Pools groups (schools, majors) into one rate, \eqn{\sum x / \sum n},
#' with its confidence interval, and gives beside it the unweighted mean of
#' the group rates, which published tables often mix up with the pooled
#' rate: the mean of rates is not a proportion of anybody and has no
#' binomial interval.
#'
#' @inheritParams zj_rate
#' @param x,n successes and trials of each group.
#' @param conf.level the confidence level, in (0, 1).
#' @param by optional grouping (a vector, or a data frame of columns) of
#'   the rows of \code{x} and \code{n}: one pooled rate per group.
#' @param na.rm whether to drop groups with \code{NA} counts; otherwise an
#'   \code{NA} gives an \code{NA} result with the reason.
#' @return A data frame of class \code{zj_rates}: the grouping columns
#'   (with \code{by}), \code{x} and \code{n} (the sums), \code{estimate},
#'   \code{conf.low}, \code{conf.high}, \code{method}, \code{conf.level},
#'   \code{mean_of_rates}, \code{groups}, \code{status}, \code{reason_zh},
#'   \code{reason_en}.
#' @examples
#' zj_pooled(c(90, 45, 12), c(100, 50, 40))
#' zj_pooled(c(90, 45, 12, 30), c(100, 50, 40, 31), by = c("a", "a", "b", "b"))
#' @export
zj_pooled <- function(x, n, method = "wilson", conf.level = 0.95, by = NULL,
                      na.rm = FALSE) {
    x <- .zj_num(x, "x")
    n <- .zj_num(n, "n")
    conf.level <- .zj_number1(conf.level, "conf.level")
    method <- .zj_methods(method)
    if (length(method) != 1L)
        .zj_arg_error("method", "\u4e00\u4e2a\u65b9\u6cd5\u540d", "one method name")
    na.rm <- .zj_flag(na.rm, "na.rm")
    a <- .zj_recycle(list(x = x, n = n))
    groups <- .zj_groups(by, length(a$x))
    rows <- lapply(groups, function(i) {
        xi <- a$x[i]; ni <- a$n[i]
        if (na.rm) {
            keep <- !is.na(xi) & !is.na(ni)
            xi <- xi[keep]; ni <- ni[keep]
        }
        .Call(zjr_pooled, xi, ni, conf.level, method)
    })
    proto <- .zj_pooled_empty()
    cols <- lapply(names(proto), function(k) {
        v <- unlist(lapply(rows, `[[`, k), use.names = FALSE)
        if (is.null(v)) proto[[k]] else v
    })
    names(cols) <- names(proto)
    cols <- c(cols[c("x", "n", "estimate", "conf.low", "conf.high", "method")],
              list(conf.level = rep(conf.level, length(cols$x))),
              cols[c("mean_of_rates", "groups", "status", "reason_zh", "reason_en")])
    out <- .zj_df(c(.zj_group_labels(by, groups), cols))
    class(out) <- c("zj_rates", "data.frame")
    out
}

.zj_pooled_empty <- function() {
    list(x = double(), n = double(), estimate = double(), conf.low = double(),
         conf.high = double(), method = character(), mean_of_rates = double(),
         groups = integer(), status = character(), reason_zh = character(),
         reason_en = character())
}

#' Difference of two rates
#'
#' \eqn{p_1 - p_2} of two independent rates (this year against last year,
#' one school against another) with its confidence interval and the
#' p-value of the test of equal rates, as \code{prop.test(c(x1, x2), c(n1,
#' n2), correct = correct)} computes them.  Vectorised: the counts are
#' recycled.
#'
#' @param x1,n1 successes and trials of the first group.
#' @param x2,n2 successes and trials of the second group.
#' @param conf.level the confidence level, in (0, 1).
#' @param correct whether to apply Yates' continuity correction (as
#'   \code{prop.test}'s default).
#' @param design \code{"sample"} (the default: the interval and test of
#'   \code{prop.test}) or \code{"census"}: both years count everybody, so
#'   the change is exact and \code{conf.low}, \code{conf.high},
#'   \code{statistic} and \code{p.value} are \code{NA}.
#' @return A data frame: \code{x1}, \code{n1}, \code{x2}, \code{n2},
#'   \code{p1}, \code{p2}, \code{estimate} (\eqn{p_1 - p_2}), \code{conf.low},
#'   \code{conf.high}, \code{conf.level}, \code{statistic} (X-squared),
#'   \code{p.value}, \code{correct}, \code{status}, \code{reason_zh},
#'   \code{reason_en}.
#' @examples
#' zj_rate_diff(3138, 3953, 2980, 3900)
#' @export
zj_rate_diff <- function(x1, n1, x2, n2, conf.level = 0.95, correct = TRUE,
                         design = "sample") {
    a <- .zj_recycle(list(x1 = .zj_num(x1, "x1"), n1 = .zj_num(n1, "n1"),
                          x2 = .zj_num(x2, "x2"), n2 = .zj_num(n2, "n2")))
    conf.level <- .zj_number1(conf.level, "conf.level")
    correct <- .zj_flag(correct, "correct")
    design <- .zj_string(design, "design")
    if (!design %in% c("sample", "census"))
        .zj_arg_error("design", "\"sample\" or \"census\"", "\"sample\"\uff08\u62bd\u6837\uff09\u6216 \"census\"\uff08\u666e\u67e5\uff09")
    r <- .Call(zjr_rate_diff, a$x1, a$n1, a$x2, a$n2, conf.level, correct, design)
    k <- length(a$x1)
    .zj_df(class = "zj_rate_diff", c(a, r[c("p1", "p2", "estimate", "conf.low", "conf.high")],
             list(conf.level = rep(conf.level, k)),
             r[c("statistic", "p.value")], list(correct = rep(correct, k)),
             r[c("status", "reason_zh", "reason_en")]))
}

#' Rates from school-level data, schools as clusters
#'
#' School \eqn{i} has \eqn{x_i} of \eqn{n_i} (satisfied respondents of its
#' students).  Students of one school answer alike, so a published
#' satisfaction rate is not a binomial proportion of independent students.
#' Two rates are computed by the library, each with its own interval:
#' \describe{
#'   \item{pooled}{\eqn{\sum x / \sum n} with the cluster-robust
#'     (linearization) standard error of a ratio over schools, as
#'     \code{survey::svydesign(ids = ~school)}; \code{conf.low} and
#'     \code{conf.high} are \code{survey::svyciprop(method = "beta")} (the
#'     Korn-Graubard interval, inside [0, 1]), \code{wald.low} and
#'     \code{wald.high} \code{svyciprop(method = "mean")}, both on
#'     \code{df} = schools - 1 degrees of freedom (svyciprop's default
#'     \code{degf(design)}).}
#'   \item{mean of school rates}{the unweighted mean of \eqn{x_i/n_i}, the
#'     schools being the sample: \code{mean.conf.low}, \code{mean.conf.high}
#'     as \code{t.test(x / n)}.}
#' }
#' With \code{published} (a percentage as printed in the source, e.g.
#' \code{"95.26"}), \code{matches} says which of the two it is:
#' \code{"pooled"}, \code{"mean"}, \code{"both"} or \code{"neither"} (within
#' half a unit of its last printed decimal).
#'
#' @param x,n successes and trials of each school (at least two schools).
#' @param conf.level the confidence level, in (0, 1).
#' @param published optional published percentage, as text (its decimals
#'   are those printed; a number is converted with \code{format()}).
#' @param by optional grouping of the schools (a vector or data frame):
#'   one row per group.
#' @return A data frame of class \code{zj_cluster}: the grouping columns,
#'   \code{schools}, \code{x}, \code{n}, \code{estimate} (pooled),
#'   \code{std.error}, \code{conf.low}, \code{conf.high}, \code{wald.low},
#'   \code{wald.high}, \code{df}, \code{design_effect},
#'   \code{n_effective}, \code{mean_of_rates}, \code{mean_sd},
#'   \code{mean.conf.low}, \code{mean.conf.high}, \code{conf.level},
#'   \code{published}, \code{matches}.
#' @examples
#' zj_cluster(c(95, 190, 48), c(100, 200, 50), published = "95.33")
#' @export
zj_cluster <- function(x, n, conf.level = 0.95, published = NULL, by = NULL) {
    x <- .zj_num(x, "x")
    n <- .zj_num(n, "n")
    conf.level <- .zj_number1(conf.level, "conf.level")
    if (!is.null(published)) {
        if (is.numeric(published)) published <- format(published)
        published <- .zj_string(published, "published")
    }
    a <- .zj_recycle(list(x = x, n = n))
    groups <- .zj_groups(by, length(a$x))
    rows <- lapply(groups, function(i)
        .Call(zjr_rate_clustered, a$x[i], a$n[i], conf.level, published))
    cols <- lapply(names(rows[[1L]]), function(k)
        unlist(lapply(rows, `[[`, k), use.names = FALSE))
    names(cols) <- names(rows[[1L]])
    cols <- c(cols[setdiff(names(cols), "matches")],
              list(published = rep(if (is.null(published)) NA_character_ else published,
                                   length(rows)),
                   matches = cols$matches))
    .zj_df(c(.zj_group_labels(by, groups), cols), class = "zj_cluster")
}

# ---- column names ----------------------------------------------------------
# Results follow broom's tidy() names: estimate, conf.low, conf.high (what
# most R users expect; binom's "lower"/"upper" were the names up to 0.1).
# The old names still work for one release, with a deprecation warning.
.zj_old_names <- c(lower = "conf.low", upper = "conf.high")

.zj_renamed <- function(x, name) {
    if (is.character(name) && length(name) == 1L && !is.na(.zj_old_names[name]) &&
        !name %in% names(x)) {
        new <- .zj_old_names[[name]]
        warning(structure(class = c("deprecatedWarning", "warning", "condition"), list(
            message = sprintf(paste0("\u5217 %s \u5df2\u6539\u540d\u4e3a %s\uff08broom \u7ea6\u5b9a\uff09\uff0c",
                                     "\u65e7\u540d\u5c06\u5728\u4e0b\u4e00\u7248\u672c\u79fb\u9664\n",
                                     "column '%s' is now '%s' (broom's names); the old name ",
                                     "goes in the next release"), name, new, name, new),
            call = NULL)))
        return(new)
    }
    name
}

#' Deprecated column names of rate results
#'
#' Rate results use broom's names \code{conf.low} and \code{conf.high};
#' \code{x$lower}, \code{x$upper} (and \code{[[}) still work in this
#' release with a warning of class \code{deprecatedWarning}.
#' @param x a result of \code{zj_rate()}, \code{zj_pooled()} or
#'   \code{zj_rate_diff()}.
#' @param name,i a column name.
#' @param ... ignored.
#' @return The column.
#' @name zj_rates-deprecated
#' @keywords internal
#' @export
`$.zj_rates` <- function(x, name) .subset2(x, .zj_renamed(x, name))

#' @rdname zj_rates-deprecated
#' @export
`[[.zj_rates` <- function(x, i, ...) {
    if (is.character(i)) .subset2(x, .zj_renamed(x, i)) else NextMethod()
}

#' @rdname zj_rates-deprecated
#' @export
`$.zj_rate_diff` <- `$.zj_rates`

#' @rdname zj_rates-deprecated
#' @export
`[[.zj_rate_diff` <- `[[.zj_rates`

#' Print rate results
#'
#' Prints a \code{zj_rates} result as a data frame, without the
#' \code{status}, \code{reason_zh} and \code{reason_en} columns when every
#' rate was computed (all \code{"ok"}, no reasons); \code{all = TRUE}
#' prints every column.
#' @param x a result of \code{\link{zj_rate}} or \code{\link{zj_pooled}}.
#' @param all whether to print every column.
#' @param ... passed to \code{print.data.frame}.
#' @return \code{x}, invisibly.
#' @export
print.zj_rates <- function(x, all = FALSE, ...) {
    y <- x
    class(y) <- "data.frame"
    if (!isTRUE(all)) {
        quiet <- c(if (!is.null(y[["status"]]) && all(y[["status"]] %in% "ok")) "status",
                   Filter(function(k) !is.null(y[[k]]) && all(is.na(y[[k]])),
                          c("reason_zh", "reason_en")))
        y <- y[setdiff(names(y), quiet)]
    }
    print(y, ...)
    invisible(x)
}
