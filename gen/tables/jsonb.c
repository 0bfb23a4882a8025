/* jsonb.c - JsonBuilder helpers. */
#include "jsonb.h"

#include <math.h>

static void key_of(JsonBuilder *b, const char *key)
{
	if (key)
		json_builder_set_member_name(b, key);
}

void jsonb_num(JsonBuilder *b, const char *key, double v)
{
	key_of(b, key);
	if (isnan(v) || isinf(v))
		json_builder_add_null_value(b);
	else
		json_builder_add_double_value(b, v);
}

void jsonb_str(JsonBuilder *b, const char *key, const char *v)
{
	key_of(b, key);
	if (v)
		json_builder_add_string_value(b, v);
	else
		json_builder_add_null_value(b);
}

void jsonb_int(JsonBuilder *b, const char *key, int64_t v)
{
	key_of(b, key);
	json_builder_add_int_value(b, v);
}

void jsonb_day(JsonBuilder *b, const char *key, Day d)
{
	char buf[11];
	jsonb_str(b, key, d == DAY_NONE ? NULL : day_format(d, buf));
}

void jsonb_doubles(JsonBuilder *b, const char *key, const double *v, size_t n, size_t stride)
{
	key_of(b, key);
	json_builder_begin_array(b);
	for (size_t i = 0; i < n; i++)
		jsonb_num(b, NULL, v[i * stride]);
	json_builder_end_array(b);
}

void jsonb_strings(JsonBuilder *b, const char *key, char *const *v, size_t n)
{
	key_of(b, key);
	json_builder_begin_array(b);
	for (size_t i = 0; i < n; i++)
		json_builder_add_string_value(b, v[i]);
	json_builder_end_array(b);
}
