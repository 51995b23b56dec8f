/* fuzz_docx_xml.c — libFuzzer target for the .docx table reader itself,
 * below the zip container: the input is a word/document.xml.  Checks as
 * grid_reader_target.h. */
#include "grid_reader_target.h"
#include "ooxml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_grid_reader(zj__docx_xml_tables, data, size);
}
