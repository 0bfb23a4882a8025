/* palette.c - the built-in qualitative palette. */
#include "palette.h"

#include <math.h>

#define HEX(v) { ((v) >> 16 & 0xff) / 255.0, ((v) >> 8 & 0xff) / 255.0, ((v) & 0xff) / 255.0 }

static const Colour default_series[PALETTE_N_DEFAULT] = {
	HEX(0x0072B2), /* blue (Okabe-Ito) */
	HEX(0xE69F00), /* orange */
	HEX(0x009E73), /* bluish green */
	HEX(0xCC79A7), /* reddish purple */
	HEX(0x56B4E9), /* sky blue */
	HEX(0xD55E00), /* vermillion */
	HEX(0xF0E442), /* yellow */
	HEX(0x332288), /* indigo (Tol muted) */
	HEX(0xDDCC77), /* sand */
	HEX(0x117733), /* green */
	HEX(0x882255), /* wine */
	HEX(0x88CCEE), /* cyan */
	HEX(0x999933), /* olive */
	HEX(0xAA4499), /* purple */
	HEX(0x44AA99), /* teal */
	HEX(0xCC6677), /* rose */
	HEX(0x77AADD), /* light blue (Tol light) */
	HEX(0xEE8866), /* light orange */
	HEX(0xBBCC33), /* pear */
	HEX(0xFFAABB), /* pink */
};

int palette_default_series(Colour *out)
{
	for (int i = 0; i < PALETTE_N_DEFAULT; i++)
		out[i] = default_series[i];
	return PALETTE_N_DEFAULT;
}

Colour palette_default_others(void)
{
	return (Colour)HEX(0x8C8C8C);
}

Colour palette_default_unknown(void)
{
	return (Colour)HEX(0xD4D4D4);
}

Colour palette_series(const Theme *th, int i)
{
	if (th->n_series <= 0)
		return default_series[(i < 0 ? 0 : i) % PALETTE_N_DEFAULT];
	return th->series[(i < 0 ? 0 : i) % th->n_series];
}

static const Colour sequential[9] = {
	HEX(0xFFFFD9), HEX(0xEDF8B1), HEX(0xC7E9B4), HEX(0x7FCDBB), HEX(0x41B6C4),
	HEX(0x1D91C0), HEX(0x225EA8), HEX(0x253494), HEX(0x081D58),
};

Colour palette_sequential(double t)
{
	double u = isnan(t) ? 0 : t < 0 ? 0 : t > 1 ? 1 : t;
	double pos = u * 8;
	int i = (int)pos < 8 ? (int)pos : 7;
	double f = pos - i;
	Colour a = sequential[i], b = sequential[i + 1];
	return (Colour){ a.r + f * (b.r - a.r), a.g + f * (b.g - a.g), a.b + f * (b.b - a.b) };
}
