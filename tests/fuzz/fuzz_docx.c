/* fuzz_docx.c — libFuzzer target for the .docx reader of the refresh
 * pipeline (grid_reader_target.h). */
#include "grid_reader_target.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_grid_reader(zj__docx_tables, data, size);
}
