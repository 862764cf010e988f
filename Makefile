# The two commands of the README. Everything they need is installed by scripts/install-deps.sh.
.PHONY: run test package-test package-windows package-windows-test windows-cli-test bench-startup bench-ingest bench-documents bench-backup bench-package bench-scale bench-intake screenshots

## Build Recours and open it (installs what is missing first).
run:
	scripts/run.sh

## Install what the tests need, then run every check and test.
test:
	scripts/test.sh

## Startup time and memory against a hello-world Tauri app built in the same run (not part of `make test`).
bench-startup:
	bench/startup/run.sh

## Attaching 200 files (1 GB) through the store against cp + sha256sum of the same files.
bench-ingest:
	bench/ingest/run.sh

## 10 000 dossiers and 50 000 pieces through the store: p50/p99 of every call the screens make.
bench-scale:
	bench/scale/run.sh

## Proposals read from 200 documents (e-mails, a saved page, PDFs) against reading their text only.
bench-intake:
	bench/intake/run.sh

## One letter typeset warm, and a 50-piece export against zip of the same files.
bench-documents:
	bench/documents/run.sh

## Back up and restore 1 GB of pieces against cp + sha256sum of the same files.
bench-backup:
	bench/backup/run.sh

## The .deb's and the Windows installer's sizes against their ceilings, beside a hello-world Tauri .deb.
bench-package:
	bench/package/run.sh

## Build the .deb, install it, run the smoke test against the installed app, remove it.
package-test:
	scripts/package-test.sh

## Build the Windows installer here (mingw-w64 + NSIS): target/windows-installer/Recours_<version>_x64-setup.exe
package-windows:
	scripts/package-windows.sh

## Build it, then install, run (CLI round trip, GUI up to its WebView2 check) and uninstall it under Wine.
package-windows-test:
	scripts/package-windows-test.sh

## CI's Windows check: recours-cli.exe built for Windows and run through the same round trip under Wine.
windows-cli-test:
	scripts/windows-cli-test.sh

## Refresh the README screenshots in docs/ from the real window.
screenshots:
	RECOURS_SCREENSHOT_DIR=$(CURDIR)/docs xvfb-run -a -s "-screen 0 1280x860x24" npm --prefix tests/e2e test --silent
