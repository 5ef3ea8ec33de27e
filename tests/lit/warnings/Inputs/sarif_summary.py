"""Read clang's SARIF output on stdin (after any plain-text lines) and print
one line per result: `level file:line:col message`. Fails on invalid JSON
or an empty run."""
import json
import os
import sys

text = sys.stdin.read()
start = text.find('{"$schema"')
if start < 0:
    sys.exit("no SARIF document in the output:\n" + text)
doc = json.loads(text[start:text.rindex('}') + 1])
results = doc["runs"][0]["results"]
if not results:
    sys.exit("no results")
for r in results:
    loc = r["locations"][0]["physicalLocation"]
    uri = loc["artifactLocation"]["uri"]
    reg = loc["region"]
    print("%s %s:%d:%d %s" % (r["level"], os.path.basename(uri), reg["startLine"],
                              reg["startColumn"], r["message"]["text"]))
