# eoi - statistics, figures, tables and report of "Economies of Open
# Intelligence" from the released Hugging Face downloads data.
#
#   make            build ./eoi
#   make deps       install the Debian packages the build and tests need
#   make figures    deps + build + render every figure into out/figures/
#   make tables     deps + build + write the workbook into out/tables/
#   make report     deps + build + write the quarterly report into out/report/
#   make test       deps + build + run every test
#   make bench      benchmarks: every stage on the sample and a 3M-row file
#   make bench-full the same plus the paper's scale (233M rows; minutes)
#   make fuzz       run each libFuzzer harness FUZZ_SECONDS (mk/fuzz.mk)
#   make check-asan the tests under ASan/UBSan/LSan (mk/asan.mk)
#   make clean      remove build products and out/
#
# V=1 shows the commands.  CC=clang works too.

CC ?= cc
CFLAGS ?= -O2 -g
PKGS := glib-2.0 gio-2.0 cairo cairo-pdf cairo-svg cairo-png pango pangocairo pangoft2 \
	fontconfig freetype2 zlib libzstd snappy liblz4 libbrotlidec gsl json-glib-1.0 xlsxwriter librsvg-2.0 nettle
# libcsv ships no .pc file.
EXTRA_LIBS := -lcsv -lm

# Debian packages: build, then test tools.
DEB_BUILD := make gcc pkg-config libglib2.0-dev libcairo2-dev libpango1.0-dev libcsv-dev \
	zlib1g-dev libzstd-dev libsnappy-dev liblz4-dev libbrotli-dev libgsl-dev \
	libjson-glib-dev libxlsxwriter-dev librsvg2-dev nettle-dev
DEB_TEST := poppler-utils librsvg2-bin python3-openpyxl libreoffice-calc-nogui time
# Fuzzing (make fuzz): clang with its libFuzzer and sanitizer runtimes
# (only recommended by clang, so named), llvm-symbolizer for stacks.
DEB_FUZZ := clang libclang-rt-14-dev llvm-14

OUT ?= out
BUILD := build

ifeq ($(V),1)
Q :=
else
Q := @
endif

SRC := $(sort $(wildcard gen/*.c gen/*/*.c))
LIB_SRC := $(filter-out gen/main.c,$(SRC))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TOOL_SRC := $(sort $(wildcard tests/tools/*.c))
TOOL_BIN := $(TOOL_SRC:tests/tools/%.c=$(BUILD)/tools/%)

# pkg-config is only consulted when building (not for deps/clean).
ifeq ($(filter deps deps-build install-debs clean,$(MAKECMDGOALS)),)
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
endif

ALL_CFLAGS := -std=c11 -D_DEFAULT_SOURCE -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers $(PKG_CFLAGS) $(CFLAGS)
LIBS := $(PKG_LIBS) $(EXTRA_LIBS)

.PHONY: all deps deps-build install-debs figures tables report test bench bench-full clean

all: eoi

eoi: $(BUILD)/gen/main.o $(BUILD)/libeoi.a
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/libeoi.a: $(LIB_OBJ)
	@echo "  AR      $@"
	$(Q)rm -f $@ && ar rcs $@ $^

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(BUILD)/libeoi.a
	@mkdir -p $(dir $@)
	@echo "  TEST    $@"
	$(Q)$(CC) $(ALL_CFLAGS) -Igen -o $@ $< $(BUILD)/libeoi.a $(LIBS)

$(BUILD)/tools/%: tests/tools/%.c $(BUILD)/libeoi.a
	@mkdir -p $(dir $@)
	@echo "  TOOL    $@"
	$(Q)$(CC) $(ALL_CFLAGS) -Igen -o $@ $< $(BUILD)/libeoi.a $(LIBS)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# Further targets (fuzzing, sanitizers, ...) live in mk/*.mk.
include $(sort $(wildcard mk/*.mk))

# Install what is missing, with sudo when not root; nothing when all present.
# `deps` is everything the build and the tests need; the output targets
# only need the build packages.
deps:
	@$(MAKE) --no-print-directory install-debs DEBS="$(DEB_BUILD) $(DEB_TEST) $(DEB_FUZZ)"

deps-build:
	@$(MAKE) --no-print-directory install-debs DEBS="$(DEB_BUILD)"

install-debs:
	@missing=""; for p in $(DEBS); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "  DEPS   $$missing"; \
		if [ "$$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi; \
		$$SUDO apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q --no-install-recommends $$missing; \
	fi

figures: deps-build
	$(MAKE) eoi
	./eoi figures --out $(OUT)

tables: deps-build
	$(MAKE) eoi
	./eoi tables --out $(OUT)

report: deps-build
	$(MAKE) eoi
	./eoi report --out $(OUT)

test: deps
	$(MAKE) eoi $(TEST_BIN) $(TOOL_BIN)
	@EOI=./eoi BUILD=$(BUILD) sh tests/run.sh

bench: deps
	$(MAKE) eoi
	@EOI=./eoi BUILD=$(BUILD) sh tests/bench.sh

bench-full: deps
	$(MAKE) eoi
	@EOI=./eoi BUILD=$(BUILD) FULL=1 sh tests/bench.sh

clean:
	rm -rf $(BUILD) eoi $(OUT)
