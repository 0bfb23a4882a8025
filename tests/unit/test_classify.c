/* The model-property rules, table-driven: each row is an input and the
 * answer DESIGN.md §3 "Model properties" gives for it. */
#include <glib.h>

#include "derive/classify.h"
#include "tk.h"

static void test_output_kind(void)
{
	static const struct {
		const char *modality;
		ModelKind kind;
		int multimodal;
	} cases[] = {
		{ "Text --> Text", KIND_TEXT, 0 },
		{ "Image + Text --> Text", KIND_TEXT, 1 },
		{ "Audio + Image + Text --> Text", KIND_TEXT, 1 },
		{ "Text --> Image", KIND_IMAGE, 1 },
		{ "Image + Text --> Image", KIND_IMAGE, 1 },
		{ "Text --> Video", KIND_VIDEO, 1 },
		{ "Text --> Audio", KIND_AUDIO, 1 },
		{ "Text --> Speech", KIND_AUDIO, 1 },
		{ "Audio --> Text", KIND_TEXT, 0 },
		{ "Text --> Text Embed/Class", KIND_EMBED_CLASS, 0 },
		{ "Image + Text --> Text Embed/Class", KIND_EMBED_CLASS, 0 },
		{ "Image --> Image Embed/Class", KIND_EMBED_CLASS, 0 },
		{ "Undocumented --> Undocumented", KIND_UNKNOWN, -1 },
		{ "Text --> Undocumented", KIND_UNKNOWN, -1 },
		{ "Undocumented --> Text", KIND_TEXT, 0 },
		{ "", KIND_UNKNOWN, -1 },
		{ "Text --> 3D", KIND_OTHER, 0 },
	};
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		TK_EQ_INT(classify_output(cases[i].modality), cases[i].kind);
		TK_EQ_INT(classify_multimodal(cases[i].modality), cases[i].multimodal);
	}
	TK_EQ_INT(classify_output(NULL), KIND_UNKNOWN);
}

static void test_pipeline_tags(void)
{
	TK_EQ_INT(classify_pipeline_tag("text-generation"), KIND_TEXT);
	TK_EQ_INT(classify_pipeline_tag("feature-extraction"), KIND_EMBED_CLASS);
	TK_EQ_INT(classify_pipeline_tag("fill-mask"), KIND_EMBED_CLASS);
	TK_EQ_INT(classify_pipeline_tag("audio-classification"), KIND_EMBED_CLASS);
	TK_EQ_INT(classify_pipeline_tag("text-to-image"), KIND_IMAGE);
	TK_EQ_INT(classify_pipeline_tag("text-to-speech"), KIND_AUDIO);
	TK_EQ_INT(classify_pipeline_tag("robotics"), KIND_OTHER);
	TK_EQ_INT(classify_pipeline_tag(""), KIND_UNKNOWN);
}

static void test_quantized(void)
{
	static const struct {
		const char *quantization, *relation, *tags, *id;
		bool want;
	} cases[] = {
		{ "gguf", NULL, NULL, "a/b", true },
		{ "AWQ", NULL, NULL, "a/b", true },
		{ "none", NULL, NULL, "a/b", false },
		{ "No", NULL, NULL, "a/b", false },
		{ "FALSE", NULL, NULL, "a/b", false },
		{ "0", NULL, NULL, "a/b", false },
		{ "", NULL, NULL, "a/b", false },
		{ NULL, "quantized", NULL, "a/b", true },
		{ NULL, "finetune", NULL, "a/b", false },
		{ NULL, NULL, "transformers\x1fgguf\x1fregion:us", "a/b", true },
		{ NULL, NULL, "transformers\x1f" "4-bit", "a/b", true },
		{ NULL, NULL, "transformers\x1fggufx", "a/b", false },
		{ NULL, NULL, NULL, "TheBloke/Llama-2-7B-GPTQ", true },
		{ NULL, NULL, NULL, "x/model_awq", true },
		{ NULL, NULL, NULL, "x/model.gguf", true },
		{ NULL, NULL, NULL, "x/model-4-bit", true },
		{ NULL, NULL, NULL, "x/model-8bit", true },
		{ NULL, NULL, NULL, "mlx-community/Qwen-MLX", true },
		{ NULL, NULL, NULL, "x/gguf-model", false },
		{ NULL, NULL, NULL, "x/modelgguf", false },
		{ NULL, NULL, NULL, "x/model-4bitx", false },
		{ NULL, NULL, NULL, "bnb", false },
	};
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++)
		TK_EQ_INT(classify_quantized(cases[i].quantization, cases[i].relation, cases[i].tags, cases[i].id),
			  cases[i].want);
}

static void test_relations(void)
{
	TK_EQ_INT(classify_relation("quantized"), REL_QUANTIZED);
	TK_EQ_INT(classify_relation("finetune"), REL_FINETUNE);
	TK_EQ_INT(classify_relation("Adapter"), REL_ADAPTER);
	TK_EQ_INT(classify_relation("merge"), REL_MERGE);
	TK_EQ_INT(classify_relation("distill"), REL_OTHER);
	TK_EQ_INT(classify_relation(""), REL_NONE);
	TK_EQ_STR(classify_role_name(REL_QUANTIZED), "quantizer");
	TK_EQ_STR(classify_role_name(REL_FINETUNE), "fine-tuner");
	TK_EQ_STR(classify_role_name(REL_MERGE), "merger");
}

TK_MAIN(test_output_kind, test_pipeline_tags, test_quantized, test_relations)
