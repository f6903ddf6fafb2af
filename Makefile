# The two commands of README's Quick start, and a few more for developers.
#   make run       install missing dependencies, build Release, run the main job (simplan recommend --profile tourist)
#   make test      install missing dependencies, build with warnings as errors, run every test through ctest
#   make install   build Release and install into PREFIX (default /usr/local; DESTDIR is honored)
#   make deb       build the Debian package build/deb/simplan_VERSION_ARCH.deb and check it (docs/install.md)
#   make sanitize  the whole test suite built with AddressSanitizer and UndefinedBehaviorSanitizer
#   make fuzz      each libFuzzer harness for FUZZ_SECONDS (default 60) seconds, with Clang
#   make lint      clang-tidy and cppcheck, warnings as errors
#   make hardening sanitize, fuzz and lint: what CI runs after make test
#   make bench     build Release, time simplan against jq, python3-icalendar and a floor (bench/README.md)

BUILD_DIR ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
PREFIX ?= /usr/local
FUZZ_SECONDS ?= 60
BENCH_ARGS ?=
CHECK_DEB_FLAGS ?=
CLANG ?= clang++-14

.PHONY: run test deps deps-hardening deps-package deps-bench build install deb check sanitize fuzz lint hardening bench clean

deps:
	@scripts/install-deps

deps-hardening:
	@scripts/install-deps hardening

deps-package:
	@scripts/install-deps package

deps-bench:
	@scripts/install-deps bench

build: deps
	cmake -S . -B $(BUILD_DIR)/release -DCMAKE_BUILD_TYPE=Release -DSIMPLAN_BUILD_TESTS=OFF -DCMAKE_INSTALL_PREFIX=$(PREFIX)
	cmake --build $(BUILD_DIR)/release -j $(JOBS)

install: build
	cmake --install $(BUILD_DIR)/release

# The package installs under /usr, so it has its own build directory, and links the C library dynamically, so
# that Debian's security updates of libc6 reach it. CHECK_DEB_FLAGS=--apt also installs it with apt-get and
# removes it again (as root; CI does).
deb: deps-package
	cmake -S . -B $(BUILD_DIR)/deb -DCMAKE_BUILD_TYPE=Release -DSIMPLAN_BUILD_TESTS=OFF -DCMAKE_INSTALL_PREFIX=/usr -DSIMPLAN_STATIC_LIBC=OFF
	cmake --build $(BUILD_DIR)/deb -j $(JOBS)
	cd $(BUILD_DIR)/deb && cpack -G DEB
	tests/install/check-deb $(CHECK_DEB_FLAGS) $(BUILD_DIR)/deb/simplan_*.deb

run: build
	$(BUILD_DIR)/release/simplan recommend --profile tourist

test: deps
	cmake -S . -B $(BUILD_DIR)/test -DCMAKE_BUILD_TYPE=Debug -DSIMPLAN_WERROR=ON
	cmake --build $(BUILD_DIR)/test -j $(JOBS)
	cd $(BUILD_DIR)/test && ctest --output-on-failure -j $(JOBS)

sanitize: deps
	cmake -S . -B $(BUILD_DIR)/sanitize -DCMAKE_BUILD_TYPE=Debug -DSIMPLAN_WERROR=ON -DSIMPLAN_SANITIZE=ON
	cmake --build $(BUILD_DIR)/sanitize -j $(JOBS)
	cd $(BUILD_DIR)/sanitize && ctest --output-on-failure -j $(JOBS)

fuzz: deps-hardening
	cmake -S . -B $(BUILD_DIR)/fuzz -DCMAKE_CXX_COMPILER=$(CLANG) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DSIMPLAN_FUZZ=ON -DSIMPLAN_BUILD_TESTS=OFF
	cmake --build $(BUILD_DIR)/fuzz -j $(JOBS)
	scripts/run-fuzzers $(BUILD_DIR)/fuzz $(FUZZ_SECONDS) $(JOBS)

# clang-tidy reads the compile commands of the test build (the checks are in .clang-tidy).
lint: deps-hardening
	cmake -S . -B $(BUILD_DIR)/test -DCMAKE_BUILD_TYPE=Debug -DSIMPLAN_WERROR=ON
	run-clang-tidy-14 -p $(BUILD_DIR)/test -quiet -j $(JOBS) -extra-arg=-Wno-unknown-warning-option '$(CURDIR)/src/'
	cppcheck --std=c++20 --language=c++ --enable=warning,performance,portability --error-exitcode=1 \
	  --inline-suppr --suppress=missingIncludeSystem -q -j $(JOBS) -I include -I src -I tests/support src tests fuzz

hardening: sanitize fuzz lint

check: test deb hardening

# Not part of check or CI: timings belong to one machine at one moment. BENCH_ARGS go to bench/run
# (make bench BENCH_ARGS=--quick: catalogs of 1k and 10k plans only).
bench: build deps-bench
	bench/run $(BUILD_DIR)/release/simplan $(BUILD_DIR)/bench $(BENCH_ARGS)

clean:
	rm -rf $(BUILD_DIR)
