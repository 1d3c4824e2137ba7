#!/usr/bin/env bash
# --extract as a user runs it on an article of their own: the rows it prints (date, place, figure,
# span into the file), JSON, and the messages for a file it cannot read.
# Usage: extract_test.sh PATH/TO/idlib-atlas OUTPUT_DIR
set -u
bin=$1
out=$2
rm -rf "$out" && mkdir -p "$out"
. "$(dirname "${BASH_SOURCE[0]}")/expect.sh"

# A short article written for this test (not one of the seeds).
printf '%s\n' \
  ' date 2021-03-15 Regime artillery shelled Saraqeb last Friday, killing 4 civilians.' \
  '' \
  'Some 30,000 people have fled Khan Sheikhoun in the past two weeks, aid workers said.' \
  'The weather was mild.' >"$out/article.txt"

run "$bin" --extract "$out/article.txt"
expect "--extract exits 0 (rc=$rc)" test "$rc" -eq 0
header=$(head -1 <<<"$output")
expect "the header is the events CSV's columns plus span and conflict" \
  grep -q '^event_id,event_date,date_precision,event_type,actor1,actor2,location,admin1,latitude,longitude,geo_precision,fatalities,displaced,attacks,notes,source,date_basis,confidence,span_start,span_end,conflict$' <<<"$header"
expect "two candidates, the mild weather is none" test "$(grep -c '^c0' <<<"$output")" -eq 2
shelling=$(grep '^c001' <<<"$output")
expect "'last Friday' before the dateline resolves to 12 Mar 2021" grep -q '^c001,2021-03-12,day,' <<<"$shelling"
expect "Saraqeb is the town Saraqib" grep -q ',Saraqib,Idlib,' <<<"$shelling"
expect "the basis is shown" grep -qF "'last Friday' before the dateline 15 Mar 2021 -> 12 Mar 2021" <<<"$shelling"
expect "four killed" grep -q ',town,4,,,' <<<"$shelling"
# The span points into the file: its bytes are the sentence's words.
span=$(python3 -c 'import csv,sys; r=list(csv.DictReader(sys.stdin))[0]; d=open(sys.argv[1],"rb").read(); print(d[int(r["span_start"]):int(r["span_end"])].decode())' "$out/article.txt" <<<"$output")
expect "the span is the words it rests on ($span)" test "$span" = "Regime artillery shelled Saraqeb last Friday, killing 4 civilians"
flight=$(grep '^c002' <<<"$output")
expect "30,000 displaced from Khan Shaykhun over a period" grep -q '^c002,2021-03-15,period,Displacement,.*,Khan Shaykhun,Idlib,.*,30000,' <<<"$flight"

run "$bin" --extract "$out/article.txt" --format json --published 2021-03-16
expect "--format json exits 0" test "$rc" -eq 0
expect "JSON parses and keeps the given publication date" \
  python3 -c 'import json,sys; d=json.loads(sys.stdin.read()); assert d["published"]=="2021-03-16" and d["published_from"]=="--published" and len(d["candidates"])==2' <<<"$output"

# Files it cannot read: exit 1 and the message names the file.
run "$bin" --extract "$out/missing.txt"
expect "a missing article exits 1" test "$rc" -eq 1
expect "the message names the missing file" contains "missing.txt': no such file"
head -c 2000 /dev/urandom >"$out/binary.txt"
printf '\0' >>"$out/binary.txt"
run "$bin" --extract "$out/binary.txt"
expect "a binary file exits 1" test "$rc" -eq 1
expect "the message says it is binary" contains "binary.txt': a binary file"
run "$bin" --extract "$out"
expect "a folder exits 1" test "$rc" -eq 1
truncate -s 9M "$out/huge.txt"
run "$bin" --extract "$out/huge.txt"
expect "an article over 8 MB is refused" test "$rc" -eq 1
expect "the message says it is too big" contains "too big for an article"
run "$bin" --extract "$out/article.txt" --published 15/03/2021
expect "a malformed --published exits 2" test "$rc" -eq 2
expect "the message names --published" contains "--published '15/03/2021'"
run "$bin" --extract "$out/article.txt" --format geojson
expect "--format geojson is refused for --extract" test "$rc" -eq 2
finish extract_cli
