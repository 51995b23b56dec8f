/* ooxml.h — reading parts of .xlsx/.docx containers (internal). */
#ifndef ZJ_OOXML_H
#define ZJ_OOXML_H

#include <stddef.h>
#include <libxml/tree.h>
#include <zip.h>
#include "zhijiao/error.h"

/* Uncompressed parts larger than this are refused (zip bombs), and so
 * are the parts of a file past this many uncompressed bytes in all (256
 * sheets of 63 MiB of white space each would take minutes of parsing). */
#define ZJ_OOXML_MAX_PART ((size_t)64 << 20)
#define ZJ_OOXML_MAX_TOTAL ((size_t)128 << 20)

/* Opens a zip archive held in memory (the buffer must outlive it). */
zj_code zj__zip_open_memory(const char *data, size_t len, zip_t **out, zj_error *err);
/* A part as a parsed XML tree; *doc NULL (and ZJ_OK) when the part is
 * absent.  *budget: the uncompressed bytes the file may still read
 * (start with ZJ_OOXML_MAX_TOTAL), lowered by this part.  A part with a
 * document type declaration is refused: OOXML parts have none, and its
 * entities could expand a few kilobytes into gigabytes.  Entities are
 * never substituted, nothing is fetched from the network, and libxml2's
 * limits for huge documents stay on. */
zj_code zj__zip_xml(zip_t *za, const char *name, size_t *budget, xmlDocPtr *doc, zj_error *err);
/* Parses one part's XML with the same rules (DOCTYPE refused, no entity
 * substitution, no network); `name` is the part's name for errors. */
zj_code zj__ooxml_parse(const char *xml, size_t len, const char *name, xmlDocPtr *doc, zj_error *err);
/* The readers below the zip container, for tests and fuzzing: one
 * worksheet's XML (with the sharedStrings.xml it refers to, NULL when
 * none), one word/document.xml. */
zj_code zj__xlsx_parts_tables(const char *sheet, size_t sheet_len, const char *shared, size_t shared_len,
                             zj__grids *out, zj_error *err);
zj_code zj__docx_xml_tables(const char *xml, size_t len, zj__grids *out, zj_error *err);
/* Element local name test, ignoring the namespace prefix. */
int zj__xml_is(const xmlNode *n, const char *local);

#endif
