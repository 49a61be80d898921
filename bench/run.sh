#!/usr/bin/env bash
# Benchmark of dangjian against the "floor" (reading and parsing every file, nothing else).
#
#   bench/run.sh                  # 20,000 members
#   bench/run.sh --big            # 20,000 and 200,000 members (slow: generates ~700,000 files)
#   bench/run.sh --sizes "500 20000" --runs 5 --seed 7
#   bench/run.sh --regen          # regenerate the workspaces even if present
#   bench/run.sh --baseline OLD   # time the dangjian binary OLD too, beside the new figures
#   bench/run.sh --district 10    # the district of SPEC §10: N included workspaces (0: none)
#   bench/run.sh --district-members 20000   # its members in all (default: the first size)
#   (sizes of 100,000 members and more are timed --big-runs times, default 1)
#
# Every command is timed in turn with the floor (floor, command, floor, command …) and its
# "× floor" is the median of the ratios of each pair, so that the machine's drift cancels.
#
# Results go to bench/out/ (git-ignored): generated workspaces, hyperfine JSON, and a markdown
# table (also printed). A command that fails (for example not built yet) is reported as n/a.
set -uo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/bench/out
SIZES="20000"
RUNS=5
BIG_RUNS=1
WRITE_RUNS=30
SEED=1
REGEN=0
BASE=""
DISTRICT=10
DISTRICT_MEMBERS=""
while [ $# -gt 0 ]; do
    case "$1" in
        --big) SIZES="20000 200000" ;;
        --sizes) SIZES="$2"; shift ;;
        --runs) RUNS="$2"; shift ;;
        --big-runs) BIG_RUNS="$2"; shift ;;
        --write-runs) WRITE_RUNS="$2"; shift ;;
        --seed) SEED="$2"; shift ;;
        --regen) REGEN=1 ;;
        --baseline) BASE="$2"; shift ;;
        --district) DISTRICT="$2"; shift ;;
        --district-members) DISTRICT_MEMBERS="$2"; shift ;;
        -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
        *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done
mkdir -p "$OUT"
export DANGJIAN_AS_OF=2026-11-20 NO_COLOR=1
AS_OF=$DANGJIAN_AS_OF

echo "building (release) ..." >&2
cargo build -q --release --bin dangjian --example gen --example floor || exit 2
BIN=$ROOT/target/release/dangjian
GEN=$ROOT/target/release/examples/gen
FLOOR=$ROOT/target/release/examples/floor

HYPERFINE=$(command -v hyperfine || true)
TIME=/usr/bin/time
[ -x "$TIME" ] || TIME=""

# median_seconds <runs> <prepare-cmd or ""> <cmd...>: median wall time in seconds, or "n/a"
# when the command exits with a status outside OK_CODES.
OK_CODES="0"
median_seconds() {
    local runs=$1 prepare=$2; shift 2
    local json=$OUT/hf-$$.json
    # One plain run first: does it work at all?
    [ -n "$prepare" ] && bash -c "$prepare"
    "$@" >/dev/null 2>"$OUT/last-stderr.txt"
    local code=$?
    if ! [[ " $OK_CODES " == *" $code "* ]]; then
        echo "n/a"
        return
    fi
    if [ -n "$HYPERFINE" ]; then
        local cmd
        cmd=$(printf '%q ' "$@")
        local args=(--style none --shell bash --runs "$runs" --export-json "$json" -i)
        [ -n "$prepare" ] && args+=(--prepare "$prepare")
        "$HYPERFINE" "${args[@]}" "$cmd" >/dev/null 2>&1 || { echo "n/a"; return; }
        python3 -c 'import json,sys; print("%.4f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$json"
        rm -f "$json"
    else
        local times=() i s e
        for ((i = 0; i < runs; i++)); do
            [ -n "$prepare" ] && bash -c "$prepare"
            s=$(date +%s.%N)
            "$@" >/dev/null 2>&1
            e=$(date +%s.%N)
            times+=("$(echo "$e - $s" | bc -l)")
        done
        printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.4f\n", m}'
    fi
}

# interleaved <runs> <cmd...>: "<median seconds>|<median ratio to the floor>" of <runs> runs of
# the command each right after a run of the floor on $FLOOR_WS, or "n/a|n/a" when the command
# exits with a status outside OK_CODES.
interleaved() {
    local runs=$1; shift
    "$@" >/dev/null 2>"$OUT/last-stderr.txt"
    local code=$?
    if ! [[ " $OK_CODES " == *" $code "* ]]; then
        echo "n/a|n/a"
        return
    fi
    local times=() ratios=() i s m e
    for ((i = 0; i < runs; i++)); do
        s=$(date +%s%N)
        "$FLOOR" "$FLOOR_WS" >/dev/null 2>&1
        m=$(date +%s%N)
        "$@" >/dev/null 2>&1
        e=$(date +%s%N)
        times+=("$(awk -v a="$m" -v b="$e" 'BEGIN {printf "%.4f", (b - a) / 1e9}')")
        ratios+=("$(awk -v f="$((m - s))" -v c="$((e - m))" 'BEGIN {printf "%.4f", c / f}')")
    done
    printf '%s|%s\n' "$(median_of 3 "${times[@]}")" "$(median_of 2 "${ratios[@]}")"
}

median_of() { # median_of <decimals> <numbers...>
    local p=$1; shift
    printf '%s\n' "$@" | sort -g |
        awk -v p="$p" '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.*f\n", p, m}'
}

# usage_of <cmd...>: "<cpu seconds (user+sys)>|<peak resident memory in MB>" of one run (or n/a)
usage_of() {
    if [ -z "$TIME" ]; then echo "n/a|n/a"; return; fi
    local f=$OUT/time-$$.txt
    "$TIME" -f '%U %S %M' -o "$f" "$@" >/dev/null 2>&1
    local line
    line=$(tail -1 "$f" 2>/dev/null)
    rm -f "$f"
    if [[ "$line" =~ ^[0-9.]+\ [0-9.]+\ [0-9]+$ ]]; then
        awk -v l="$line" 'BEGIN {split(l, a, " "); printf "%.2f|%.0f", a[1] + a[2], a[3] / 1024}'
    else
        echo "n/a|n/a"
    fi
}

ratio() { # ratio <t> <floor>
    if [[ "$1" == n/a || "$2" == n/a ]]; then echo "n/a"; else awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; fi
}

# A post and a member serving on it on AS_OF, for the writing command.
pick_holder() { # pick_holder <ws> -> "post member"
    local ws=$1 f
    for f in "$ws"/posts/*-pingan.toml "$ws"/posts/*.toml; do
        awk -v post="$(basename "$f" .toml)" '
            function flush() { if (m != "" && c && !e) { print post, m; found = 1; exit } }
            /^\[\[holder\]\]/ { flush(); m = ""; c = 0; e = 0; inh = 1; next }
            /^\[/ { if (inh) flush(); inh = 0 }
            inh && /^member = / { gsub(/"/, "", $3); m = $3 }
            inh && /^confirmed = / { c = 1 }
            inh && /^ended = / { e = 1 }
            END { if (!found && inh) flush() }' "$f" | head -1 | grep . && return
    done
}

MACHINE="$(nproc) cores (load average $(cut -d' ' -f1-3 /proc/loadavg)), $(free -h | awk '/^Mem:/ {print $2}') RAM, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
REPORT=$OUT/results.md
{
    echo "Machine: $MACHINE; $(date -u +%Y-%m-%d) commit $(git rev-parse --short HEAD 2>/dev/null)"
    echo
} >"$REPORT"

# table <title>: the rows so far as a markdown table, appended to the report.
table() {
    {
        echo "### $1"
        echo
        if [ -n "$BASE" ]; then
            echo "| command | median wall (s) | × floor | CPU (s) | peak memory (MiB) | × floor, baseline | peak memory, baseline (MiB) |"
            echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
        else
            echo "| command | median wall (s) | × floor | CPU (s) | peak memory (MiB) |"
            echo "| --- | ---: | ---: | ---: | ---: |"
        fi
        local r a b c d e f g
        for r in "${rows[@]}"; do
            IFS='|' read -r a b c d e f g <<<"$r"
            if [ -n "$BASE" ]; then
                echo "| $a | $b | $c | $d | $e | ${f:-–} | ${g:-–} |"
            else
                echo "| $a | $b | $c | $d | $e |"
            fi
        done
        echo
    } >>"$REPORT"
}

declare -A CHECK_T
for N in $SIZES; do
    WS=$OUT/ws-$N-s$SEED
    if [ "$REGEN" = 1 ] || [ ! -f "$WS/dangjian.toml" ]; then
        echo "generating $N members into $WS ..." >&2
        "$GEN" --members "$N" --seed "$SEED" --out "$WS" || exit 2
    fi
    # The same workspace with one item of every letter unquantified: many findings.
    WSU=$OUT/ws-$N-s$SEED-unquantified
    if [ "$REGEN" = 1 ] || [ ! -f "$WSU/dangjian.toml" ]; then
        echo "generating $N members (unquantified items) into $WSU ..." >&2
        "$GEN" --members "$N" --seed "$SEED" --out "$WSU" --unquantified || exit 2
    fi
    FILES=$(find "$WS" -name '*.toml' | wc -l)
    R=$RUNS
    [ "$N" -ge 100000 ] && R=$BIG_RUNS
    echo "== $N members, $FILES files ==" >&2
    # Warm the page cache once.
    "$FLOOR" "$WS" >/dev/null 2>&1

    rows=()
    OK_CODES="0"
    FLOOR_WS=$WS
    floor_t=$(median_seconds "$R" "" "$FLOOR" "$WS")
    rows+=("floor (read + parse)|$floor_t|1.00|$(usage_of "$FLOOR" "$WS")||")
    echo "  floor: $floor_t" >&2

    bench_cmd() { # bench_cmd <label> <ok codes> <workspace> <args...>
        local label=$1; OK_CODES=$2; local ws=$3; shift 3
        local tr t r
        tr=$(interleaved "$R" "$BIN" -C "$ws" "$@")
        t=${tr%|*}; r=${tr#*|}
        local usage="n/a|n/a"
        [ "$t" != n/a ] && usage=$(usage_of "$BIN" -C "$ws" "$@")
        local old="|"
        if [ -n "$BASE" ]; then
            local bu
            bu=$(usage_of "$BASE" -C "$ws" "$@")
            old="$(interleaved "$R" "$BASE" -C "$ws" "$@" | cut -d'|' -f2)|${bu#*|}"
        fi
        rows+=("$label|$t|$r|$usage|$old")
        echo "  $label: $t s, $r × floor" >&2
        LAST_T=$t
    }
    bench_cmd "\`check --format json\`, no findings" "0 1" "$WS" check --format json
    CHECK_T[$N]=$LAST_T
    FINDINGS=$("$BIN" -C "$WSU" check --format json 2>/dev/null | grep -c '"code": "unquantified"')
    bench_cmd "\`check --format json\`, $FINDINGS \`unquantified\` warnings" "0 1" "$WSU" check --format json
    bench_cmd "\`check\` (human), $FINDINGS warnings" "0 1" "$WSU" check
    bench_cmd "\`review annual --year 2026 --format json\`" "0" "$WS" review annual --year 2026 --format json
    bench_cmd "\`review annual --year 2026\` (table)" "0" "$WS" review annual --year 2026
    bench_cmd "\`report ledger --format json\`" "0" "$WS" report ledger --format json
    bench_cmd "\`report board --format html\`" "0" "$WS" report board --format html

    # Writing command: restore the post file before every run.
    read -r POST MEMBER < <(pick_holder "$WS")
    if [ -n "${POST:-}" ]; then
        cp "$WS/posts/$POST.toml" "$OUT/saved-post.toml"
        prep="cp '$OUT/saved-post.toml' '$WS/posts/$POST.toml'"
        OK_CODES="0"
        w=$(median_seconds "$WRITE_RUNS" "$prep" "$BIN" -C "$WS" post log "$POST" "$MEMBER" --date "$AS_OF" --text "巡查小区，未发现隐患" --hours 1)
        bash -c "$prep"
        wusage="n/a|n/a"
        [ "$w" != n/a ] && wusage=$(usage_of "$BIN" -C "$WS" post log "$POST" "$MEMBER" --date "$AS_OF" --text "巡查小区，未发现隐患")
        bash -c "$prep"
        wms=$([ "$w" = n/a ] && echo n/a || awk -v s="$w" 'BEGIN {printf "%.1f ms", s*1000}')
        rows+=("post log $POST $MEMBER (median of $WRITE_RUNS)|$wms|–|$wusage||")
        echo "  post log: $wms" >&2
        # The same without the write (no fsync): what the command costs apart from the disk.
        d=$(median_seconds "$WRITE_RUNS" "" "$BIN" -C "$WS" post log "$POST" "$MEMBER" --date "$AS_OF" --text "巡查小区，未发现隐患" --dry-run)
        dms=$([ "$d" = n/a ] && echo n/a || awk -v s="$d" 'BEGIN {printf "%.1f ms", s*1000}')
        rows+=("post log --dry-run (median of $WRITE_RUNS)|$dms|–|n/a|n/a||")
        echo "  post log --dry-run: $dms" >&2
    else
        rows+=("post log|n/a (no serving holder found)|–|n/a|n/a||")
    fi

    table "$N members ($FILES files)"
done

# A district (SPEC §10): the first size (or --district-members) split over $DISTRICT included
# workspaces.
set -- $SIZES
if [ "$DISTRICT" -gt 0 ]; then
    N=${DISTRICT_MEMBERS:-$1}
    DWS=$OUT/district-$N-w$DISTRICT-s$SEED
    if [ "$REGEN" = 1 ] || [ ! -f "$DWS/dangjian.toml" ]; then
        echo "generating a district of $DISTRICT workspaces, $N members, into $DWS ..." >&2
        "$GEN" --district "$DISTRICT" --members "$N" --seed "$SEED" --out "$DWS" || exit 2
    fi
    FILES=$(find "$DWS" -name '*.toml' | wc -l)
    R=$RUNS
    echo "== district: $DISTRICT workspaces, $N members, $FILES files ==" >&2
    "$FLOOR" "$DWS" >/dev/null 2>&1
    rows=()
    OK_CODES="0"
    FLOOR_WS=$DWS
    floor_t=$(median_seconds "$R" "" "$FLOOR" "$DWS")
    rows+=("floor (read + parse, every workspace)|$floor_t|1.00|$(usage_of "$FLOOR" "$DWS")||")
    bench_cmd "\`org list --format json\` (loading the district)" "0" "$DWS" org list --format json
    bench_cmd "\`check --format json\`" "0 1" "$DWS" check --format json
    bench_cmd "\`review annual --year 2026 --format json\`" "0" "$DWS" review annual --year 2026 --format json
    bench_cmd "\`report progress --month 2026-10 --format json\`" "0" "$DWS" report progress --month 2026-10 --format json
    table "district: $DISTRICT included workspaces, $N members ($FILES files)"
fi

if [ $# -ge 2 ]; then
    small=$1; big=${!#}
    echo "check at $big members / at $small members: $(ratio "${CHECK_T[$big]}" "${CHECK_T[$small]}")×" >>"$REPORT"
fi
echo "(hyperfine: ${HYPERFINE:-not installed, plain loop}; $RUNS runs per command ($BIG_RUNS from 100,000 members), $WRITE_RUNS for the writing command; DANGJIAN_AS_OF=$AS_OF${BASE:+; baseline $BASE})" >>"$REPORT"
cat "$REPORT"
