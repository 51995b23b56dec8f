#' Refresh the official plan data from the education bureau's sites
#'
#' Runs the core's refresh pipeline (the same as \code{zhijiao refresh}):
#' it walks the notice lists of jw.beijing.gov.cn and bjeea.cn (or of a
#' mirror given in \code{base_url}), reads the 贯通培养 plans and "3+2"
#' project lists attached to them, normalizes and audits the tables, and
#' shows the rows added, removed and changed against the data in use (the
#' snapshot's tables, or the bundled ones where it has none).  Unless
#' \code{dry_run} is \code{TRUE} it then replaces the snapshot atomically
#' (the previous version is kept: \code{zj_rollback()} returns to it); every
#' function of this package reads the refreshed tables after
#' \code{zj_reload()}.  A refreshed table that would remove rows in use (a
#' notice listing part of a plan) is shown but not applied unless
#' \code{accept_removals} is \code{TRUE}; a warning names it.
#'
#' TLS verification is always on, only the official hosts, the hosts of
#' \code{base_url} and \code{allow_hosts} are contacted, robots.txt is
#' honoured and requests are rate-limited per host.
#'
#' @param base_url Character: the roots of the sites (default: the two
#'   official sites); a mirror such as \code{"http://127.0.0.1:8080/jw"}.
#' @param allow_hosts Character: further hosts that may be contacted.
#' @param snapshot_dir,cache_dir \code{NULL} (the defaults: see
#'   \code{ZHIJIAO_SNAPSHOT} and \code{XDG_CACHE_HOME}) or a directory.
#' @param dry_run \code{TRUE} to compare only.
#' @param offline \code{TRUE} to use the download cache only.
#' @param rate_limit Requests per second per host; 0 for the default (2).
#' @param accept_removals \code{TRUE} to apply tables that would remove rows
#'   in use (check \code{changes} first).
#' @return A list: \code{tables} (a data frame of the imported tables with
#'   their source URL, retrieval time and number of audit findings),
#'   \code{changes} (a data frame: \code{kind}, \code{table}, \code{key},
#'   \code{before}, \code{after}), \code{warnings} (pages or attachments
#'   that could not be used, tables held back), \code{committed},
#'   \code{version}, the request counts and \code{notes} (\code{.pdf}
#'   attachments, from which no table can be read).
#' @examples
#' \dontrun{
#' r <- zj_refresh(dry_run = TRUE)
#' r$changes
#' }
#' @export
zj_refresh <- function(base_url = character(), allow_hosts = character(),
                       snapshot_dir = NULL, cache_dir = NULL,
                       dry_run = FALSE, offline = FALSE, rate_limit = 0,
                       accept_removals = FALSE) {
    base_url <- .zj_chr(base_url, "base_url")
    allow_hosts <- .zj_chr(allow_hosts, "allow_hosts")
    if (!is.null(snapshot_dir)) snapshot_dir <- .zj_string(snapshot_dir, "snapshot_dir")
    if (!is.null(cache_dir)) cache_dir <- .zj_string(cache_dir, "cache_dir")
    res <- .Call(zjr_refresh, base_url, allow_hosts, snapshot_dir, cache_dir,
                 .zj_flag(dry_run, "dry_run"), .zj_flag(offline, "offline"),
                 .zj_number1(rate_limit, "rate_limit"),
                 .zj_flag(accept_removals, "accept_removals"), enc2utf8(zj_data_dir()))
    if (isTRUE(res$committed)) zj_reload()
    res
}

#' Return to the previous snapshot of the refreshed data
#'
#' Makes the previous version of the snapshot current again (the one a
#' refresh replaced), and the current one previous, so that a second call
#' undoes the first; rolling back the first version serves the bundled data
#' alone again.  The same as \code{zhijiao refresh --rollback}.
#'
#' @param snapshot_dir \code{NULL} (the default snapshot, see
#'   \code{ZHIJIAO_SNAPSHOT}) or a directory.
#' @return Invisibly, the version now current (\code{""} for the bundled
#'   data alone).
#' @examples
#' \dontrun{
#' zj_rollback()
#' }
#' @export
zj_rollback <- function(snapshot_dir = NULL) {
    if (!is.null(snapshot_dir)) snapshot_dir <- .zj_string(snapshot_dir, "snapshot_dir")
    v <- .Call(zjr_rollback, snapshot_dir)
    zj_reload()
    invisible(v)
}
