/*
 * strings.h - string interning.
 *
 * A StrPool maps byte strings to small integer symbols (Sym) and back.  Equal
 * strings get equal symbols, so the dataset stores and compares 4-byte ids
 * instead of strings.  Symbol 0 (SYM_NONE) is reserved for "missing" (an
 * empty cell); the empty string itself is an ordinary symbol.
 *
 * Ownership: the pool owns every interned string; pointers returned by
 * strpool_str() stay valid until strpool_free().  Strings may contain any
 * byte except NUL.
 */
#ifndef EOI_STRINGS_H
#define EOI_STRINGS_H

#include <stddef.h>
#include <stdint.h>

typedef uint32_t Sym;
#define SYM_NONE ((Sym)0)

/* List cells are interned as one string whose elements are joined by this
 * byte (ASCII unit separator), so a list is one Sym like any other cell. */
#define LIST_SEP '\x1f'

typedef struct StrPool StrPool;

StrPool *strpool_new(void);
void strpool_free(StrPool *pool);

/* Intern LEN bytes at S (need not be NUL-terminated). */
Sym strpool_intern_len(StrPool *pool, const char *s, size_t len);
Sym strpool_intern(StrPool *pool, const char *s);
/* Look up without interning; SYM_NONE when absent. */
Sym strpool_find_len(const StrPool *pool, const char *s, size_t len);
Sym strpool_find(const StrPool *pool, const char *s);
/* The string of SYM ("" for SYM_NONE); its length in *LEN when LEN != NULL. */
const char *strpool_str(const StrPool *pool, Sym sym);
size_t strpool_len(const StrPool *pool, Sym sym);
/* Number of symbols including SYM_NONE, so valid symbols are < count. */
uint32_t strpool_count(const StrPool *pool);

#endif
