/* ooxml.h — reading parts of .xlsx/.docx containers (internal). */
#ifndef ZJ_OOXML_H
#define ZJ_OOXML_H

#include <stddef.h>
#include <libxml/tree.h>
#include <zip.h>
#include "zhijiao/error.h"

/* Uncompressed parts larger than this are refused (zip bombs). */
#define ZJ_OOXML_MAX_PART ((size_t)64 << 20)

/* Opens a zip archive held in memory (the buffer must outlive it). */
zj_code zj_zip_open_memory(const char *data, size_t len, zip_t **out, zj_error *err);
/* A part as a parsed XML tree; *doc NULL (and ZJ_OK) when the part is absent. */
zj_code zj_zip_xml(zip_t *za, const char *name, xmlDocPtr *doc, zj_error *err);
/* Element local name test, ignoring the namespace prefix. */
int zj_xml_is(const xmlNode *n, const char *local);

#endif
