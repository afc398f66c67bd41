# Stand-in for the CRM export of what happened after the actions: two rules, one that works
# (35% accept when treated, 10% when held out) and one that does nothing (15% either way).
import json, random, sys
random.seed(20250101)
results, out = sys.argv[1], sys.argv[2]
by_rule = {}
for line in open(results):
    r = json.loads(line)
    for a in r["actions"]:
        by_rule.setdefault(a["rule"], {})[r["id"]] = False
    for rule in r.get("heldOut", []):
        by_rule.setdefault(rule, {})[r["id"]] = True
rules = sorted(by_rule, key=lambda k: -len(by_rule[k]))[:2]
with open(out, "w") as f:
    f.write("customer_id,rule,action,date,response,revenue_after,cost,group\n")
    for k, rule in enumerate(rules):
        for cid, held in sorted(by_rule[rule].items()):
            p = (0.10 if held else 0.35) if k == 0 else 0.15
            acc = random.random() < p
            rev = 150 + random.randrange(100) if acc else 0
            f.write(f"{cid},{rule},,2024-09-30,{'accepted' if acc else 'no_response'},{rev},{0 if held else 12.5},{'held_out' if held else 'treated'}\n")
print("simulated outcomes for", ", ".join(rules))
