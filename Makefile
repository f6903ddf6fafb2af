# The two commands of README's Quick start, and a few more for developers.
#   make run   install missing dependencies, build Release, run the main job (simplan recommend --profile tourist)
#   make test  install missing dependencies, build with warnings as errors, run every test through ctest

BUILD_DIR ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
PREFIX ?= /usr/local

.PHONY: run test deps build check clean

deps:
	@scripts/install-deps

build: deps
	cmake -S . -B $(BUILD_DIR)/release -DCMAKE_BUILD_TYPE=Release -DSIMPLAN_BUILD_TESTS=OFF
	cmake --build $(BUILD_DIR)/release -j $(JOBS)

run: build
	$(BUILD_DIR)/release/simplan recommend --profile tourist

test: deps
	cmake -S . -B $(BUILD_DIR)/test -DCMAKE_BUILD_TYPE=Debug -DSIMPLAN_WERROR=ON
	cmake --build $(BUILD_DIR)/test -j $(JOBS)
	cd $(BUILD_DIR)/test && ctest --output-on-failure -j $(JOBS)

check: test

clean:
	rm -rf $(BUILD_DIR)
