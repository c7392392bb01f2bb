# SPDX-License-Identifier: MIT
# renacer: one GNU Makefile. `make`, `make demo`, `make check`, `make SANITIZE=1 check`,
# `make install PREFIX=...`, `make bench`, `make bench-quick`.

PREFIX ?= /usr/local
# V=1 shows whole compiler command lines.
Q := $(if $(filter 1,$(V)),,@)
CC ?= cc
WERROR ?= 1

ifeq ($(SANITIZE),1)
BUILD ?= build-asan
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
OPT ?= -O1
else
BUILD ?= build
SANFLAGS :=
OPT ?= -O2
endif

VERSION := 0.1.0
WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2
ifeq ($(WERROR),1)
WARN += -Werror
endif

CPPFLAGS_ALL := -Iinclude -Isrc -D_GNU_SOURCE
CFLAGS_ALL := -std=gnu11 $(OPT) -g $(WARN) $(SANFLAGS) -MMD -MP $(CFLAGS)
LIB_CFLAGS := $(CFLAGS_ALL) -fPIC -fvisibility=hidden -DRN_BUILDING_LIBRARY
LDLIBS_ALL := $(SANFLAGS) $(LDFLAGS) -lm

LIB_SRCS := $(sort $(wildcard src/util/*.c src/core/*.c src/syscalls/*.c src/symbols/*.c \
	src/backend/*.c src/output/*.c src/analysis/*.c src/lib/*.c))
CLI_SRCS := $(sort $(wildcard src/cli/*.c))
TEST_SRCS := $(sort $(wildcard tests/unit/test_*.c tests/integration/*.c))
PROG_SRCS := $(sort $(wildcard tests/progs/*.c))

LIB_OBJS := $(LIB_SRCS:%.c=$(BUILD)/obj/%.o)
CLI_OBJS := $(CLI_SRCS:%.c=$(BUILD)/obj/%.o)
TEST_OBJS := $(TEST_SRCS:%.c=$(BUILD)/obj/%.o)
PROGS := $(PROG_SRCS:tests/progs/%.c=$(BUILD)/progs/%)
HEADERS := $(sort $(wildcard src/*/*.h)) include/renacer.h

ABS_BUILD := $(abspath $(BUILD))

.PHONY: all demo check check-unit check-headers check-install deps deps-check install clean bench bench-quick progs format-check \
	bench-compare golden golden-check
all: $(BUILD)/renacer $(BUILD)/librenacer.a $(BUILD)/librenacer.so $(BUILD)/renacer.pc

$(BUILD)/obj/src/cli/%.o: src/cli/%.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -c $< -o $@

$(BUILD)/obj/src/%.o: src/%.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS_ALL) $(LIB_CFLAGS) -c $< -o $@

$(BUILD)/obj/tests/%.o: tests/%.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS_ALL) -Itests $(CFLAGS_ALL) -DRN_TEST_BUILD_DIR='"$(ABS_BUILD)"' \
		-DRN_TEST_SRC_DIR='"$(abspath .)"' -c $< -o $@

$(BUILD)/librenacer.a: $(LIB_OBJS)
	@rm -f $@
	@echo "  AR      $@"
	$(Q)ar rcs $@ $^

$(BUILD)/librenacer.so: $(LIB_OBJS)
	@echo "  LD      $@"
	$(Q)$(CC) -shared -Wl,-soname,librenacer.so.0 -o $@ $^ $(LDLIBS_ALL)

$(BUILD)/renacer: $(CLI_OBJS) $(BUILD)/librenacer.a
	@echo "  LD      $@"
	$(Q)$(CC) -o $@ $(CLI_OBJS) $(BUILD)/librenacer.a $(LDLIBS_ALL)

# pkg-config file for a prefix: $(call write_pc,PREFIX,FILE)
write_pc = printf 'prefix=%s\nlibdir=$${prefix}/lib\nincludedir=$${prefix}/include\n\nName: renacer\nDescription: system call tracer library\nVersion: %s\nLibs: -L$${libdir} -lrenacer\nLibs.private: -lm\nCflags: -I$${includedir}\n' '$(1)' '$(VERSION)' > $(2)

$(BUILD)/renacer.pc: Makefile
	@mkdir -p $(BUILD)
	@$(call write_pc,$(PREFIX),$@)

# Test programs: tiny, deterministic, never sanitized (they are tracees).
$(BUILD)/progs/%: tests/progs/%.c
	@mkdir -p $(dir $@)
	@echo "  PROG    $<"
	$(Q)$(CC) -std=gnu11 -O0 -g -Wall -Wextra -D_GNU_SOURCE -o $@ $< -pthread

progs: $(PROGS)

$(BUILD)/tests/run_tests: $(TEST_OBJS) $(BUILD)/librenacer.a
	@mkdir -p $(dir $@)
	@echo "  LD      $@"
	$(Q)$(CC) -o $@ $(TEST_OBJS) $(BUILD)/librenacer.a -lcriterion $(LDLIBS_ALL)

deps:
	@scripts/deps.sh build

deps-check:
	@scripts/deps.sh check

demo: deps
	@$(MAKE) --no-print-directory all $(BUILD)/progs/demo
	@echo '$$ $(BUILD)/renacer -- $(BUILD)/progs/demo'
	@cd $(BUILD)/progs && ../renacer -- ./demo

# Every header compiles alone; the public one also as C++.
check-headers:
	@mkdir -p $(BUILD)/hdr
	@for h in $(HEADERS); do \
		printf '#include "%s"\n' "$${h#src/}" > $(BUILD)/hdr/t.c; \
		case $$h in include/*) printf '#include <renacer.h>\n' > $(BUILD)/hdr/t.c;; esac; \
		$(CC) $(CPPFLAGS_ALL) -std=gnu11 $(WARN) -fsyntax-only $(BUILD)/hdr/t.c || exit 1; \
	done
	@printf '#include <renacer.h>\nint main(void){return rn_version()==0;}\n' > $(BUILD)/hdr/t.cc
	@g++ -Iinclude -Wall -Wextra -Werror -fsyntax-only $(BUILD)/hdr/t.cc
	@echo "headers: all self-contained, renacer.h compiles as C++"

# make install into a scratch prefix, then build a program with pkg-config.
check-install: all
	@rm -rf $(BUILD)/inst
	@$(MAKE) --no-print-directory install PREFIX=$(ABS_BUILD)/inst >/dev/null
	@$(CC) -std=c99 -Wall -Werror -o $(BUILD)/inst/use_library tests/install/use_library.c \
		$$(PKG_CONFIG_PATH=$(ABS_BUILD)/inst/lib/pkgconfig pkg-config --cflags --libs renacer) \
		-Wl,-rpath,$(ABS_BUILD)/inst/lib
	@$(BUILD)/inst/use_library /dev/null

# The whole suite: build, headers, every test; then the same under ASan+UBSan.
check: deps-check
	@$(MAKE) --no-print-directory all progs check-headers check-install
	@$(MAKE) --no-print-directory check-unit
	@if [ "$(SANITIZE)" != 1 ]; then $(MAKE) --no-print-directory SANITIZE=1 check-sanitized; fi

check-sanitized:
	@$(MAKE) --no-print-directory all progs
	@$(MAKE) --no-print-directory check-unit

check-unit: $(BUILD)/tests/run_tests $(BUILD)/renacer progs
	@echo "== tests ($(BUILD))"
	@cd $(abspath .) && LSAN_OPTIONS=suppressions=$(abspath tests/lsan.supp):print_suppressions=0 \
		$(BUILD)/tests/run_tests $(CRITERION_OPTS)

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/include
	install -m 755 $(BUILD)/renacer $(DESTDIR)$(PREFIX)/bin/renacer
	install -m 644 $(BUILD)/librenacer.a $(DESTDIR)$(PREFIX)/lib/librenacer.a
	install -m 755 $(BUILD)/librenacer.so $(DESTDIR)$(PREFIX)/lib/librenacer.so.0
	ln -sf librenacer.so.0 $(DESTDIR)$(PREFIX)/lib/librenacer.so
	install -m 644 include/renacer.h $(DESTDIR)$(PREFIX)/include/renacer.h
	$(call write_pc,$(PREFIX),$(DESTDIR)$(PREFIX)/lib/pkgconfig/renacer.pc)

bench: all
	@bench/run.sh

bench-quick: all
	@bench/run.sh --quick

# renacer compare on two 1,000,000-call traces: budget 2 s, 64 MiB.
bench-compare: all
	@bench/bench_compare.sh

# Golden traces for CI (doc/ci.md): GOLDEN_CMDS holds "NAME: COMMAND ARGS" lines.
GOLDEN_DIR ?= golden
GOLDEN_CMDS ?= $(GOLDEN_DIR)/commands.txt
golden: all
	@scripts/capture_golden_traces.sh -r $(BUILD)/renacer -o $(GOLDEN_DIR) -c $(GOLDEN_CMDS)

golden-check: all
	@scripts/capture_golden_traces.sh --check -r $(BUILD)/renacer -o $(GOLDEN_DIR) \
		-c $(GOLDEN_CMDS)

format-check:
	@clang-format --dry-run -Werror $(LIB_SRCS) $(CLI_SRCS) $(HEADERS)

clean:
	rm -rf build build-asan

-include $(LIB_OBJS:.o=.d) $(CLI_OBJS:.o=.d) $(TEST_OBJS:.o=.d)
