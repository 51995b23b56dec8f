/* fuzz_xlsx_xml.c — libFuzzer target for the .xlsx worksheet and shared
 * strings XML readers themselves, below the zip container (whose CRC
 * check would reject nearly every mutated part): the input is a
 * worksheet's XML, optionally followed by a NUL byte and the
 * sharedStrings.xml it refers to.  Checks as grid_reader_target.h. */
#include <string.h>

#include "grid_reader_target.h"
#include "ooxml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static zj_code read_parts(const char *data, size_t len, zj__grids *out, zj_error *err)
{
    const char *nul = memchr(data, '\0', len);

    if (!nul)
        return zj__xlsx_parts_tables(data, len, NULL, 0, out, err);
    return zj__xlsx_parts_tables(data, (size_t)(nul - data), nul + 1, len - (size_t)(nul - data) - 1, out, err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_grid_reader(read_parts, data, size);
}
