#!/usr/bin/env bash
# Renders every model in processes/ to docs/images/<process>.png with bpmn-js in headless Chromium.
# Needs: npm ci (bpmn-js is a dev dependency), chromium, and a Japanese font (Debian: fonts-noto-cjk).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for model in processes/*.bpmn; do
  name=$(basename "$model" .bpmn)
  size=$(python3 - "$model" <<'PY'
import re, sys
xml = open(sys.argv[1], encoding='utf-8').read()
xs = [float(x) + float(w) for x, w in re.findall(r'<dc:Bounds x="([-\d.]+)" y="[-\d.]+" width="([\d.]+)"', xml)]
ys = [float(y) + float(h) for y, h in re.findall(r'<dc:Bounds x="[-\d.]+" y="([-\d.]+)" width="[\d.]+" height="([\d.]+)"', xml)]
print(int(max(xs) + 80), int(max(ys) + 80))
PY
)
  read -r width height <<<"$size"
  python3 - "$model" "$work/page.html" "$PWD/node_modules/bpmn-js/dist" <<'PY'
import json, sys
xml = open(sys.argv[1], encoding='utf-8').read()
dist = sys.argv[3]
open(sys.argv[2], 'w', encoding='utf-8').write(f'''<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="file://{dist}/assets/diagram-js.css">
<link rel="stylesheet" href="file://{dist}/assets/bpmn-font/css/bpmn.css">
<style>html,body,#c{{margin:0;width:100%;height:100%;background:#fff}}</style>
<script src="file://{dist}/bpmn-viewer.production.min.js"></script></head>
<body><div id="c"></div><script>
new BpmnJS({{container: '#c'}}).importXML({json.dumps(xml)})
  .then(r => {{ document.title = 'rendered'; }})
  .catch(e => {{ document.body.innerText = 'ERROR ' + e; }});
</script></body></html>''')
PY
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --user-data-dir="$work/profile" \
    --allow-file-access-from-files --virtual-time-budget=5000 --window-size="$width,$height" \
    --screenshot="docs/images/$name.png" "file://$work/page.html" 2>/dev/null
  echo "docs/images/$name.png"
done
