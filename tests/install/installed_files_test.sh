#!/usr/bin/env bash
# installed_files_test.sh BUILD_DIR SOURCE_DIR
#
# Installs the build into a temporary prefix with `cmake --install` and checks that:
# - the installed files are exactly those docs/install.md lists (every page of docs/ included);
# - the installed simplan, run from another directory with a clean environment and nothing of the source
#   or build tree on its paths, prints byte for byte what the built one prints.
# Prints each problem and exits 1 when there is any.
set -uo pipefail

build=$(cd "$1" && pwd)
source=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
problems=0
problem() {
  echo "$*"
  problems=$((problems + 1))
}

if ! cmake --install "$build" --prefix "$prefix" >"$work/install.log" 2>&1; then
  cat "$work/install.log"
  exit 1
fi

# ---- the file list ---------------------------------------------------------------------------------
mapfile -t documented < <(sed -n '/<!-- installed-files -->/,/<!-- \/installed-files -->/p' "$source/docs/install.md" |
  grep -v -e '^<!--' -e '^```')
mapfile -t installed < <(cd "$prefix" && find . ! -type d | sed 's|^\./||' | LC_ALL=C sort)
[ ${#documented[@]} -gt 5 ] || problem "docs/install.md lists no installed files between <!-- installed-files --> markers"
for file in "${installed[@]}"; do
  matched=0
  for pattern in "${documented[@]}"; do
    # shellcheck disable=SC2053  # the pattern is a glob on purpose
    [[ $file == $pattern ]] && matched=1
  done
  [ $matched = 1 ] || problem "installed but not in docs/install.md: $file"
done
for pattern in "${documented[@]}"; do
  # shellcheck disable=SC2086  # expand the glob
  [ -e "$(compgen -G "$prefix/$pattern" | head -n 1)" ] || problem "in docs/install.md but not installed: $pattern"
done
for page in "$source"/docs/*.md; do
  [ -f "$prefix/share/doc/simplan/docs/$(basename "$page")" ] || problem "docs/$(basename "$page") is not installed"
done
[ -x "$prefix/bin/simplan" ] || problem "bin/simplan is not executable"

# ---- the installed binary works from anywhere, on its own --------------------------------------------
mkdir -p "$work/elsewhere" "$work/home"
run_in_clean_env() {  # run_in_clean_env SIMPLAN ARGS...
  (cd "$work/elsewhere" && env -i PATH=/usr/bin:/bin HOME="$work/home" LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1795953600 \
    "$@" 2>&1; echo "exit $?")
}
for args in "--today 2026-12-01 recommend --profile tourist" \
            "--today 2026-12-01 recommend --profile student --call CN --format json" \
            "--today 2026-12-01 remind --plan tello-unlimited --start 2026-12-01 --export ics" \
            "--today 2026-12-01 --lang zh-Hans plans --kind travel" \
            "--version"; do
  # shellcheck disable=SC2086  # split the arguments
  expected=$(run_in_clean_env "$build/simplan" $args)
  # shellcheck disable=SC2086
  actual=$(run_in_clean_env "$prefix/bin/simplan" $args)
  [ "${#expected}" -gt 100 ] || [ "$args" = --version ] || problem "simplan $args printed too little: $expected"
  [ "$expected" = "$actual" ] || problem "the installed 'simplan $args' differs from the built one:
$(diff <(echo "$expected") <(echo "$actual") | head -n 20)"
done
[ -z "$(ls -A "$work/elsewhere")" ] || problem "simplan left files in the working directory: $(ls -A "$work/elsewhere")"

# The installed simplan finds the installed simplan-caldav: a sync to a port where nothing listens gets as far
# as connecting (exit 5), not "cannot run simplan-caldav" (exit 4).
printf '{"url": "http://127.0.0.1:9/calendar/", "username": "me"}' > "$work/caldav.json"
sync=$(run_in_clean_env env SIMPLAN_CALDAV_CONFIG="$work/caldav.json" SIMPLAN_CALDAV_PASSWORD=x \
  "$prefix/bin/simplan" --today 2026-12-01 remind --sync caldav)
case "$sync" in
  *"cannot connect to http://127.0.0.1:9/calendar/"*"exit 5") ;;
  *) problem "the installed simplan did not reach the CalDAV step through simplan-caldav: $sync" ;;
esac

if [ $problems -gt 0 ]; then
  echo "$problems problems"
  exit 1
fi
echo "installed ${#installed[@]} files as documented; the installed simplan works from another directory"
