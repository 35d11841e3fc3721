#!/usr/bin/env bash
# bench/contents.sh — the contents extractor (vanban/text/contents.h) over the
# campaign-like documents of the shared corpora: counts per field, time per
# document, and 30 random items per field with their evidence, for a person
# to judge precision.
#
# usage: bench/contents.sh [--build DIR] [--data DIR] [--sample N] [--seed S]
#
#   --build DIR   build directory (default <repo>/build); the target
#                 vanban_contents_stats is built there first
#   --data DIR    the shared data (default <repo>/../shared/data)
#
# Runs two collections: baomoi_news articles that mention "phong trào thi
# đua" or "kế hoạch", and every phapluat8 law (up to 160,000 characters).
set -euo pipefail
repo=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
build=$repo/build
data=$(readlink -f "$repo/../shared/data")
sample=30
seed=1
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    --sample) sample=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    *) echo "usage: $0 [--build DIR] [--data DIR] [--sample N] [--seed S]" >&2; exit 2 ;;
  esac
done

cmake --build "$build" --target vanban_contents_stats -j2 >/dev/null
stats=$build/bench/vanban_contents_stats

echo "# baomoi_news: articles mentioning \"phong trào thi đua\" or \"kế hoạch\""
"$stats" --match "phong trào thi đua" --match "kế hoạch" --sample "$sample" --seed "$seed" \
  "$data/baomoi_news/docs.jsonl"
echo
echo "# phapluat8: whole legal documents"
"$stats" --sample "$sample" --seed "$seed" "$data/phapluat8/docs.jsonl"
