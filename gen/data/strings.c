/*
 * strings.c - string interning with an open-addressing hash table.
 *
 * Strings live NUL-terminated in large arena blocks; the table holds symbol
 * numbers and the symbol array holds (pointer, length, hash).  The table is
 * kept at most half full and doubles when it gets there.
 */
#include "strings.h"

#include <glib.h>
#include <string.h>

typedef struct {
	const char *str;
	uint32_t len;
	uint32_t hash;
} Entry;

struct StrPool {
	Entry *entries;     /* indexed by Sym; entries[0] is SYM_NONE */
	uint32_t n_entries;
	uint32_t cap_entries;
	uint32_t *table;    /* Sym per slot, 0 = empty */
	uint32_t mask;      /* table size - 1 */
	GPtrArray *blocks;  /* arena blocks */
	char *cur;          /* free space in the newest block */
	size_t cur_left;
};

#define BLOCK_SIZE (1u << 20)

static uint32_t hash_bytes(const char *s, size_t len)
{
	/* FNV-1a, 32 bits, then a final mix so low bits are usable. */
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	h ^= h >> 15;
	h *= 0x2c1b3c6du;
	h ^= h >> 12;
	return h;
}

StrPool *strpool_new(void)
{
	StrPool *p = g_new0(StrPool, 1);
	p->cap_entries = 1024;
	p->entries = g_new0(Entry, p->cap_entries);
	p->entries[0].str = "";
	p->n_entries = 1;
	p->mask = 2047;
	p->table = g_new0(uint32_t, p->mask + 1);
	p->blocks = g_ptr_array_new_with_free_func(g_free);
	return p;
}

void strpool_free(StrPool *pool)
{
	if (!pool)
		return;
	g_ptr_array_free(pool->blocks, TRUE);
	g_free(pool->entries);
	g_free(pool->table);
	g_free(pool);
}

static const char *arena_copy(StrPool *p, const char *s, size_t len)
{
	if (len + 1 > p->cur_left) {
		size_t size = len + 1 > BLOCK_SIZE ? len + 1 : BLOCK_SIZE;
		p->cur = g_malloc(size);
		p->cur_left = size;
		g_ptr_array_add(p->blocks, p->cur);
	}
	char *dst = p->cur;
	memcpy(dst, s, len);
	dst[len] = '\0';
	p->cur += len + 1;
	p->cur_left -= len + 1;
	return dst;
}

static void grow_table(StrPool *p)
{
	uint32_t mask = p->mask * 2 + 1;
	uint32_t *table = g_new0(uint32_t, (size_t)mask + 1);
	for (uint32_t sym = 1; sym < p->n_entries; sym++) {
		uint32_t i = p->entries[sym].hash & mask;
		while (table[i])
			i = (i + 1) & mask;
		table[i] = sym;
	}
	g_free(p->table);
	p->table = table;
	p->mask = mask;
}

static uint32_t lookup_slot(const StrPool *p, const char *s, size_t len, uint32_t h)
{
	uint32_t i = h & p->mask;
	for (;;) {
		uint32_t sym = p->table[i];
		if (!sym)
			return i;
		const Entry *e = &p->entries[sym];
		if (e->hash == h && e->len == len && memcmp(e->str, s, len) == 0)
			return i;
		i = (i + 1) & p->mask;
	}
}

Sym strpool_find_len(const StrPool *pool, const char *s, size_t len)
{
	return pool->table[lookup_slot(pool, s, len, hash_bytes(s, len))];
}

Sym strpool_find(const StrPool *pool, const char *s)
{
	return strpool_find_len(pool, s, strlen(s));
}

Sym strpool_intern_len(StrPool *p, const char *s, size_t len)
{
	uint32_t h = hash_bytes(s, len);
	uint32_t slot = lookup_slot(p, s, len, h);
	if (p->table[slot])
		return p->table[slot];
	g_assert(len < UINT32_MAX);
	if (p->n_entries == p->cap_entries) {
		p->cap_entries *= 2;
		p->entries = g_renew(Entry, p->entries, p->cap_entries);
	}
	Sym sym = p->n_entries++;
	p->entries[sym] = (Entry){ arena_copy(p, s, len), (uint32_t)len, h };
	p->table[slot] = sym;
	if ((uint64_t)p->n_entries * 2 > (uint64_t)p->mask + 1)
		grow_table(p);
	return sym;
}

Sym strpool_intern(StrPool *pool, const char *s)
{
	return strpool_intern_len(pool, s, strlen(s));
}

const char *strpool_str(const StrPool *pool, Sym sym)
{
	g_assert(sym < pool->n_entries);
	return pool->entries[sym].str;
}

size_t strpool_len(const StrPool *pool, Sym sym)
{
	g_assert(sym < pool->n_entries);
	return pool->entries[sym].len;
}

uint32_t strpool_count(const StrPool *pool)
{
	return pool->n_entries;
}
