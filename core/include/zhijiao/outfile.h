/* zhijiao/outfile.h — writing a file so that a failure never costs the old one.
 *
 * Every file zhijiao writes (batch results, the demo folder, audits) goes
 * through this: the data is written to a temporary file in the directory
 * of the final path, and only a successful zj_outfile_commit (flush,
 * fsync, rename) replaces the file.  Until then, and after
 * zj_outfile_abort, the old file is untouched.
 *
 * A symbolic link is followed: the temporary file is made beside the
 * link's target, which is replaced and the link kept.  A path that names
 * something other than a regular file (/dev/stdout, /dev/null, a FIFO)
 * cannot be replaced by rename, so it is written directly.
 */
#ifndef ZHIJIAO_OUTFILE_H
#define ZHIJIAO_OUTFILE_H

#include <stdio.h>

#include "export.h"
#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct zj_outfile zj_outfile;

/* Opens a temporary file for `path`.  The returned handle is owned by the
 * caller and freed by exactly one of zj_outfile_commit or
 * zj_outfile_abort.  ZJ_ERR_IO naming the path when the directory cannot
 * be written or a symbolic link leads nowhere. */
ZJ_EXTERN zj_code zj_outfile_open(const char *path, zj_outfile **out, zj_error *err);

/* The stream to write to; owned by the handle, valid until commit/abort.
 * A writer that must write by name (libxlsxwriter) closes nothing and uses
 * zj_outfile_temp_path instead. */
ZJ_EXTERN FILE *zj_outfile_stream(zj_outfile *f);

/* The path being written (the temporary file, or the final path itself
 * when it is not a regular file); borrowed, valid until commit/abort. */
ZJ_EXTERN const char *zj_outfile_temp_path(const zj_outfile *f);

/* Closes the stream, checks that every write succeeded, syncs the data to
 * disk and renames the temporary file onto the final path (which keeps
 * the old file's permissions).  On failure the temporary file is removed
 * and the old file stays as it was.  Frees f in every case. */
ZJ_EXTERN zj_code zj_outfile_commit(zj_outfile *f, zj_error *err);

/* Discards what was written: the old file stays as it was.  Frees f;
 * NULL is fine. */
ZJ_EXTERN void zj_outfile_abort(zj_outfile *f);

#ifdef __cplusplus
}
#endif
#endif
