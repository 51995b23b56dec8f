/* fuzz_xls.c — libFuzzer target for the .xls reader of the refresh
 * pipeline (grid_reader_target.h). */
#include "grid_reader_target.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
void zj__xls_child_hook(void);
void __sanitizer_set_death_callback(void (*callback)(void));

/* freexl 1.0.6 has heap overflows on malformed files (found by this
 * target); zj__xls_tables therefore runs it in a child process.  In the
 * child, the fuzzer's crash handler is removed, so that a freexl crash is
 * what it is in production — a failed child and ZJ_ERR_PARSE — while
 * everything on our side of the pipe stays under the fuzzer's watch. */
void zj__xls_child_hook(void)
{
    __sanitizer_set_death_callback(0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_grid_reader(zj__xls_tables, data, size);
}
