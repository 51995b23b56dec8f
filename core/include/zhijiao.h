/* zhijiao.h — the public API of libzhijiao.
 *
 * libzhijiao is the one place where the rules and the numbers of Chinese
 * vocational-education programmes live; the `zhijiao` command, the Calc
 * add-in and the R package are thin clients of this header.
 *
 * Conventions, everywhere:
 *   - Text is UTF-8.  Chinese names are accepted and returned as UTF-8.
 *   - Fallible functions return zj_code and fill a caller-owned zj_error.
 *   - Who frees what is stated at each function; handles are immutable
 *     after they are opened and may be shared between threads.
 *   - Batch functions take arrays, so one call serves a spreadsheet range
 *     or an R vector, and report per-element status.
 *
 * Lifetimes, wherever a function does not say otherwise:
 *   - A name of an enum value (zj_code_name, zj_ci_method_name, ...) and
 *     the check catalogue (zj_check_at, zj_check_info and its fields) are
 *     static: never freed, valid for the life of the program.
 *   - Everything handed out from a zj_data (tables, their cells and
 *     sources, rule-set infos, notes, plan entries' strings) is borrowed:
 *     valid until zj_data_close of that data, never freed by the caller.
 *   - A zj_decision owns its strings (zj_decision_free), but each
 *     reason's `source` borrows from the zj_data that decided it: close
 *     the data only after the decisions are no longer read.
 *   - Whatever a function allocates for the caller says so, with the
 *     function that frees it (..._free, or free() for plain strings).
 *
 *   zhijiao/error.h       error codes and the zj_error object
 *   zhijiao/parse.h       numbers, counts, booleans and years from text
 *   zhijiao/indicators.h  rates with intervals, pooling, score summaries, ...
 *   zhijiao/audit.h       do the parts of a published table add up?
 *   zhijiao/data.h        rule sets, bundled tables, plan look-ups
 *   zhijiao/check.h       rule decisions with reasons and citations
 *   zhijiao/csv.h         CSV reading in UTF-8 or GB18030
 *   zhijiao/rows.h        the rows of a CSV, .xlsx or .xls file
 *   zhijiao/outfile.h     writing files that replace the old one only when whole
 *   zhijiao/refresh.h     refreshing the official plans from the web
 *   zhijiao/text.h        "did you mean" suggestions, display width
 */
#ifndef ZHIJIAO_H
#define ZHIJIAO_H

#include "zhijiao/version.h"
#include "zhijiao/error.h"
#include "zhijiao/parse.h"
#include "zhijiao/indicators.h"
#include "zhijiao/audit.h"
#include "zhijiao/data.h"
#include "zhijiao/deadlines.h"
#include "zhijiao/check.h"
#include "zhijiao/csv.h"
#include "zhijiao/outfile.h"
#include "zhijiao/rows.h"
#include "zhijiao/refresh.h"
#include "zhijiao/text.h"

#endif
