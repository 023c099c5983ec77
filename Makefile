# One Percent. The README's two commands are `make serve` and `make test`; the rest are steps.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER := wasm-bindgen-test-runner
PORT ?= 8080

.PHONY: serve test dist size tools tools-test fmt-check lint vendor-check test-native test-wasm test-e2e size-check bench bench-pabutools fuzz fit ballot-fixtures lighthouse

## make serve: install what is missing, build the release app, serve it on 127.0.0.1:$(PORT)
serve: dist
	@echo "One Percent is served at http://127.0.0.1:$(PORT)/  (Ctrl-C stops it)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory dist

## make test: install what is missing, then every check and test layer
test: tools-test fmt-check lint vendor-check test-native test-wasm dist size-check test-e2e
	@echo "make test: all checks passed"

tools:
	bash tools/install.sh build

tools-test:
	bash tools/install.sh test

## make dist: a static release build in dist/: the app (index.html) and its other pages, each a
## wasm of its own: compare.html, workshop.html, ballots.html, embed.html and together.html. Trunk empties its dist on every build, so the
## other pages are built aside and copied in. "How well does it fit?" (fit.da.html, fit.en.html)
## the Sources page (sources.*.html) and "How the model works" (how.*.html) are static HTML
## written by the command line from scenarios/validation/, the parameter table and src/pages.rs.
PAGES := compare workshop ballots embed together
dist: tools
	python3 tools/no_warnings.py trunk build --release
	for page in $(PAGES); do \
	  python3 tools/no_warnings.py trunk build $$page.html --release --dist target/dist-$$page --html-output $$page.html && \
	  cp target/dist-$$page/* dist/ ; \
	done
	cargo run --locked --quiet --bin onepercent -- validate --format html --lang da > dist/fit.da.html
	cargo run --locked --quiet --bin onepercent -- validate --format html --lang en > dist/fit.en.html
	cargo run --locked --quiet --bin onepercent -- params --format html --lang da > dist/sources.da.html
	cargo run --locked --quiet --bin onepercent -- params --format html --lang en > dist/sources.en.html
	cargo run --locked --quiet --bin onepercent -- how --lang da > dist/how.da.html
	cargo run --locked --quiet --bin onepercent -- how --lang en > dist/how.en.html
	python3 tools/make_sw.py dist

## make size: raw and gzip bytes of every file in dist/
size: dist
	python3 tools/size.py dist

size-check:
	python3 tools/size.py dist --check
	python3 tools/no_float_printing.py target/wasm32-unknown-unknown/wasm/onepercent-web.wasm
	python3 tools/no_float_printing.py target/wasm32-unknown-unknown/wasm/onepercent-compare.wasm
	python3 tools/no_float_printing.py target/wasm32-unknown-unknown/wasm/onepercent-workshop.wasm
	python3 tools/no_float_printing.py target/wasm32-unknown-unknown/wasm/onepercent-ballots.wasm
	python3 tools/no_float_printing.py target/wasm32-unknown-unknown/wasm/onepercent-embed.wasm

fmt-check:
	cargo fmt --all -- --check

lint:
	cargo clippy --locked --workspace --all-targets -- -D warnings
	cargo clippy --locked --workspace --target wasm32-unknown-unknown --lib --bins --tests -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps --workspace --quiet

## make vendor-check: the vendored crates differ from their releases only in marked lines that
## vendor/README.md documents (tools/vendor_drift.py; fetches the releases once).
vendor-check:
	python3 tools/vendor_drift.py

test-native:
	cargo test --locked --no-fail-fast

test-wasm:
	cargo test --locked --no-fail-fast --target wasm32-unknown-unknown --test web

## make fuzz: the fuzz suite (tests/fuzz.rs) at FUZZ inputs per entry point (default 1,000,000),
## in release, printing inputs, accepted, rejected and time per entry point. `make test` runs the
## same suite at 10,000 inputs per entry point as part of test-native.
FUZZ ?= 1000000
fuzz:
	ONEPERCENT_FUZZ=$(FUZZ) cargo test --locked --release --test fuzz -- --nocapture --test-threads=1 2>&1 | grep -E '^fuzz|test result|panicked'

## make fit: the turnout fit (docs/MODEL.md): the smallest worst-case ratio any setting of the
## turnout parameters reaches on scenarios/validation/, and the values that reach it.
fit:
	cargo run --locked --release --example fit_turnout

## make ballot-fixtures: rewrite tests/fixtures/ballots/reference.json from the reference
## implementation (pabutools, pinned, in a virtual environment under target/); about 8 minutes, most
## of it pabutools counting MES with add1 in exact fractions.
PABUTOOLS_VENV := target/pabutools-venv
ballot-fixtures:
	test -x $(PABUTOOLS_VENV)/bin/python || python3 -m venv $(PABUTOOLS_VENV)
	$(PABUTOOLS_VENV)/bin/pip install --quiet pabutools==1.2.3
	$(PABUTOOLS_VENV)/bin/python tools/pabutools_fixtures.py 300

## make bench-pabutools: the ballot benchmark's elections counted by the reference (pabutools, in
## the fixtures' virtual environment), for the ratio; each counting stopped after 600 s.
bench-pabutools:
	test -x $(PABUTOOLS_VENV)/bin/python || python3 -m venv $(PABUTOOLS_VENV)
	$(PABUTOOLS_VENV)/bin/pip install --quiet pabutools==1.2.3
	cargo bench --locked --bench ballots
	$(PABUTOOLS_VENV)/bin/python tools/pabutools_bench.py 600

## make bench: model benchmarks (figures, not pass/fail)
## Each benchmark starts with how busy the machine was the second before (tools/machine.mjs): its
## figures hold for a quiet machine, and a build beside it doubles them.
bench: tools-test dist
	cargo bench --locked --bench model --no-run
	node tools/machine.mjs
	cargo bench --locked --bench model
	cargo bench --locked --bench ballots --no-run
	node tools/machine.mjs
	cargo bench --locked --bench ballots
	cargo test --locked --profile wasm --target wasm32-unknown-unknown --test web_bench --no-run
	node tools/machine.mjs
	cargo test --locked --profile wasm --target wasm32-unknown-unknown --test web_bench -- --nocapture
	node tools/bench-repaint.mjs
	node tools/bench-ballots.mjs

test-e2e:
	node --test --test-concurrency=1 tests/e2e/

## make lighthouse: Lighthouse 12.2.3 (its mobile profile: slow 4G, 4x CPU slowdown) on every view
## of every page of dist/, served locally and gzipped, as one table (figures, not pass/fail).
## Installed once under target/lighthouse, apart from the test tools (13.x wants Node 22).
LIGHTHOUSE := target/lighthouse/node_modules/.bin/lighthouse
lighthouse: tools-test dist
	test "$$($(LIGHTHOUSE) --version 2>/dev/null)" = 12.2.3 || npm i -E --no-audit --no-fund --prefix target/lighthouse lighthouse@12.2.3
	node tools/lighthouse.mjs
