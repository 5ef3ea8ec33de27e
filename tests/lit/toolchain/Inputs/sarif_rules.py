"""Print the rules and results of the SARIF document on stdin:
`rule ID name NAME`, `result RULEID line N: message`, `related line N: message`.
Checks that every ruleIndex points at the rule its ruleId names."""
import json
import sys

text = sys.stdin.read()
doc = json.loads(text[text.index('{"$schema"'):text.rindex('}') + 1])
run = doc["runs"][0]
rules = run["tool"]["driver"]["rules"]
for r in rules:
    print("rule %s name %s" % (r["id"], r.get("name", "")))
for r in run["results"]:
    assert rules[r["ruleIndex"]]["id"] == r["ruleId"], r
    line = r["locations"][0]["physicalLocation"]["region"]["startLine"]
    print("result %s line %d: %s" % (r["ruleId"], line, r["message"]["text"]))
    for rel in r.get("relatedLocations", []):
        print("  related line %d: %s" % (rel["physicalLocation"]["region"]["startLine"], rel["message"]["text"]))
