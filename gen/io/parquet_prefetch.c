/*
 * parquet_prefetch.c - row groups decoded one ahead on a worker thread (see
 * parquet_prefetch.h).
 *
 * Two groups circulate between two queues: the worker pops a free group,
 * fills it with the next row group and pushes it to the ready queue; the
 * caller pops ready groups in row-group order and pushes them back free.
 * Stopping sets a flag and pushes a free group so a waiting worker wakes.
 */
#include "parquet_prefetch.h"

#define N_GROUPS 2

typedef struct {
	PrefetchGroup g;
	bool ok;
	GError *load_error;
} Slot;

struct Prefetch {
	ParquetFile *f;
	PrefetchColumn *cols;
	int n_cols;
	int *rgs;    /* the row groups to decode, in order */
	int n_rgs;
	PrefetchCheck check;
	GDestroyNotify scratch_free;
	void *check_data;
	Slot slots[N_GROUPS];
	GAsyncQueue *free_q, *ready_q;
	GThread *thread;
	gint stop;   /* atomic: the caller wants no more row groups */
	int next;    /* index into rgs of the next row group to decode (worker, or
		      * the caller when there is no worker) */
};

/* Decode row group RG into S. */
static void fill(Prefetch *p, Slot *s, int rg)
{
	s->g.rg = rg;
	s->ok = true;
	g_clear_error(&s->load_error);
	g_clear_error(&s->g.check_error);
	for (int i = 0; i < p->n_cols && s->ok; i++)
		s->ok = icol_load(&s->g.cols[i], p->f, rg, &s->load_error);
	if (s->ok && p->check)
		p->check(&s->g, p->check_data, &s->g.check_error);
}

static gpointer worker(gpointer data)
{
	Prefetch *p = data;
	while (p->next < p->n_rgs) {
		Slot *s = g_async_queue_pop(p->free_q);
		if (g_atomic_int_get(&p->stop))
			break;
		fill(p, s, p->rgs[p->next++]);
		g_async_queue_push(p->ready_q, s);
		if (!s->ok)
			break; /* the caller stops at this group */
	}
	return NULL;
}

Prefetch *prefetch_start(ParquetFile *f, const PrefetchColumn *cols, int n_cols, const int *rgs, int n_rgs,
			 PrefetchCheck check, GDestroyNotify scratch_free, void *check_data)
{
	Prefetch *p = g_new0(Prefetch, 1);
	p->f = f;
	p->cols = g_memdup2(cols, (gsize)n_cols * sizeof *cols);
	p->n_cols = n_cols;
	if (!rgs)
		n_rgs = f->n_row_groups;
	p->n_rgs = n_rgs;
	p->rgs = g_new(int, n_rgs ? n_rgs : 1);
	for (int i = 0; i < n_rgs; i++)
		p->rgs[i] = rgs ? rgs[i] : i;
	p->check = check;
	p->scratch_free = scratch_free;
	p->check_data = check_data;
	p->free_q = g_async_queue_new();
	p->ready_q = g_async_queue_new();
	for (int k = 0; k < N_GROUPS; k++) {
		Slot *s = &p->slots[k];
		s->g.cols = g_new0(ICol, n_cols ? n_cols : 1);
		for (int i = 0; i < n_cols; i++)
			icol_init(&s->g.cols[i], f, cols[i].field, cols[i].col);
		g_async_queue_push(p->free_q, s);
	}
	if (n_rgs > 1)
		p->thread = g_thread_try_new("eoi-prefetch", worker, p, NULL);
	return p;
}

PrefetchGroup *prefetch_next(Prefetch *p, GError **err)
{
	Slot *s;
	if (p->thread) {
		s = g_async_queue_pop(p->ready_q);
	} else {
		s = g_async_queue_pop(p->free_q);
		fill(p, s, p->rgs[p->next++]);
	}
	if (!s->ok) {
		g_propagate_error(err, s->load_error);
		s->load_error = NULL;
		g_async_queue_push(p->free_q, s);
		return NULL;
	}
	return &s->g;
}

void prefetch_release(Prefetch *p, PrefetchGroup *g)
{
	g_async_queue_push(p->free_q, (Slot *)g); /* g is the first member of its Slot */
}

void prefetch_stop(Prefetch *p)
{
	if (!p)
		return;
	if (p->thread) {
		g_atomic_int_set(&p->stop, 1);
		/* Wake a worker waiting for a free group; it sees the flag. */
		g_async_queue_push(p->free_q, &p->slots[0]);
		g_thread_join(p->thread);
	}
	for (int k = 0; k < N_GROUPS; k++) {
		Slot *s = &p->slots[k];
		for (int i = 0; i < p->n_cols; i++)
			icol_clear(&s->g.cols[i]);
		g_free(s->g.cols);
		if (s->g.scratch && p->scratch_free)
			p->scratch_free(s->g.scratch);
		g_clear_error(&s->load_error);
		g_clear_error(&s->g.check_error);
	}
	/* The queues hold only pointers into slots. */
	while (g_async_queue_try_pop(p->free_q))
		;
	while (g_async_queue_try_pop(p->ready_q))
		;
	g_async_queue_unref(p->free_q);
	g_async_queue_unref(p->ready_q);
	g_free(p->cols);
	g_free(p->rgs);
	g_free(p);
}
