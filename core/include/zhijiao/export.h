/* export.h — ZJ_EXTERN marks what libzhijiao exports.
 *
 * The library is compiled with -fvisibility=hidden: a function is part of
 * the shared library's ABI exactly when its public declaration carries
 * ZJ_EXTERN, so internal helpers can never leak into libzhijiao.so's
 * symbol table (and its Debian symbols file) by accident. */
#ifndef ZHIJIAO_EXPORT_H
#define ZHIJIAO_EXPORT_H

#if defined(__GNUC__) || defined(__clang__)
#define ZJ_EXTERN __attribute__((visibility("default")))
#else
#define ZJ_EXTERN
#endif

#endif
