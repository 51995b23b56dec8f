/* tempfile.h — scratch files and directories for attachment readers that
 * need a path (freexl, LibreOffice), and creating directory paths for the
 * cache and the snapshot (internal). */
#ifndef ZJ_TEMPFILE_H
#define ZJ_TEMPFILE_H

#include <stddef.h>
#include "zhijiao/error.h"

/* Creates a private directory under $TMPDIR (or /tmp), malloc'd in *dir. */
zj_code zj__temp_dir(char **dir, zj_error *err);
/* Writes data to <dir>/<name>; the path malloc'd in *path. */
zj_code zj__temp_write(const char *dir, const char *name, const char *data,
                      size_t len, char **path, zj_error *err);
/* Reads a whole file back (malloc'd, NUL-terminated, *len bytes). */
zj_code zj__temp_read(const char *path, char **data, size_t *len, zj_error *err);
/* Removes dir and everything in it (one level of subdirectories). */
void zj__temp_remove(const char *dir);
/* mkdir -p: 1 when path exists as a directory afterwards, else 0 (errno). */
int zj__make_dirs(const char *path);

#endif
