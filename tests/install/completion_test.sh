#!/usr/bin/env bash
# completion_test.sh SIMPLAN
#
# Loads the scripts `simplan completion bash|zsh|fish` prints into each shell and asks for completions the
# way the shell would on <TAB>, with simplan on PATH (plan ids and line labels come from simplan itself) and
# a lines file of one line. Prints each wrong answer and exits 1 when there is any.
set -uo pipefail

simplan=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PATH="$(dirname "$simplan"):$PATH" HOME=$work/home LC_ALL=C.UTF-8 SIMPLAN_LINES=$work/lines.json
unset SIMPLAN_CATALOG XDG_CONFIG_HOME XDG_DATA_DIRS
mkdir -p "$HOME"
simplan --today 2026-11-01 lines add --plan tello-unlimited --start 2026-11-01 --label "Tello line" >/dev/null || exit 1
simplan completion bash >"$work/simplan.bash" && simplan completion zsh >"$work/_simplan" &&
  simplan completion fish >"$work/simplan.fish" || exit 1

failures=0
expect() {  # expect WHAT EXPECTED ACTUAL
  if [ "$2" != "$3" ]; then
    printf '%s\n  expected: %s\n  got:      %s\n' "$1" "$2" "$3"
    failures=$((failures + 1))
  fi
}

# ---- bash: what the completion function puts in COMPREPLY for a command line ending in the cursor ------
bash_complete() {
  bash --norc --noprofile -c '
    source "$1" || exit 1
    shift
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
    _simplan simplan "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    printf "%s\n" "${COMPREPLY[@]}"' bash "$work/simplan.bash" "$@" | paste -sd ' ' -
}
expect "bash: simplan re<TAB>" "recommend remind renew" "$(bash_complete simplan re)"
expect "bash: simplan recommend --profile <TAB>" "tourist student resident long-term-resident heavy-data" \
  "$(bash_complete simplan recommend --profile '')"
expect "bash: simplan --format t<TAB>" "table tsv" "$(bash_complete simplan --format t)"
expect "bash: simplan remind --ex<TAB>" "--export" "$(bash_complete simplan remind --ex)"
expect "bash: simplan remind --sync <TAB>" "caldav vdir" "$(bash_complete simplan remind --sync '')"
expect "bash: simplan lines renewed <TAB> (a line label, its space escaped)" 'Tello\ line' "$(bash_complete simplan lines renewed '')"
expect "bash: simplan plans show tello-unl<TAB> (plan ids)" "tello-unlimited tello-unlimited-talk-text" \
  "$(bash_complete simplan plans show tello-unl | tr ' ' '\n' | sort | paste -sd ' ' -)"
expect "bash: simplan lines add --plan mint-unlimited-1<TAB>" "" "$(bash_complete simplan lines add --plan mint-unlimited-1)"
expect "bash: complete -p simplan" "complete -F _simplan simplan" \
  "$(bash --norc --noprofile -c 'source "$1" && complete -p simplan' bash "$work/simplan.bash")"

# ---- zsh: the candidates the function hands to compadd (zsh filters them by the prefix itself) ---------
zsh_complete() {
  zsh -f -c '
    compadd() { [[ $1 == -a ]] && print -l -- ${(P)2} }
    _files() { print -- "(files)" }
    source "$1" >/dev/null || exit 1
    shift
    words=("$@"); CURRENT=$#
    _simplan' zsh "$work/_simplan" "$@" | paste -sd ' ' -
}
expect "zsh: the script is valid zsh" "0" "$(zsh -n "$work/_simplan"; echo $?)"
expect "zsh: simplan re<TAB>" "recommend compare remind lines renew plans catalog completion" "$(zsh_complete simplan re)"
expect "zsh: simplan remind --line <TAB>" "Tello line" "$(zsh_complete simplan remind --line '')"
expect "zsh: simplan --catalog <TAB>" "(files)" "$(zsh_complete simplan --catalog '')"

# ---- fish: `complete -C` answers as on <TAB>: each candidate, a tab, its description -------------------
fish_complete() {
  fish --no-config -c "source '$work/simplan.fish'; complete -C '$1'" | cut -f1 | paste -sd ' ' -
}
expect "fish: simplan re<TAB>" "recommend remind renew" "$(fish_complete 'simplan re')"
expect "fish: simplan recommend --profile <TAB>" "heavy-data long-term-resident resident student tourist" \
  "$(fish_complete 'simplan recommend --profile ' | tr ' ' '\n' | sort | paste -sd ' ' -)"
expect "fish: simplan renew Tel<TAB>" "Tello line" "$(fish_complete 'simplan renew Tel')"

if [ "$failures" -gt 0 ]; then
  echo "$failures completion checks failed"
  exit 1
fi
echo "all completion checks passed"
