#!/usr/bin/env python3
"""sarif-names.py — autorc-cc's filter for -fdiagnostics-format=sarif.

clang gives a plugin's diagnostics numeric rule ids with empty names
("ruleId": "8320", "name": ""), and a plugin cannot name them. This filter
reads clang's diagnostics output on stdin, writes it to stdout with plain text
passed through, and in
each SARIF document:
  - gives every result whose message ends with a tag [autorc-NAME] the rule
    id and name autorc-NAME (the tag leaves the message);
  - moves the notes that follow such a result into its relatedLocations;
  - rebuilds tool.driver.rules (one per id) and every ruleIndex.
Other results (clang's own) keep their rules. Unparseable input passes
through unchanged: the filter never hides a diagnostic."""
import json
import re
import sys

TAG = re.compile(r"\s*\[(autorc-[a-z-]+)\]$")


def rename(doc):
    for run in doc.get("runs", []):
        rules = run.get("tool", {}).get("driver", {}).get("rules", [])
        old_rules = {str(r.get("id")): r for r in rules}
        results, new_rules, index = [], [], {}
        parent = None
        for r in run.get("results", []):
            text = r.get("message", {}).get("text", "")
            m = TAG.search(text)
            if r.get("level") == "note" and parent is not None:
                rel = {"message": {"text": text}}
                if r.get("locations"):
                    rel["physicalLocation"] = r["locations"][0].get("physicalLocation")
                parent.setdefault("relatedLocations", []).append(rel)
                continue
            if m:
                name = m.group(1)
                r["message"]["text"] = TAG.sub("", text)
                rule = {"id": name, "name": name,
                        "shortDescription": {"text": "autorc diagnostic %s" % name},
                        "defaultConfiguration": {"level": r.get("level", "warning")}}
                parent = r
            else:
                rule = old_rules.get(str(r.get("ruleId")), {"id": str(r.get("ruleId"))})
                parent = None
            rid = rule["id"]
            if rid not in index:
                index[rid] = len(new_rules)
                new_rules.append(rule)
            r["ruleId"], r["ruleIndex"] = rid, index[rid]
            results.append(r)
        run["results"] = results
        if "tool" in run and "driver" in run["tool"]:
            run["tool"]["driver"]["rules"] = new_rules
    return doc


def main():
    text = sys.stdin.read()
    out, pos = [], 0
    decoder = json.JSONDecoder()
    while True:
        start = text.find('{"$schema"', pos)
        if start < 0:
            out.append(text[pos:])
            break
        out.append(text[pos:start])
        try:
            doc, end = decoder.raw_decode(text, start)
        except ValueError:
            out.append(text[start:])
            break
        out.append(json.dumps(rename(doc), separators=(",", ":")))
        pos = end
    sys.stdout.write("".join(out))


if __name__ == "__main__":
    main()
