/* text_width.c — terminal columns of UTF-8 text (zj_text_width), so that
 * every client lines up and cuts Chinese text the same way.
 *
 * The tables follow wcwidth(3) in a UTF-8 locale (East Asian Width W and
 * F are 2 columns; Mn, Me and format characters 0), written out here so
 * the answer does not depend on the caller's locale. */
#include <stdint.h>

#include "zhijiao/text.h"
#include "utf8.h"

typedef struct range {
    uint32_t lo, hi;
} range;

/* Combining marks and zero-width characters met in practice. */
static const range zero[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A},
    {0x064B, 0x065F}, {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E},
    {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x2028, 0x202E},
    {0x2060, 0x2064}, {0x20D0, 0x20FF}, {0x302A, 0x302D}, {0x3099, 0x309A},
    {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xE0100, 0xE01EF},
};

/* East Asian Wide and Fullwidth. */
static const range wide[] = {
    {0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC},
    {0x23F0, 0x23F0}, {0x23F3, 0x23F3}, {0x25FD, 0x25FE}, {0x2614, 0x2615},
    {0x2648, 0x2653}, {0x267F, 0x267F}, {0x2693, 0x2693}, {0x26A1, 0x26A1},
    {0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5}, {0x26CE, 0x26CE},
    {0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5},
    {0x26FA, 0x26FA}, {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B},
    {0x2728, 0x2728}, {0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755},
    {0x2757, 0x2757}, {0x2795, 0x2797}, {0x27B0, 0x27B0}, {0x27BF, 0x27BF},
    {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55}, {0x2E80, 0x303E},
    {0x3041, 0x33FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xA000, 0xA4CF},
    {0xA960, 0xA97F}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19},
    {0xFE30, 0xFE6F}, {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x16FE0, 0x16FE4},
    {0x17000, 0x18CFF}, {0x1B000, 0x1B2FF}, {0x1F004, 0x1F004},
    {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A},
    {0x1F200, 0x1F251}, {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF},
    {0x1F900, 0x1F9FF}, {0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD},
    {0x30000, 0x3FFFD},
};

static int in(const range *r, size_t n, uint32_t c)
{
    size_t lo = 0, hi = n;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c < r[mid].lo)
            hi = mid;
        else if (c > r[mid].hi)
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

static size_t char_width(uint32_t c)
{
    if (c < 0x20 || (c >= 0x7F && c < 0xA0))
        return 0;   /* controls take no column of their own */
    if (c < 0x300)
        return 1;
    if (in(zero, sizeof zero / sizeof zero[0], c))
        return 0;
    return in(wide, sizeof wide / sizeof wide[0], c) ? 2 : 1;
}

size_t zj_text_width(const char *s)
{
    size_t w = 0;

    if (!s)
        return 0;
    while (*s)
        w += char_width(zj__utf8_next(&s));
    return w;
}

size_t zj_text_width_n(const char *s, size_t len)
{
    const char *end = s ? s + len : s;
    size_t w = 0;

    while (s && s < end && *s)
        w += char_width(zj__utf8_next(&s));
    return w;
}

size_t zj_text_fit(const char *s, size_t columns, size_t *width)
{
    const char *p = s, *end = s;
    size_t w = 0;

    if (s) {
        while (*p) {
            size_t cw = char_width(zj__utf8_next(&p));
            if (w + cw > columns)
                break;
            w += cw;
            end = p;
        }
    }
    if (width)
        *width = w;
    return (size_t)(end - s);
}
