/* tags.c - licence, parents, relation and quantization from Hub tags. */
#include "tags.h"

#include <string.h>


bool tags_is_quant_word(const char *tag, size_t len)
{
	static const char *const words[] = { "gguf", "gptq", "awq",   "exl2",  "bnb",  "bitsandbytes",
					     "4bit", "4-bit", "8bit", "8-bit", "mlx" };
	for (size_t i = 0; i < G_N_ELEMENTS(words); i++)
		if (strlen(words[i]) == len && g_ascii_strncasecmp(tag, words[i], len) == 0)
			return true;
	return false;
}

static const char *const relations[] = { "finetune", "adapter", "quantized", "merge" };

/* If TAG is "base_model:[rel:]id", set *ID (and *REL, or NULL) and return
 * true.  Pointers are into TAG; lengths in *ID_LEN / *REL_LEN. */
static bool base_model_tag(const char *tag, size_t len, const char **id, size_t *id_len, const char **rel,
			   size_t *rel_len)
{
	static const char prefix[] = "base_model:";
	if (len <= sizeof prefix - 1 || strncmp(tag, prefix, sizeof prefix - 1) != 0)
		return false;
	const char *rest = tag + sizeof prefix - 1;
	size_t rest_len = len - (sizeof prefix - 1);
	*rel = NULL;
	*rel_len = 0;
	for (size_t i = 0; i < G_N_ELEMENTS(relations); i++) {
		size_t n = strlen(relations[i]);
		if (rest_len > n + 1 && strncmp(rest, relations[i], n) == 0 && rest[n] == ':') {
			*rel = rest;
			*rel_len = n;
			rest += n + 1;
			rest_len -= n + 1;
			break;
		}
	}
	*id = rest;
	*id_len = rest_len;
	return rest_len > 0;
}

static void fill_model(Dataset *ds, uint32_t m, GString *parents)
{
	AttrTable *t = &ds->attrs;
	const char *tags = strpool_str(ds->strings, t->sym[COL_TAGS][m]);
	Sym license = SYM_NONE, relation = SYM_NONE, quant = SYM_NONE;
	g_string_truncate(parents, 0);
	for (const char *s = tags;;) {
		const char *sep = strchr(s, LIST_SEP);
		size_t len = sep ? (size_t)(sep - s) : strlen(s);
		const char *id, *rel;
		size_t id_len, rel_len;
		if (!license && len > 8 && strncmp(s, "license:", 8) == 0)
			license = strpool_intern_len(ds->strings, s + 8, len - 8);
		else if (base_model_tag(s, len, &id, &id_len, &rel, &rel_len)) {
			if (rel && !relation)
				relation = strpool_intern_len(ds->strings, rel, rel_len);
			/* Add the id unless already listed. */
			char *entry = g_strndup(id, id_len);
			gchar **have = g_strsplit(parents->str, "\x1f", -1);
			if (!g_strv_contains((const gchar *const *)have, entry)) {
				if (parents->len)
					g_string_append_c(parents, LIST_SEP);
				g_string_append(parents, entry);
			}
			g_strfreev(have);
			g_free(entry);
		} else if (!quant && tags_is_quant_word(s, len))
			quant = strpool_intern_len(ds->strings, s, len);
		if (!sep)
			break;
		s = sep + 1;
	}
	if (license && !t->sym[COL_LICENSE][m]) {
		t->sym[COL_LICENSE][m] = license;
		ds->has_col[COL_LICENSE] = true;
	}
	if (relation && !t->sym[COL_BASE_RELATION][m]) {
		t->sym[COL_BASE_RELATION][m] = relation;
		ds->has_col[COL_BASE_RELATION] = true;
	}
	if (quant && !t->sym[COL_QUANTIZATION][m]) {
		t->sym[COL_QUANTIZATION][m] = quant;
		ds->has_col[COL_QUANTIZATION] = true;
	}
	if (!t->sym[COL_BASE_MODELS][m]) {
		t->sym[COL_BASE_MODELS][m] = strpool_intern_len(ds->strings, parents->str, parents->len);
		ds->has_col[COL_BASE_MODELS] = true;
	}
}

void tags_fill(Dataset *ds)
{
	if (!ds->has_col[COL_TAGS])
		return;
	GString *parents = g_string_new(NULL);
	for (uint32_t m = 0; m < ds->n_models; m++)
		if (ds->attrs.sym[COL_TAGS][m])
			fill_model(ds, m, parents);
	g_string_free(parents, TRUE);
}
