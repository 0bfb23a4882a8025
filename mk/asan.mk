# asan.mk - the whole test suite under AddressSanitizer, LeakSanitizer and
# UndefinedBehaviorSanitizer.
#
#   make check-asan   build eoi, the unit tests and the test tools with
#                     -fsanitize=address,undefined into $(ASAN_DIR)/ (its
#                     own eoi at $(ASAN_DIR)/eoi; ./eoi and build/ are left
#                     alone) and run tests/run.sh against them
#   make asan-build   only build them
#
# Any sanitizer report makes the program exit non-zero, which tests/run.sh
# counts as a failure.  Leaks are checked at every exit; the suppressions
# in $(ASAN_SUPP) cover third-party libraries only (fontconfig, Pango,
# cairo, GLib's type system, librsvg), never eoi's own code.  Programs the
# tests call besides eoi (python3, LibreOffice, poppler) are not
# instrumented.

ASAN_DIR := build-asan
ASAN_CFLAGS := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
ASAN_SUPP := tests/lsan.supp
ASAN_ENV := ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=0:detect_stack_use_after_return=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/$(ASAN_SUPP):print_suppressions=0 \
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

.PHONY: check-asan asan-build asan-objects

# The objects, tests and tools come from the rules of the Makefile run
# again with BUILD=$(ASAN_DIR) and the sanitizer flags.
asan-build:
	@$(MAKE) --no-print-directory BUILD=$(ASAN_DIR) CFLAGS="$(ASAN_CFLAGS)" asan-objects

# Only meaningful inside that run (where $(BUILD) is $(ASAN_DIR)).
asan-objects: $(ASAN_DIR)/eoi $(TEST_BIN) $(TOOL_BIN)

$(ASAN_DIR)/eoi: $(ASAN_DIR)/gen/main.o $(ASAN_DIR)/libeoi.a
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS)

check-asan: deps
	@$(MAKE) --no-print-directory asan-build
	@$(ASAN_ENV) EOI=$(ASAN_DIR)/eoi BUILD=$(ASAN_DIR) sh tests/run.sh

.PHONY: clean-asan
clean: clean-asan
clean-asan:
	rm -rf $(ASAN_DIR)
