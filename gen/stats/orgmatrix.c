/* orgmatrix.c - organisation type by nation group. */
#include "orgmatrix.h"

#include <glib.h>
#include <stdlib.h>

#include "shares.h"

/* Ranked labels of the slots of KEY: top N named by total, Others (when
 * more), Unknown (when it has downloads).  *GROUP_OF maps slot -> label
 * index (UINT32_MAX: none).  Returns the labels (NULL-terminated). */
static char **rank_labels(const StrPool *strings, const GArray *slot_key, const double *total, uint32_t ns,
			  uint32_t top, uint32_t **group_of, uint32_t *n_labels)
{
	uint32_t nr;
	GroupRank *rank = shares_rank_slots(strings, slot_key, total, ns, &nr);
	uint32_t ntop = nr < top ? nr : top;
	bool others = nr > ntop, unknown = total[0] > 0;
	uint32_t n = ntop + others + unknown;
	char **labels = g_new0(char *, n + 1);
	*group_of = g_new(uint32_t, ns);
	for (uint32_t s = 0; s < ns; s++)
		(*group_of)[s] = total[s] <= 0 ? UINT32_MAX : s == 0 ? n - 1 : ntop;
	for (uint32_t i = 0; i < ntop; i++) {
		labels[i] = g_strdup(rank[i].name);
		(*group_of)[rank[i].key] = i;
	}
	if (others)
		labels[ntop] = g_strdup("Others");
	if (unknown)
		labels[n - 1] = g_strdup("Unknown");
	g_free(rank);
	*n_labels = n;
	return labels;
}

OrgMatrix *org_matrix_compute(const PeriodTable *pt, const StrPool *strings, const Sym *nation,
			      const Sym *org_type, uint32_t top_rows)
{
	GArray *rkey, *ckey;
	uint32_t *rslot, *cslot;
	uint32_t nrs = shares_slots(strings, nation, pt->n_models, &rkey, &rslot);
	uint32_t ncs = shares_slots(strings, org_type, pt->n_models, &ckey, &cslot);
	double *rtot = g_new0(double, nrs), *ctot = g_new0(double, ncs);
	for (uint32_t m = 0; m < pt->n_models; m++) {
		rtot[rslot[m]] += pt->model_total[m];
		ctot[cslot[m]] += pt->model_total[m];
	}
	OrgMatrix *om = g_new0(OrgMatrix, 1);
	uint32_t *rgroup, *cgroup;
	om->row = rank_labels(strings, rkey, rtot, nrs, top_rows, &rgroup, &om->n_rows);
	om->col = rank_labels(strings, ckey, ctot, ncs, UINT32_MAX, &cgroup, &om->n_cols);
	om->proportion = g_new0(double, (size_t)om->n_rows * om->n_cols + 1);
	om->row_total = g_new0(double, om->n_rows + 1);
	om->col_total = g_new0(double, om->n_cols + 1);
	for (uint32_t m = 0; m < pt->n_models; m++) {
		uint32_t r = rgroup[rslot[m]], c = cgroup[cslot[m]];
		if (r == UINT32_MAX || c == UINT32_MAX)
			continue;
		om->proportion[(size_t)r * om->n_cols + c] += pt->model_total[m];
		om->row_total[r] += pt->model_total[m];
		om->col_total[c] += pt->model_total[m];
	}
	for (uint32_t r = 0; r < om->n_rows; r++)
		for (uint32_t c = 0; c < om->n_cols; c++)
			om->proportion[(size_t)r * om->n_cols + c] /= om->row_total[r];
	g_free(rgroup);
	g_free(cgroup);
	g_free(rtot);
	g_free(ctot);
	g_free(rslot);
	g_free(cslot);
	g_array_free(rkey, TRUE);
	g_array_free(ckey, TRUE);
	return om;
}

void org_matrix_free(OrgMatrix *om)
{
	if (!om)
		return;
	g_strfreev(om->row);
	g_strfreev(om->col);
	g_free(om->proportion);
	g_free(om->row_total);
	g_free(om->col_total);
	g_free(om);
}
