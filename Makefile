# Integration Studio — the two set-up commands are `make run` and `make test`.
# Each installs what a fresh Debian 12 machine is missing, then does its job.

SHELL        := /bin/bash
.SHELLFLAGS  := -eu -o pipefail -c
.DEFAULT_GOAL := run

GO_TAGS       := webkit2_41
WAILS_VERSION := v2.15.0
TOOLS         := $(CURDIR)/.tools
WAILS         := $(TOOLS)/bin/wails
APP_BIN       := build/bin/integration-studio
ARTIFACTS     := $(CURDIR)/tests/artifacts

# Debian packages: what building and running the app needs, and what the
# test suites add (a virtual display, a real keyring, a browser).
APT_RUN  := build-essential pkg-config libgtk-3-dev libwebkit2gtk-4.1-dev
APT_TEST := xvfb xauth gnome-keyring dbus dbus-x11 chromium imagemagick

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test build deps-run deps-test vet go-test frontend-test e2e bindings bench clean

## run: install what is missing, build the app, open it on its default data dir
run: build
	./$(APP_BIN)

## test: install test dependencies and run every suite (vet, Go, Vitest, end-to-end)
test: deps-test vet frontend-test go-test e2e

build: deps-run $(WAILS) frontend/node_modules/.installed
	$(WAILS) build -tags $(GO_TAGS) -m -nosyncgomod -trimpath

deps-run:
	@scripts/apt-ensure.sh $(APT_RUN)
	@scripts/check-toolchain.sh

deps-test: deps-run $(WAILS) frontend/node_modules/.installed
	@scripts/apt-ensure.sh $(APT_TEST)

$(WAILS):
	GOBIN=$(TOOLS)/bin go install github.com/wailsapp/wails/v2/cmd/wails@$(WAILS_VERSION)

frontend/node_modules/.installed: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	touch $@

vet: deps-run
	go vet -tags $(GO_TAGS) ./...

# The keyring tests talk to a real gnome-keyring on a private session bus;
# REQUIRE_KEYRING turns "no keyring" from a skip into a failure.
go-test: deps-test
	@mkdir -p $(ARTIFACTS)
	INTEGRATION_STUDIO_REQUIRE_KEYRING=1 INTEGRATION_STUDIO_REQUIRE_SERVERS=1 scripts/with-keyring.sh \
		go test -race -tags $(GO_TAGS) -count=1 ./... 2>&1 | tee $(ARTIFACTS)/go-test.log

frontend-test: deps-test
	cd frontend && npm run typecheck && npm test

# End-to-end: Playwright drives Debian's Chromium against `wails dev` (real Go
# backend) and smoke-tests the built binary, all under a virtual display.
e2e: deps-test build
	@mkdir -p $(ARTIFACTS)
	WAILS=$(WAILS) APP_BIN=$(CURDIR)/$(APP_BIN) ARTIFACTS=$(ARTIFACTS) scripts/e2e.sh

## bench: Go benchmarks, then our import against `redocly lint` on big real specs (docs/benchmarks.md)
bench: build
	go test ./backend/worker/ -run '^$$' -bench 'ImportWithoutVacuum|Import/(helpdesk|asana)' -benchtime 3x
	scripts/bench-vs-redocly.sh

## bindings: regenerate frontend/wailsjs after changing app.go
bindings: $(WAILS)
	$(WAILS) generate module -tags $(GO_TAGS)
	chmod 644 frontend/wailsjs/runtime/*  # keep the mode wails build writes

clean:
	rm -rf build/bin frontend/node_modules $(ARTIFACTS)
