/* version.c — the version of the loaded library. */
#include "zhijiao/version.h"

const char *zj_version(void)
{
    return ZJ_VERSION_STRING;
}
