#!/bin/sh
# Debian's Chromium, given every --disable-features switch merged into one: Chromium reads only the last, and
# Playwright passes its own list before the one test/e2e/harness.ts adds.
features=
for arg do
  shift
  case $arg in
    --disable-features=*) features=${features:+$features,}${arg#--disable-features=} ;;
    *) set -- "$@" "$arg" ;;
  esac
done
exec /usr/bin/chromium "$@" ${features:+"--disable-features=$features"}
