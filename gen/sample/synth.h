/*
 * synth.h - the deterministic synthetic sample (DESIGN.md §2.3).
 *
 * synth_write() writes a CSV in the layout of the released downloads table
 * (the release's 20 columns, then the optional columns params,
 * quantization, moe, data_transparency, openness, base_relation), one row
 * per (model, weekly snapshot date), with cumulative download counters.
 * Cells are written the way pandas' to_csv writes them: `time` as
 * 2025-02-26, `created` as 2021-03-04 12:34:56+00:00, lists as Python list
 * reprs ['China'], `annotator` as 3.0 or empty, `moe` as True/False,
 * `params` as an integer or empty, missing values as empty cells.
 *
 * Nothing in the file is a statistic: every share, size median or
 * concentration figure that eoi reports is computed from the generated
 * counters like for any other input.  What the generator controls are the
 * storylines, given by SynthStory below: who uploads new models when, how
 * popular they are, and which properties new models have.  Yearly values
 * are anchors at the middle of the calendar years 2020..2025, linearly
 * interpolated in between and held constant outside.
 *
 * The default story (synth_story.c): a few US firms upload a third of the
 * models of 2020 and, with the highest popularity multiplier, most of the
 * downloads until 2022; from 2023 Chinese developers and unaffiliated users
 * take over new uploads and downloads; quantizing intermediaries appear in
 * 2023; new models grow from ~10^8 to ~10^9.7 parameters; mixture-of-
 * experts models appear in 2024; multimodal generation, "not disclosed"
 * training data and open weights (versus open source) gain ground.
 *
 * How the world is built (seeded PRNG, no other source of variation):
 *   - Developers (about 500 namespaces, some 400 of which upload a model in
 *     the default sample) in SYNTH_N_CLASSES uploader classes,
 *     each with an org_type, account kind, country and nation group
 *     (USA, China, Germany, France, United Kingdom, Canada, South Korea,
 *     Japan, India, Asia, Europe, Middle East, Latin America, Africa,
 *     Oceania, International / Online, User, Unknown) and a first active
 *     date; within a class some developers upload far more than others.
 *   - Model creation times grow exponentially (doubling every
 *     models_doubling_years); a few legacy models predate the first
 *     snapshot.  Each new model's uploader class is drawn from class_share,
 *     then a developer active at that time.
 *   - A new model is a derivative with probability derivative_prob of its
 *     class: 1-3 parents among earlier models (popularity-weighted, recent
 *     ones for quantizers, often the uploader's own for organisations;
 *     chains of depth <= 4), relation finetune / adapter / quantized /
 *     merge.  Derivatives inherit size, modality and MoE from their first
 *     parent.  A few point at ids outside the sample or hold the
 *     placeholders No / Unsure.  derived_author is the author of the root of
 *     the first-parent chain, except for n_models / 100 derivatives where
 *     it is deliberately the uploader (so given and computed attribution
 *     disagree).
 *   - Weekly downloads: popularity P = log-normal(sigma popularity_sigma)
 *     x developer factor x class_pop(class, creation time) x relation
 *     factor; expected downloads in week a after creation are
 *     P * min(1, (a+0.5)/rise) * (floor + (1-floor) exp(-a/tau)) *
 *     2^((t - 2020.5)/traffic_doubling_years), with per-week log-normal
 *     noise.  Counters are cumulative from creation.
 *   - Data-quality cases, a handful each: models without `created`, a
 *     counter that drops once, duplicated (model, time) rows (exact and
 *     stale), models first listed weeks after creation (a baseline), legacy
 *     models created before the first snapshot (a baseline too).  Every
 *     other model is first listed at the first snapshot on or after its
 *     creation day, so its first count is a real download.
 *   - Models whose popularity has faded stop being listed: a model leaves
 *     the listing after listing_weeks weeks unless its expected weekly
 *     downloads still exceed listing_min_weekly (this keeps the gzip file,
 *     which is committed, small).
 */
#ifndef EOI_SYNTH_H
#define EOI_SYNTH_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#include "../data/dates.h"

/* Uploader classes. */
typedef enum {
	SYNTH_US_BIG,    /* a few large US firms: dominant early */
	SYNTH_CHINA,     /* Chinese companies and labs: rising */
	SYNTH_ORG,       /* other organisations worldwide */
	SYNTH_USER,      /* unaffiliated individuals (nation group User) */
	SYNTH_QUANTIZER, /* intermediaries uploading -GGUF/-AWQ/-GPTQ copies */
	SYNTH_ONLINE,    /* online collectives (International / Online) */
	SYNTH_UNKNOWN,   /* developers of unknown country */
	SYNTH_N_CLASSES
} SynthClass;

/* Modalities of base models (merged_modality). */
typedef enum {
	SYNTH_MOD_EMBED,    /* Text --> Text Embed/Class */
	SYNTH_MOD_TEXT,     /* Text --> Text */
	SYNTH_MOD_VL,       /* Image + Text --> Text */
	SYNTH_MOD_T2I,      /* Text --> Image */
	SYNTH_MOD_ASR,      /* Audio --> Text */
	SYNTH_MOD_VIDEO,    /* Text --> Video */
	SYNTH_MOD_UNDOC,    /* Undocumented --> Undocumented */
	SYNTH_MOD_IMGCLS,   /* Image --> Text Embed/Class */
	SYNTH_MOD_TTS,      /* Text --> Audio */
	SYNTH_N_MODS
} SynthModality;

/* Training-data transparency categories (data_transparency). */
enum { SYNTH_DT_AVAILABLE, SYNTH_DT_UNAVAILABLE, SYNTH_DT_NOT_DISCLOSED, SYNTH_N_DT };

#define SYNTH_YEAR0 2020
#define SYNTH_YEARS 6 /* anchors for 2020..2025 */

typedef struct {
	double class_share[SYNTH_N_CLASSES][SYNTH_YEARS]; /* weight of new uploads by class */
	double class_pop[SYNTH_N_CLASSES][SYNTH_YEARS];   /* popularity multiplier by class */
	double derivative_prob[SYNTH_N_CLASSES];          /* P(new model is a derivative) */
	double modality[SYNTH_N_MODS][SYNTH_YEARS];       /* weight of base-model modalities */
	double log10_params[SYNTH_YEARS]; /* median log10(params) of new text models */
	double log10_params_sd;           /* spread around it */
	double params_tail_prob;          /* P(+0.7..2.0 decades): the heavy right tail */
	double moe_share[SYNTH_YEARS];    /* P(new text/VL base model is MoE) */
	double quantized_share[SYNTH_YEARS]; /* P(non-quantizer derivative is quantized) */
	double transparency[SYNTH_N_DT][SYNTH_YEARS]; /* weights of data_transparency */
	double open_source_share[SYNTH_YEARS];        /* P(openness = open_source) */
	double models_doubling_years;  /* creation rate doubles every ... years */
	double traffic_doubling_years; /* Hub-wide download traffic doubles every ... */
	double popularity_median;      /* median peak weekly downloads of a model */
	double popularity_sigma;       /* log-normal sigma of popularity */
	uint32_t listing_weeks;        /* weeks a faded model stays listed */
	double listing_min_weekly;     /* expected weekly downloads that keep it listed */
} SynthStory;

typedef struct {
	uint64_t seed;     /* default 20251203 */
	uint32_t n_models; /* models in the sample (legacy ones included); default 4000 */
	Day start, end;    /* weekly snapshots start, start+7, ... <= end */
	bool dense;        /* list every model at every snapshot (counter 0 before
			    * its creation, no fading out): the paper's
			    * model-week matrix, n_models x snapshots rows */
	const char *models_path; /* non-NULL: split layout (below) */
	/* Called every few thousand models with the models and rows written so
	 * far (NULL: no progress). */
	void (*progress)(uint32_t models, uint32_t n_models, uint64_t rows, void *data);
	void *progress_data;
	SynthStory story;  /* the storylines; defaults documented in synth_story.c */
} SynthOptions;

/* Fill OPT with the defaults: seed 20251203, the default model count,
 * snapshots 2020-06-03 .. 2025-08-27 (Wednesdays), the default story. */
void synth_options_default(SynthOptions *opt);

/*
 * Write the sample as CSV to PATH (gzip-compressed when PATH ends in
 * ".gz").  Rows are generated model after model and streamed out; memory
 * holds the world (developers and models, a few hundred bytes per model),
 * never the rows.
 *
 * Split layout (OPT->models_path set): PATH is a narrow downloads table
 * (model, time, downloadsAllTime) and OPT->models_path a models table with
 * one row per model and the release's attribute columns (read back with
 * --data models=FILE).  The statistics are the same as from the release
 * layout; the files are a fraction of its size, which is what makes
 * paper-scale inputs practical.  Writes to PATH.tmp and renames on success; on failure removes the
 * temp file and sets ERR (EOI_EXIT_CANTCREAT when the file cannot be
 * created, EOI_EXIT_IO when writing or renaming fails, EOI_EXIT_USAGE for
 * options that cannot make a sample: no model or end before start).
 * Stores the number of data rows written in *ROWS when ROWS != NULL.
 * The same options always give the same bytes.
 */
bool synth_write(const SynthOptions *opt, const char *path, uint64_t *rows, GError **err);

#endif
