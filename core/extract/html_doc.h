/* html_doc.h — libxml2 HTML helpers shared by html_tables.c and
 * notice_parse.c (internal). */
#ifndef ZJ_HTML_DOC_H
#define ZJ_HTML_DOC_H

#include <libxml/HTMLparser.h>
#include "strbuf.h"

/* UTF-8 HTML to a tree (NULL when the parser gives up); xmlFreeDoc it. */
htmlDocPtr zj__html_parse(const char *html, size_t len);
/* Appends the text under n: <br>, block ends as newlines; no script/style. */
void zj__html_text(const xmlNode *n, zj__strbuf *b);

#endif
