# fuzz.mk - libFuzzer harnesses (tests/fuzz/, see its README.md).
#
#   make fuzz [FUZZ_SECONDS=60] [FUZZ=parquet csv ...]
#                    build every harness with clang + ASan/UBSan into
#                    $(BUILD)/fuzz/ and run each for FUZZ_SECONDS on a
#                    scratch copy of its corpus; fails on any crash
#   make fuzz-build  only build them
#   make fuzz-replay replay the committed corpora and crash reproducers
#                    through the plain (non-fuzzer) replay tools, as
#                    `make test` does (tests/e2e/fuzz_corpus.sh)

FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ ?= parquet thrift page csv template
FUZZ_NAMES := parquet thrift page csv template
FUZZ_DIR := $(BUILD)/fuzz
FUZZ_OBJDIR := $(FUZZ_DIR)/obj
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS := -std=c11 -D_DEFAULT_SOURCE -DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION \
	-Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers \
	-g -O1 $(FUZZ_SAN) $(PKG_CFLAGS)
FUZZ_OBJ := $(LIB_SRC:%.c=$(FUZZ_OBJDIR)/%.o)
FUZZ_LIB := $(FUZZ_DIR)/libeoi-fuzz.a
FUZZ_BIN := $(FUZZ_NAMES:%=$(FUZZ_DIR)/fuzz_%)

.PHONY: fuzz fuzz-build fuzz-replay

# Library objects: coverage instrumentation without libFuzzer's main.
$(FUZZ_OBJDIR)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  FUZZCC  $<"
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

$(FUZZ_LIB): $(FUZZ_OBJ)
	@echo "  AR      $@"
	$(Q)rm -f $@ && ar rcs $@ $^

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_main.h $(FUZZ_LIB)
	@echo "  FUZZLD  $@"
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -Igen -o $@ $< $(FUZZ_LIB) $(LIBS)

# The replay tools are tests/tools/fuzz_*.c, which include the harnesses:
# rebuild them when a harness changes.
$(foreach h,$(FUZZ_NAMES),$(eval $(BUILD)/tools/fuzz_$(h): tests/fuzz/fuzz_$(h).c tests/fuzz/fuzz_main.h))

fuzz-build: $(FUZZ_BIN)

fuzz: fuzz-build
	@BUILD=$(BUILD) FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run.sh $(FUZZ)

fuzz-replay: $(FUZZ_NAMES:%=$(BUILD)/tools/fuzz_%)
	@BUILD=$(BUILD) sh tests/e2e/fuzz_corpus.sh
