/* source.c — formatting a citation. */
#include <stdio.h>
#include <string.h>

#include "zhijiao/data.h"
#include "utf8.h"

size_t zj_source_format(const zj_source *src, char *buf, size_t size)
{
    int n;

    if (!src || !src->document) {
        if (size)
            buf[0] = '\0';
        return 0;
    }
    n = snprintf(buf, size, "%s%s%s%s%s%s", src->document,
                 src->clause ? " " : "", src->clause ? src->clause : "",
                 src->date ? " (" : "", src->date ? src->date : "",
                 src->date ? ")" : "");
    if (n < 0)
        return 0;
    /* Never leave half a UTF-8 character at a truncation point. */
    if (size && (size_t)n >= size)
        buf[zj__utf8_prefix(buf, size - 1)] = '\0';
    return (size_t)n;
}
