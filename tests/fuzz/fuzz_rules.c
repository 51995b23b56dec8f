/* fuzz_rules.c — libFuzzer target: arbitrary bytes as a rule file.
 * The loader must reject bad files with an error, never crash or leak. */
#include <stddef.h>
#include <stdint.h>

#include "ruleset.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    zj__ruleset *rs = NULL;
    zj_error err;

    if (zj__ruleset_load_buffer((const char *)data, size, "fuzz.json", &rs, &err) == ZJ_OK)
        zj__ruleset_free(rs);
    return 0;
}
