/* zhijiao/version.h — the library's version. */
#ifndef ZHIJIAO_VERSION_H
#define ZHIJIAO_VERSION_H

#include "export.h"

#ifdef __cplusplus
extern "C" {
#endif

#define ZJ_VERSION_MAJOR 0
#define ZJ_VERSION_MINOR 1
#define ZJ_VERSION_PATCH 0
#define ZJ_VERSION_STRING "0.1.0"

/* The version of the library actually loaded (may differ from the header
 * the caller was compiled against). */
ZJ_EXTERN const char *zj_version(void);

#ifdef __cplusplus
}
#endif
#endif
