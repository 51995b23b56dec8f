/* uno_c.h — the LibreOffice SDK's binary UNO headers, compiled as C.
 *
 * typelib/typedescription.h ends with inline helpers written for C++ (they
 * use `bool` and the enum tag `_typelib_TypeClass` without `enum`); give C
 * both names before including it.  Build with -DUNX -DGCC -DLINUX. */
#ifndef ZJ_PLUGIN_UNO_C_H
#define ZJ_PLUGIN_UNO_C_H

#include <stdbool.h>
#include <sal/types.h>
#include <typelib/typeclass.h>
typedef enum _typelib_TypeClass _typelib_TypeClass;
#include <typelib/typedescription.h>
#include <rtl/ustring.h>
#include <rtl/string.h>
#include <uno/any2.h>
#include <uno/data.h>
#include <uno/dispatcher.h>
#include <uno/sequence2.h>

#endif
