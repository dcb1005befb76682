#!/usr/bin/env python3
"""Audit every figure of `accord summary` and `accord eval` (JSON) against an independent
calculation from the language reference's rules (docs/language.md, "Showing amounts"), and W401's
"short by" against the summary's gap.

Plans come from `accord-gen` (seeded) and from a small writer here that prefers awkward figures:
thirds, `£1 / 3`, two-decimal percents, caps, several bands, scenarios with delivery % and
outturns, actuals, envelopes, control totals, withdrawn schemes. Each plan is read by the small
reader below (only the shapes these writers produce) and every figure recomputed with
`fractions.Fraction`; no Swift code is used. Prints each difference (plan, JSON path, shown,
expected) and finally `N passed, M failed` (N, M: figures). Exit status 1 when anything differs.

    swift build --product accord && swift build --product accord-gen
    python3 scripts/audit-figures.py --plans 300                 # 300 written + 30 accord-gen plans
    python3 scripts/audit-figures.py --plans 3000 --seed 7 --keep /tmp/audit   # keep failing plans
"""
import argparse
import datetime
import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile
from fractions import Fraction as F

DIMS = ["cash-releasing", "productivity", "cost-growth-avoided"]
JSON_DIM = {"cash-releasing": "cashReleasing", "productivity": "productivity", "cost-growth-avoided": "costGrowthAvoided"}
STATUSES = ["idea", "scoping", "approved", "delivery", "refresh", "closure", "closed", "withdrawn"]
UNALLOCATED = "(unallocated)"

# ---------------------------------------------------------------------------------------------
# Showing rules (written from the brief, not from the Swift code)


def half_even(x, places=2):
    """A single amount: x rounded half-even to 10^-places (Python's round on Fraction is half-even)."""
    return F(round(x * 10 ** places), 10 ** places)


def sort_key(key):
    """Ties go to the name that sorts first by bytes, `(unallocated)` after every partner."""
    return (1 if key == UNALLOCATED else 0, key.encode())


def partition(parts, whole=None):
    """Largest remainder: each part floored to the penny, the pennies still missing from the
    shown whole (half-even of the exact sum unless a parent gave it) one each to the largest
    remainders, ties to the key sorting first. A negative whole is rounded as its mirror image.
    A whole handed down that is further than the parts allow goes round again, or takes pennies
    back from the smallest remainders."""
    total = sum((v for _, v in parts), F(0))
    if total < 0 or (total == 0 and whole is not None and whole < 0):
        mirrored = partition([(k, -v) for k, v in parts], None if whole is None else -whole)
        return {k: -v for k, v in mirrored.items()}
    target = round((half_even(total) if whole is None else whole) * 100)
    cents = {k: math.floor(v * 100) for k, v in parts}
    rema = {k: v * 100 - cents[k] for k, v in parts}
    missing = target - sum(cents.values())
    order = sorted((k for k, _ in parts), key=lambda k: (-rema[k], sort_key(k)))
    i = 0
    while missing > 0 and order:
        cents[order[i % len(order)]] += 1
        missing -= 1
        i += 1
    i = 0
    while missing < 0 and order:
        cents[order[len(order) - 1 - i % len(order)]] -= 1
        missing += 1
        i += 1
    return {k: F(c, 100) for k, c in cents.items()}


def percent1(x):
    """A percent from an exact fraction (0.125 -> 12.5), at most one decimal, half-even."""
    return half_even(x * 100, 1)


# ---------------------------------------------------------------------------------------------
# Reading plans (only the shapes the two writers produce)

TOKEN = re.compile(r"""
  (?P<ws>[ \t\r]+) | (?P<comment>\#[^\n]*) | (?P<nl>\n) | (?P<str>"(?:[^"\\\n]|\\.)*")
| (?P<fy>FY\d\d/\d\d) | (?P<date>\d{4}-\d\d-\d\d) | (?P<month>\d{4}-\d\d)
| (?P<money>£[0-9_]+(?:\.[0-9_]+)?(?:bn|k|m)?) | (?P<pct>[0-9_]+(?:\.[0-9_]+)?%)
| (?P<num>[0-9_]+(?:\.[0-9_]+)?) | (?P<dots>\.\.) | (?P<ident>[A-Za-z][A-Za-z0-9_-]*)
| (?P<punct>[{}();,.+\-*/=])
""", re.X)


def tokens(text):
    out, i = [], 0
    while i < len(text):
        m = TOKEN.match(text, i)
        if not m:
            raise ValueError(f"cannot read {text[i:i + 20]!r}")
        if m.lastgroup not in ("ws", "comment"):
            out.append((m.lastgroup, m.group()))
        i = m.end()
    return out


def statements(toks):
    """Statements as (tokens, children or None)."""
    root = []
    stack, cur = [root], []
    for kind, val in toks:
        if kind == "nl" or val == ";":
            if cur:
                stack[-1].append((cur, None))
            cur = []
        elif val == "{":
            node = (cur, [])
            stack[-1].append(node)
            stack.append(node[1])
            cur = []
        elif val == "}":
            if cur:
                stack[-1].append((cur, None))
            cur = []
            stack.pop()
        else:
            cur.append((kind, val))
    return root


def literal(kind, val):
    if kind == "money":
        body = val[1:].replace("_", "")
        mult = 1
        for suffix, m in (("bn", 10 ** 9), ("k", 10 ** 3), ("m", 10 ** 6)):
            if body.endswith(suffix):
                body, mult = body[: -len(suffix)], m
                break
        return F(body) * mult
    if kind == "pct":
        return F(val[:-1].replace("_", "")) / 100
    return F(val.replace("_", ""))


class Env:
    """`let`s, evaluated lazily (declarations are order-free); a scheme's shadow the top level's."""

    def __init__(self, lets, parent=None):
        self.lets, self.parent, self.values = lets, parent, {}

    def get(self, name):
        if name in self.lets:
            if name not in self.values:
                self.values[name] = expression(self.lets[name], 0, self)[0]
            return self.values[name]
        if self.parent:
            return self.parent.get(name)
        raise KeyError(name)


def expression(toks, i, env):
    v, i = term(toks, i, env)
    while i < len(toks) and toks[i] in (("punct", "+"), ("punct", "-")):
        op = toks[i][1]
        w, i = term(toks, i + 1, env)
        v = v + w if op == "+" else v - w
    return v, i


def term(toks, i, env):
    v, i = unary(toks, i, env)
    while i < len(toks) and toks[i] in (("punct", "*"), ("punct", "/")):
        op = toks[i][1]
        w, i = unary(toks, i + 1, env)
        v = v * w if op == "*" else v / w
    return v, i


def unary(toks, i, env):
    kind, val = toks[i]
    if val in ("-", "+") and kind == "punct":
        v, i = unary(toks, i + 1, env)
        return (-v if val == "-" else v), i
    if val == "(":
        v, i = expression(toks, i + 1, env)
        return v, i + 1
    if kind == "ident":
        return env.get(val), i + 1
    return literal(kind, val), i + 1


def fy(val):
    return 2000 + int(val[2:4])


def years_of(toks):
    if len(toks) == 3 and toks[1][0] == "dots":
        return list(range(fy(toks[0][1]), fy(toks[2][1]) + 1))
    return [fy(t[1]) for t in toks if t[0] == "fy"]


def names(toks):
    return [v for k, v in toks if k == "ident"]


def read_plan(text):
    st = statements(tokens(text))
    plan = {"weights": {"green": F(1), "amber": F(1, 2), "red": F(1, 4)}, "partners": {}, "envelopes": {},
            "schemes": {}, "terms": {}, "scenarios": {}}
    top_lets = {}
    for toks, body in st:
        if toks[0][1] == "let":
            top_lets[toks[1][1]] = toks[3:]
    env = Env(top_lets)
    plan["env"] = env
    for toks, body in st:
        head = toks[0][1]
        if head == "plan":
            for t, b in body:
                if t[0][1] == "years":
                    plan["years"] = years_of(t[1:])
                elif t[0][1] == "as-of":
                    plan["asof"] = datetime.date.fromisoformat(t[1][1])
                elif t[0][1] == "confidence-weights":
                    for w, _ in b:
                        plan["weights"][w[0][1]] = literal(*w[1])
        elif head == "partner":
            ct = F(1)
            for t, _ in body or []:
                if t[0][1] == "control-total":
                    ct = expression(t, 1, env)[0]
            plan["partners"][toks[1][1]] = {"ct": ct}
        elif head == "envelope":
            for t, _ in body:
                plan["envelopes"][(toks[1][1], fy(t[0][1]))] = expression(t, 1, env)[0]
        elif head == "scheme":
            plan["schemes"][toks[1][1]] = read_scheme(toks[1][1], body, env)
        elif head == "risk-share":
            plan["terms"][toks[1][1]] = read_term(body, env, plan)
        elif head == "scenario":
            sc = {"default": None, "delivery": {}, "outturn": {}}
            for t, _ in body:
                if t[0][1] == "delivery" and t[1][0] == "pct":
                    sc["default"] = literal(*t[1])
                elif t[0][1] == "delivery":
                    sc["delivery"][t[1][1]] = literal(*t[2])
                elif t[0][1] == "outturn":
                    sc["outturn"][(t[1][1], fy(t[2][1]), t[3][1])] = expression(t, 4, env)[0]
            plan["scenarios"][toks[1][1]] = sc
    for term in plan["terms"].values():
        if term["years"] is None:
            term["years"] = plan["years"]
    return plan


def read_scheme(name, body, top):
    lets = {t[1][1]: t[3:] for t, _ in body if t[0][1] == "let"}
    env = Env(lets, top)
    s = {"name": name, "status": None, "lead": None, "partners": None, "confidence": "amber", "recurrent": True,
         "savings": {}, "share": None}
    for t, b in body:
        key = t[0][1]
        if key == "status":
            s["status"] = t[1][1]
        elif key == "lead":
            s["lead"] = t[1][1]
        elif key == "partners":
            s["partners"] = names(t[1:])
        elif key == "confidence":
            s["confidence"] = t[1][1]
        elif key == "recurrent":
            s["recurrent"] = t[1][1] == "yes"
        elif key == "share":
            s["share"] = {l[0][1]: literal(*l[1]) for l, _ in b}
        elif key == "savings":
            y = {"dims": {}, "phasing": None, "actuals": {}, "forecast": {}}
            for l, _ in b:
                k = l[0][1]
                if k in DIMS:
                    y["dims"][k] = expression(l, 1, env)[0]
                elif k == "phasing":
                    y["phasing"] = [literal(*x) for x in l if x[0] == "pct"]
                elif k == "actual":
                    y["actuals"][(int(l[1][1][1:]), l[2][1])] = expression(l, 3, env)[0]
                elif k == "forecast":
                    y["forecast"][l[1][1]] = expression(l, 2, env)[0]
            s["savings"][fy(t[1][1])] = y
    if s["partners"] is None:
        s["partners"] = [s["lead"]]
    return s


def read_bands(body, env):
    bands = []
    for t, _ in body:
        if t[0][1] == "above":
            upto, i = None, 1
        else:
            upto, i = expression(t, 1, env)
        pcts = []
        while i < len(t):
            if t[i][1] == ",":
                i += 1
                continue
            pcts.append((t[i][1], literal(*t[i + 1])))
            i += 2
        bands.append((upto, pcts))
    return bands


def read_term(body, env, plan):
    term = {"schemes": [], "measure": "cash-releasing", "years": None, "shortfall": [], "gain": [], "caps": {}}
    for t, b in body:
        key = t[0][1]
        if key == "schemes":
            term["schemes"] = names(t[1:])
        elif key == "measure":
            term["measure"] = t[1][1]
        elif key == "years":
            term["years"] = years_of(t[1:])
        elif key in ("shortfall", "gain"):
            term[key] = read_bands(b, env)
        elif key == "cap":
            term["caps"][t[1][1]] = expression(t, 2, env)[0]
    return term


# ---------------------------------------------------------------------------------------------
# The brief's quantities, exact


def counts(s):
    return s["status"] != "withdrawn"


def plan_figure(s, year, dim):
    return s["savings"].get(year, {"dims": {}})["dims"].get(dim, F(0))


def attribution(s):
    if s["share"]:
        return s["share"]
    return {s["partners"][0]: F(1)} if len(s["partners"]) == 1 else {}


def in_year(plan):
    """(year, months begun) of the in-year position, or None."""
    a = plan["asof"]
    year = a.year if a.month >= 4 else a.year - 1
    if year > plan["years"][-1]:
        return plan["years"][-1], 12
    if year < plan["years"][0]:
        return None
    return year, (a.month - 4) % 12 + 1


class Audit:
    def __init__(self, verbose_limit):
        self.passed = self.failed = 0
        self.limit = verbose_limit
        self.classes = {}
        self.w401 = 0
        self.compared = {}

    def take(self, plan_id, path, shown, expected):
        """Compare, then carry on from the shown figure, so one wrong figure is reported once and
        not again in every figure worked out from it."""
        self.cmp(plan_id, path, shown, expected)
        return expected if shown is None else F(shown)

    def cmp(self, plan_id, path, shown, expected):
        """shown: the JSON value (decimal string or None); expected: Fraction or None."""
        if expected is None:
            ok = shown is None
        else:
            ok = shown is not None and F(shown) == expected
        if path.startswith("W401"):
            self.w401 += 1
        cls = re.sub(r"\[[^\]]*\]", "[]", path)
        self.compared[cls] = self.compared.get(cls, 0) + 1
        if ok:
            self.passed += 1
            return
        self.failed += 1
        exp = None if expected is None else decimal(expected)
        cls = re.sub(r"\[[^\]]*\]", "[]", path)
        self.classes[cls] = self.classes.get(cls, 0) + 1
        if self.classes[cls] <= self.limit:
            print(f"{plan_id}  {path}: shown {shown}, expected {exp}")


def decimal(x):
    """Two decimals when x is whole pennies, else the exact fraction."""
    if (x * 100).denominator != 1:
        return str(x)
    c = abs(round(x * 100))
    return f"{'-' if x < 0 else ''}{c // 100}.{c % 100:02}"


def audit_summary(a, pid, plan, js):
    schemes = [s for s in plan["schemes"].values() if counts(s)]
    w = plan["weights"]
    for row in js["savings"]:
        y = fy(row["year"])
        P = {d: sum((plan_figure(s, y, d) for s in schemes), F(0)) for d in DIMS}
        R = {d: sum((plan_figure(s, y, d) * w[s["confidence"]] for s in schemes), F(0)) for d in DIMS}
        for col, E in (("planned", P), ("riskAdjusted", R)):
            whole = half_even(sum(E.values()))
            a.cmp(pid, f"savings[{row['year']}].{col}.total", row[col]["total"], whole)
            parts = partition(list(E.items()), whole)
            for d in DIMS:
                a.cmp(pid, f"savings[{row['year']}].{col}.{JSON_DIM[d]}", row[col][JSON_DIM[d]], parts[d])
        rec = sum((plan_figure(s, y, d) for s in schemes if s["recurrent"] for d in DIMS), F(0))
        parts = partition([("recurrent", rec), ("non-recurrent", sum(P.values()) - rec)], half_even(sum(P.values())))
        a.cmp(pid, f"savings[{row['year']}].recurrent", row["recurrent"], parts["recurrent"])
        a.cmp(pid, f"savings[{row['year']}].nonRecurrent", row["nonRecurrent"], parts["non-recurrent"])

    # Partners and envelopes: each column a partition of the year's total across partners.
    exact = {}
    for p, info in plan["partners"].items():
        for y in plan["years"]:
            att = ra = F(0)
            for s in schemes:
                share = attribution(s).get(p, F(0))
                v = (plan_figure(s, y, "cash-releasing") + plan_figure(s, y, "productivity")) * share
                att += v
                ra += v * w[s["confidence"]]
            exact[(p, y)] = {"attributed": att, "riskAdjusted": ra, "controlTotal": att * info["ct"],
                             "controlTotalRiskAdjusted": ra * info["ct"]}
    shown = {}
    for y in plan["years"]:
        for col in ("attributed", "riskAdjusted", "controlTotal", "controlTotalRiskAdjusted"):
            parts = partition([(p, exact[(p, y)][col]) for p in plan["partners"]])
            for p in plan["partners"]:
                shown.setdefault((p, y), {})[col] = parts[p]
    totals = {fy(t["year"]): t for t in js.get("partnerTotals", [])}
    for y, t in totals.items():
        for col in ("attributed", "riskAdjusted", "controlTotal", "controlTotalRiskAdjusted"):
            a.cmp(pid, f"partnerTotals[{t['year']}].{col}", t[col],
                  half_even(sum((exact[(p, y)][col] for p in plan["partners"]), F(0))))
        envs = [plan["envelopes"][(p, y)] for p in plan["partners"] if (p, y) in plan["envelopes"]]
        # Each envelope is a single amount (rule 1), so their total is the sum of the shown ones (rule 3).
        a.cmp(pid, f"partnerTotals[{t['year']}].envelope", t["envelope"], sum(map(half_even, envs)) if envs else None)
    gaps = {}
    for row in js["partners"]:
        p, y = row["partner"], fy(row["year"])
        at = f"partners[{p} {row['year']}]"
        sh = shown[(p, y)]
        for col in ("attributed", "riskAdjusted", "controlTotal", "controlTotalRiskAdjusted"):
            a.cmp(pid, f"{at}.{col}", row[col], sh[col])
        env = plan["envelopes"].get((p, y))
        a.cmp(pid, f"{at}.envelope", row["envelope"], None if env is None else half_even(env))
        gap = None if env is None else half_even(env) - sh["riskAdjusted"]
        gaps[(p, y)] = gap
        a.cmp(pid, f"{at}.gap", row["gap"], gap)
        cov = None if not env else percent1(exact[(p, y)]["riskAdjusted"] / env)
        a.cmp(pid, f"{at}.coverage", row["coverage"], cov)
        a.cmp(pid, f"{at}.controlTotalPercent", row["controlTotalPercent"], percent1(plan["partners"][p]["ct"]))

    # In-year position: lines partition the total in each column.
    iy = in_year(plan)
    if iy is None:
        a.cmp(pid, "inYear", None if js.get("inYear") is None else "present", None)
        return gaps
    y, n = iy
    lines = {}
    for s in schemes:
        sv = s["savings"].get(y)
        if not sv:
            continue
        for d in DIMS:
            acts = [v for (m, dd), v in sv["actuals"].items() if dd == d]
            if not acts:
                continue
            yp = sv["dims"].get(d, F(0))
            ph = sv["phasing"] or [F(1, 12)] * 12
            lines[s["name"] + " " + d] = {"plan": yp * sum(ph[:n], F(0)), "actual": sum(acts, F(0)),
                                          "forecastOutturn": sv["forecast"].get(d, yp), "yearPlan": yp,
                                          "scheme": s["name"], "dim": d}
    js_iy = js.get("inYear")
    if not lines and js_iy is None:
        return gaps
    if js_iy is None:
        a.cmp(pid, "inYear", None, F(0))
        return gaps
    a.cmp(pid, "inYear.months", str(js_iy["months"]), F(n))
    cols = ("plan", "actual", "forecastOutturn", "yearPlan")
    shown = {}
    tot = js_iy["total"]
    for col in cols:
        whole = half_even(sum((l[col] for l in lines.values()), F(0)))
        a.cmp(pid, f"inYear.total.{col}", tot[col], whole)
        shown[col] = partition([(k, l[col]) for k, l in lines.items()], whole)
    a.cmp(pid, "inYear.total.variance", tot["variance"],
          half_even(sum((l["actual"] for l in lines.values()), F(0))) - half_even(sum((l["plan"] for l in lines.values()), F(0))))
    tp = sum((l["plan"] for l in lines.values()), F(0))
    ta = sum((l["actual"] for l in lines.values()), F(0))
    a.cmp(pid, "inYear.total.variancePercent", tot["variancePercent"], percent1((ta - tp) / tp) if tp else None)
    seen = set()
    for row in js_iy["lines"]:
        k = row["scheme"] + " " + row["dimension"]
        seen.add(k)
        at = f"inYear.lines[{row['scheme']} {row['dimension']}]"
        if k not in lines:
            a.cmp(pid, at, "present", None)
            continue
        for col in cols:
            a.cmp(pid, f"{at}.{col}", row[col], shown[col][k])
        a.cmp(pid, f"{at}.variance", row["variance"], shown["actual"][k] - shown["plan"][k])
        l = lines[k]
        a.cmp(pid, f"{at}.variancePercent", row["variancePercent"],
              percent1((l["actual"] - l["plan"]) / l["plan"]) if l["plan"] else None)
    for k in lines:
        if k not in seen:
            a.cmp(pid, f"inYear.lines[{k}]", None, lines[k]["actual"])
    return gaps


def delivery(sc, s, y, d, plan_value):
    if sc is None:
        return plan_value
    if (s["name"], y, d) in sc["outturn"]:
        return sc["outturn"][(s["name"], y, d)]
    pct = sc["delivery"].get(s["name"], sc["default"])
    return plan_value * (F(1) if pct is None else pct)


def audit_evaluation(a, pid, plan, ev):
    sc = plan["scenarios"][ev["scenario"]] if ev["scenario"] else None
    term = plan["terms"][ev["term"]]
    y = fy(ev["year"])
    at = f"eval[{ev['scenario']} {ev['term']} {ev['year']}]"
    dims = DIMS if term["measure"] == "total" else [term["measure"]]
    members = [plan["schemes"][n] for n in term["schemes"]]
    counted = [s for s in members if counts(s)]
    ex = {}
    for s in counted:
        ex[s["name"]] = {d: (plan_figure(s, y, d), delivery(sc, s, y, d, plan_figure(s, y, d))) for d in dims}
    shown_total = {}
    for col, idx in (("planned", 0), ("delivered", 1)):
        whole = half_even(sum((v[idx] for lines in ex.values() for v in lines.values()), F(0)))
        whole = shown_total[col] = a.take(pid, f"{at}.{col}", ev[col], whole)
        per_scheme = partition([(n, sum((v[idx] for v in lines.values()), F(0))) for n, lines in ex.items()], whole)
        for row in ev["schemes"]:
            if row["scheme"] not in ex:
                continue
            scheme_figure = a.take(pid, f"{at}.schemes[{row['scheme']}].{col}", row[col], per_scheme[row["scheme"]])
            per_dim = partition([(d, v[idx]) for d, v in ex[row["scheme"]].items()], scheme_figure)
            for line in row["lines"]:
                a.cmp(pid, f"{at}.schemes[{row['scheme']}].lines[{line['dimension']}].{col}", line[col],
                      per_dim.get(line["dimension"]))
    for row in ev["schemes"]:
        if row["scheme"] in ex:
            for line in row["lines"]:
                pct = F(1)  # plan as written, or no delivery % given: full delivery
                if sc and (row["scheme"], y, line["dimension"]) in sc["outturn"]:
                    pct = None
                elif sc and sc["delivery"].get(row["scheme"], sc["default"]) is not None:
                    pct = sc["delivery"].get(row["scheme"], sc["default"])
                a.cmp(pid, f"{at}.schemes[{row['scheme']}].lines[{line['dimension']}].deliveryPercent",
                      line["deliveryPercent"], None if pct is None else percent1(pct))
    variance = shown_total["delivered"] - shown_total["planned"]
    a.cmp(pid, f"{at}.variance", ev["variance"], variance)
    amount = a.take(pid, f"{at}.amount", ev["amount"], abs(variance))
    exact_var = sum((v[1] - v[0] for lines in ex.values() for v in lines.values()), F(0))
    kind = "shortfall" if exact_var < 0 else "gain" if exact_var > 0 else "none"
    if ev["kind"] != kind:
        a.cmp(pid, f"{at}.kind({ev['kind']} vs {kind})", "1", F(0))
    exact_amount = abs(exact_var)
    bands = term["shortfall"] if kind == "shortfall" else term["gain"] if kind == "gain" else []
    bands = sorted(bands, key=lambda b: (b[0] is None, b[0] if b[0] is not None else 0))
    # Bands across the amount (the part past the last band, if any, last).
    lo, pieces = F(0), []
    for i, (upto, pcts) in enumerate(bands):
        hi = exact_amount if upto is None else min(exact_amount, upto)
        pieces.append((f"{i:03}", max(F(0), hi - lo), lo, upto, pcts))
        if upto is not None:
            lo = max(lo, upto)
    beyond = exact_amount - sum((p[1] for p in pieces), F(0))
    in_band = partition([(k, v) for k, v, *_ in pieces] + [(UNALLOCATED, beyond)], amount)
    a.cmp(pid, f"{at}.beyondBands", ev["beyondBands"], in_band[UNALLOCATED])
    before, exact_before, not_covered = {}, {}, F(0)
    for i, (k, v, lo_, upto, pcts) in enumerate(pieces):
        if i >= len(ev["bands"]):
            a.cmp(pid, f"{at}.bands[{i}]", None, v)
            continue
        b = ev["bands"][i]
        a.cmp(pid, f"{at}.bands[{i}].from", b["from"], half_even(lo_))
        a.cmp(pid, f"{at}.bands[{i}].upTo", b["upTo"], None if upto is None else half_even(upto))
        shown_in_band = a.take(pid, f"{at}.bands[{i}].inBand", b["inBand"], in_band[k])
        covered = sum((pc for _, pc in pcts), F(0))
        parts = partition([(p, v * pc) for p, pc in pcts] + [(UNALLOCATED, v * (1 - covered))], shown_in_band)
        for part in b["parts"]:
            parts[part["partner"]] = a.take(pid, f"{at}.bands[{i}].parts[{part['partner']}].amount", part["amount"], parts.get(part["partner"]))
            a.cmp(pid, f"{at}.bands[{i}].parts[{part['partner']}].percent", part["percent"],
                  percent1(dict(pcts).get(part["partner"], F(0))))
        a.cmp(pid, f"{at}.bands[{i}].notCovered", b["notCovered"], parts[UNALLOCATED])
        not_covered += parts[UNALLOCATED]
        for p, pc in pcts:
            before[p] = before.get(p, F(0)) + parts[p]
            exact_before[p] = exact_before.get(p, F(0)) + v * pc
    if len(ev["bands"]) > len(pieces):
        a.cmp(pid, f"{at}.bands(extra)", str(len(ev["bands"])), F(len(pieces)))
    before_caps_unallocated = in_band[UNALLOCATED] + not_covered
    # Caps: who is over, and the shares, worked exactly; each shown figure from the shown figures
    # beside it (bore carried, removed = bore - cap, after = bore + receives).
    caps = term["caps"]
    shown_before = {r["partner"]: F(r["beforeCaps"]) for r in ev["result"]}
    cur, exact_cur = {p: shown_before.get(p, v) for p, v in before.items()}, dict(exact_before)
    by_caps, capped_ever, r = F(0), set(), 0
    shown_rounds = ev["capRounds"]
    while True:
        over = sorted((p for p in exact_cur if p in caps and exact_cur[p] > caps[p]), key=sort_key)
        if not over:
            break
        rat = f"{at}.capRounds[{r}]"
        if r >= len(shown_rounds):
            a.cmp(pid, f"{rat}(missing)", None, F(0))
            break
        rd = shown_rounds[r]
        removed_exact = sum((exact_cur[p] - caps[p] for p in over), F(0))
        shown_capped = {c["partner"]: c for c in rd["capped"]}
        removed = F(0)
        for p in over:
            c = shown_capped.pop(p, None)
            if c is None:
                a.cmp(pid, f"{rat}.capped[{p}](missing)", None, F(0))
                continue
            bore = a.take(pid, f"{rat}.capped[{p}].bore", c["bore"], cur[p])
            cap = a.take(pid, f"{rat}.capped[{p}].cap", c["cap"], half_even(caps[p]))
            removed += a.take(pid, f"{rat}.capped[{p}].removed", c["removed"], bore - cap)
            exact_cur[p] = caps[p]
            cur[p] = cap
            capped_ever.add(p)
        for p in shown_capped:
            a.cmp(pid, f"{rat}.capped[{p}](extra)", "present", None)
        removed = a.take(pid, f"{rat}.removed", rd["removed"], removed)
        recv = sorted((p for p in exact_cur if exact_cur[p] > 0 and p not in over and (p not in caps or exact_cur[p] < caps[p])),
                      key=sort_key)
        bear = sum((exact_cur[p] for p in recv), F(0))
        gets = partition([(p, removed_exact * exact_cur[p] / bear) for p in recv], removed) if recv else {}
        a.cmp(pid, f"{rat}.receiversBear", rd["receiversBear"], sum((cur[p] for p in recv), F(0)))
        shown_recv = {x["partner"]: x for x in rd["receivers"]}
        for p in recv:
            x = shown_recv.pop(p, None)
            if x is None:
                a.cmp(pid, f"{rat}.receivers[{p}](missing)", None, gets[p])
                continue
            bore = a.take(pid, f"{rat}.receivers[{p}].bore", x["bore"], cur[p])
            got = a.take(pid, f"{rat}.receivers[{p}].receives", x["receives"], gets[p])
            cur[p] = a.take(pid, f"{rat}.receivers[{p}].after", x["after"], bore + got)
            exact_cur[p] += removed_exact * exact_cur[p] / bear
        for p in shown_recv:
            a.cmp(pid, f"{rat}.receivers[{p}](extra)", "present", None)
        unalloc = F(0) if recv else removed
        by_caps += a.take(pid, f"{rat}.unallocated", rd["unallocated"], unalloc)
        r += 1
    for k in range(r, len(shown_rounds)):
        a.cmp(pid, f"{at}.capRounds[{k}](extra)", "present", None)
    for row in ev["result"]:
        p = row["partner"]
        rat = f"{at}.result[{p}]"
        a.cmp(pid, f"{rat}.beforeCaps", row["beforeCaps"], before.get(p, F(0)))  # from the shown band parts
        a.cmp(pid, f"{rat}.cap", row["cap"], half_even(caps[p]) if p in caps else None)
        a.cmp(pid, f"{rat}.amount", row["amount"], cur.get(p, F(0)))
        if row["capped"] != (p in capped_ever):
            a.cmp(pid, f"{rat}.capped", str(row["capped"]), None)
    for p in before:
        if before[p] and p not in {r["partner"] for r in ev["result"]}:
            a.cmp(pid, f"{at}.result[{p}](missing)", None, before[p])
    allocated = sum(cur.values(), F(0))
    a.cmp(pid, f"{at}.allocated", ev["allocated"], allocated)
    a.cmp(pid, f"{at}.unallocatedBeforeCaps", ev["unallocatedBeforeCaps"], before_caps_unallocated)
    a.cmp(pid, f"{at}.unallocatedByCaps", ev["unallocatedByCaps"], by_caps)
    a.cmp(pid, f"{at}.unallocated", ev["unallocated"], before_caps_unallocated + by_caps)


def m(v):
    return F(0) if v is None else F(v)


def foot(a, pid, plan, js_summary, evals):
    """Reading-free checks: the tool's own shown figures against each other (sums, differences)."""
    for row in js_summary["savings"]:
        for col in ("planned", "riskAdjusted"):
            a.cmp(pid, f"foot:savings[{row['year']}].{col}: dims add to total", row[col]["total"],
                  sum((m(row[col][JSON_DIM[d]]) for d in DIMS), F(0)))
        a.cmp(pid, f"foot:savings[{row['year']}]: recurrent + nonRecurrent = planned", row["planned"]["total"],
              m(row["recurrent"]) + m(row["nonRecurrent"]))
    for t in js_summary.get("partnerTotals", []):
        rows = [r for r in js_summary["partners"] if r["year"] == t["year"]]
        for col in ("attributed", "riskAdjusted", "controlTotal", "controlTotalRiskAdjusted"):
            a.cmp(pid, f"foot:partnerTotals[{t['year']}].{col}: partners add to total", t[col], sum((m(r[col]) for r in rows), F(0)))
    for r in js_summary["partners"]:
        if r["envelope"] is not None:
            a.cmp(pid, f"foot:partners[{r['partner']} {r['year']}]: gap = envelope - riskAdjusted", r["gap"], m(r["envelope"]) - m(r["riskAdjusted"]))
    iy = js_summary.get("inYear")
    if iy:
        for col in ("plan", "actual", "forecastOutturn", "yearPlan", "variance"):
            a.cmp(pid, f"foot:inYear.total.{col}: lines add to total", iy["total"][col], sum((m(l[col]) for l in iy["lines"]), F(0)))
        for l in iy["lines"] + [iy["total"]]:
            a.cmp(pid, f"foot:inYear[{l.get('scheme', 'total')} {l.get('dimension', '')}]: variance = actual - plan", l["variance"], m(l["actual"]) - m(l["plan"]))
    for ev in evals:
        at = f"foot:eval[{ev['scenario']} {ev['term']} {ev['year']}]"
        for col in ("planned", "delivered"):
            a.cmp(pid, f"{at}: schemes add to {col}", ev[col], sum((m(r[col]) for r in ev["schemes"]), F(0)))
            for r in ev["schemes"]:
                if r["lines"]:
                    a.cmp(pid, f"{at}.schemes[{r['scheme']}]: lines add to {col}", r[col], sum((m(l[col]) for l in r["lines"]), F(0)))
        a.cmp(pid, f"{at}: variance = delivered - planned", ev["variance"], m(ev["delivered"]) - m(ev["planned"]))
        a.cmp(pid, f"{at}: amount = |variance|", ev["amount"], abs(m(ev["variance"])))
        a.cmp(pid, f"{at}: bands + beyondBands = amount", ev["amount"], sum((m(b["inBand"]) for b in ev["bands"]), m(ev["beyondBands"])))
        for i, b in enumerate(ev["bands"]):
            a.cmp(pid, f"{at}.bands[{i}]: parts + notCovered = inBand", b["inBand"], sum((m(p["amount"]) for p in b["parts"]), m(b["notCovered"])))
        current = {}
        for r in ev["result"]:
            parts = sum((m(p["amount"]) for b in ev["bands"] for p in b["parts"] if p["partner"] == r["partner"]), F(0))
            a.cmp(pid, f"{at}.result[{r['partner']}]: beforeCaps = sum of its band parts", r["beforeCaps"], parts)
            current[r["partner"]] = m(r["beforeCaps"])
        for k, rd in enumerate(ev["capRounds"]):
            rat = f"{at}.capRounds[{k}]"
            for c in rd["capped"]:
                a.cmp(pid, f"{rat}.capped[{c['partner']}]: bore = its figure so far", c["bore"], current.get(c["partner"], F(0)))
                a.cmp(pid, f"{rat}.capped[{c['partner']}]: removed = bore - cap", c["removed"], m(c["bore"]) - m(c["cap"]))
                current[c["partner"]] = m(c["bore"]) - m(c["removed"])
            a.cmp(pid, f"{rat}: removed = sum of capped removed", rd["removed"], sum((m(c["removed"]) for c in rd["capped"]), F(0)))
            a.cmp(pid, f"{rat}: receives + unallocated = removed", rd["removed"], sum((m(x["receives"]) for x in rd["receivers"]), m(rd["unallocated"])))
            a.cmp(pid, f"{rat}: receiversBear = sum of receivers' bore", rd["receiversBear"], sum((m(x["bore"]) for x in rd["receivers"]), F(0)))
            for x in rd["receivers"]:
                a.cmp(pid, f"{rat}.receivers[{x['partner']}]: bore = its figure so far", x["bore"], current.get(x["partner"], F(0)))
                a.cmp(pid, f"{rat}.receivers[{x['partner']}]: after = bore + receives", x["after"], m(x["bore"]) + m(x["receives"]))
                current[x["partner"]] = m(x["after"])
        for r in ev["result"]:
            a.cmp(pid, f"{at}.result[{r['partner']}]: amount = figure after the last round", r["amount"], current[r["partner"]])
            if r["capped"]:
                a.cmp(pid, f"{at}.result[{r['partner']}]: a capped partner shows its cap", r["amount"], m(r["cap"]))
        a.cmp(pid, f"{at}: allocated = sum of results", ev["allocated"], sum((m(r["amount"]) for r in ev["result"]), F(0)))
        a.cmp(pid, f"{at}: unallocatedBeforeCaps = beyondBands + notCovered", ev["unallocatedBeforeCaps"],
              sum((m(b["notCovered"]) for b in ev["bands"]), m(ev["beyondBands"])))
        a.cmp(pid, f"{at}: unallocatedByCaps = sum of rounds' unallocated", ev["unallocatedByCaps"],
              sum((m(rd["unallocated"]) for rd in ev["capRounds"]), F(0)))
        a.cmp(pid, f"{at}: unallocated = before caps + by caps", ev["unallocated"], m(ev["unallocatedBeforeCaps"]) + m(ev["unallocatedByCaps"]))
        a.cmp(pid, f"{at}: allocated + unallocated = amount", ev["amount"], m(ev["allocated"]) + m(ev["unallocated"]))


def cross(a, pid, model, summary, evals):
    """The same figure in two outputs shows the same pennies (brief: "in every output")."""
    rows = {(r["partner"], r["year"]): r for r in summary["partners"]}
    for r in model["partnerYears"]:
        s = rows.get((r["partner"], r["year"]))
        if s is None:
            continue
        for col in ("attributed", "riskAdjusted", "controlTotal", "controlTotalRiskAdjusted", "envelope", "gap"):
            a.cmp(pid, f"cross:model.partnerYears[{r['partner']} {r['year']}].{col} vs summary", r[col],
                  None if s[col] is None else F(s[col]))
    plan_fig = {}
    for sc in model["schemes"]:
        for sv in sc["savings"]:
            for d in DIMS:
                plan_fig[(sc["name"], sv["year"], d)] = F(sv[JSON_DIM[d]])
    # Within the model: a partner's year is the sum of its shown attributions (rule 3).
    attributed = {}
    for sc in model["schemes"]:
        if not sc["counts"]:
            continue
        for sv in sc["savings"]:
            a.cmp(pid, "cross:model scheme savings: dims add to total", sv["total"], sum((F(sv[JSON_DIM[d]]) for d in DIMS), F(0)))
            for at in sv["attribution"]:
                k = (at["partner"], sv["year"])
                attributed[k] = attributed.get(k, F(0)) + F(at["planned"])
            for d in ("cash-releasing", "productivity"):
                parts = [F(at["planned"]) for at in sv["attribution"] if at["dimension"] == d]
                if parts:
                    a.cmp(pid, "cross:model attribution adds to the scheme's dimension", sv[JSON_DIM[d]], sum(parts, F(0)))
    # The summary's year total is the whole whose parts are the model's schemes (rule 2).
    for row in summary["savings"]:
        for d in DIMS + ["total"]:
            col = JSON_DIM.get(d, d)
            a.cmp(pid, f"cross:summary savings {col} = sum of the model's scheme figures", row["planned"][col],
                  sum((F(sv[col]) for sc in model["schemes"] if sc["counts"] for sv in sc["savings"] if sv["year"] == row["year"]), F(0)))
    for r in model["partnerYears"]:
        a.cmp(pid, "cross:model partnerYears.attributed = sum of the shown scheme attributions", r["attributed"],
              attributed.get((r["partner"], r["year"]), F(0)))
    iy = summary.get("inYear")
    for l in (iy or {}).get("lines", []):
        k = (l["scheme"], iy["year"], l["dimension"])
        a.cmp(pid, f"cross:summary.inYear.lines[].yearPlan vs model scheme savings", l["yearPlan"], plan_fig.get(k, F(0)))
    for ev in evals:
        for r in ev["schemes"]:
            for l in r["lines"]:
                k = (r["scheme"], ev["year"], l["dimension"])
                a.cmp(pid, f"cross:eval.schemes[].lines[].planned vs model scheme savings", l["planned"], plan_fig.get(k, F(0)))


SHORT_BY = re.compile(r"short by (-?)£([0-9,]+(?:\.[0-9]+)?)")


def audit_w401(a, pid, plan, diags, gaps):
    found = {}
    for d in diags:
        if d["code"] != "W401":
            continue
        m = SHORT_BY.search(d["message"])
        fym = re.search(r"FY\d\d/\d\d", d["message"])
        partner = d["message"].split(" ")[0]
        if not m or not fym or not partner:
            a.cmp(pid, f"W401(unread: {d['message'][:60]})", "?", None)
            continue
        found[(partner, fy(fym.group()))] = F(m.group(2).replace(",", "")) * (-1 if m.group(1) else 1)
    for (p, y), gap in gaps.items():
        exact_short = gap is not None and plan["envelopes"][(p, y)] > 0 and \
            plan["envelopes"][(p, y)] > exact_partner_ra(plan, p, y)
        if (p, y) in found:
            a.cmp(pid, f"W401[{p} FY{y % 100:02}/{(y + 1) % 100:02}].shortBy", str(found[(p, y)]), gap)
        elif exact_short:
            a.cmp(pid, f"W401[{p} FY{y % 100:02}/{(y + 1) % 100:02}](missing)", None, gap)


def exact_partner_ra(plan, p, y):
    total = F(0)
    for s in plan["schemes"].values():
        if counts(s):
            v = (plan_figure(s, y, "cash-releasing") + plan_figure(s, y, "productivity")) * attribution(s).get(p, F(0))
            total += v * plan["weights"][s["confidence"]]
    return total


# ---------------------------------------------------------------------------------------------
# A writer of small plans with awkward figures


NAMES = ["Aa", "B2", "ESNEFT", "WSFT", "ab", "acute-b", "mh-trust", "zz", "NEECCG"]


def pct_split(r, n, decimals=2):
    """n two-decimal percents (0 < each) summing to exactly 100%."""
    unit = 10 ** decimals
    cuts = sorted(r.sample(range(1, 100 * unit), n - 1))
    vals = [b - a for a, b in zip([0] + cuts, cuts + [100 * unit])]
    return [decimal(F(v, unit)).rstrip("0").rstrip(".") for v in vals]


def awkward_money(r, scale):
    """A money expression whose value is often not whole pennies."""
    pennies = r.randint(1, scale * 100)
    base = "£" + decimal(F(pennies, 100))
    shapes = [
        lambda: f"{base} / 3",
        lambda: f"£{r.randint(1, scale)} * 2 / 7",
        lambda: f"{base} * {decimal(F(r.randint(1, 9999), 100))}%",
        lambda: "£1 / 3",
        lambda: f"({base}) - (£{decimal(F(r.randint(0, pennies), 100))})",
        lambda: f"£{r.randint(1, 999)}k",
        lambda: f"{base} * 0.5",
        lambda: f"£{r.randint(1, scale)} + £1 / 3",
        lambda: "£0.01",
        lambda: base,
    ]
    return r.choice(shapes)()


def some(r, items, chance):
    """Each item with the given chance, in order."""
    return [x for x in items if r.random() < chance]


def delivery_pct(r):
    return r.choice(["66.67%", "33.3%", "0%", "112.5%", "25%", "80%", "150%", "12.25%", "99.99%", "50.05%"])


def write_plan(r):
    first = r.randint(21, 24)
    years = list(range(2000 + first, 2000 + first + r.randint(1, 3)))
    fyname = lambda y: f"FY{y % 100:02}/{(y + 1) % 100:02}"
    asof = datetime.date(years[0], 4, 1) + datetime.timedelta(days=r.randint(-200, 365 * len(years) + 200))
    partners = r.sample(NAMES, r.randint(2, 5))
    out = [f'plan "Audit" {{', f"  years {fyname(years[0])}..{fyname(years[-1])}", f"  as-of {asof.isoformat()}"]
    if r.random() < 0.3:
        out.append("  confidence-weights { green 95.55%; amber 66.67%; red 14.29% }")
    out.append("}")
    for p in partners:
        ct = r.choice(["100%", "100%", "0%", "66.67%", "12.5%", "33.33%", "12.25%"])
        out.append(f'partner {p} "Partner {p}" {{ control-total {ct} }}')
        out.append(f'person sro-{p.lower()} "SRO {p}" {{ partner {p} }}')
    out.append('area core "Core"')
    for p in partners:
        lines = [f"  {fyname(y)} {awkward_money(r, 500000)}" for y in years if r.random() < 0.6]
        if lines:
            out += [f"envelope {p} {{"] + lines + ["}"]
    iy = in_year({"asof": asof, "years": years})
    schemes = []
    for i in range(r.randint(1, 5)):
        name = f"S{i + 1}"
        schemes.append(name)
        status = r.choice(STATUSES)
        ps = r.sample(partners, r.randint(1, min(3, len(partners))))
        out += [f'scheme {name} "Scheme {name}" {{', "  area core", f"  level {'place' if len(ps) == 1 or r.random() < .5 else 'system'}",
                f"  status {status}", f"  lead {ps[0]}", f"  partners {', '.join(ps)}", f"  sro sro-{ps[0].lower()}",
                f"  confidence {r.choice(['green', 'amber', 'red'])}", f"  recurrent {r.choice(['yes', 'no'])}"]
        for y in years:
            if r.random() < 0.2:
                continue
            out.append(f"  savings {fyname(y)} {{")
            out += [f"    {d} {awkward_money(r, 300000)}" for d in some(r, DIMS, 0.7)]
            if r.random() < 0.4:
                out.append("    phasing " + ", ".join(f"M{m + 1} {v}%" for m, v in enumerate(pct_split(r, 12))))
            if iy and iy[0] == y:
                for m in range(1, iy[1] + 1):
                    out += [f"    actual M{m} {d} {awkward_money(r, 30000)}" for d in some(r, DIMS, 0.25)]
                out += [f"    forecast {d} {awkward_money(r, 300000)}" for d in some(r, DIMS, 0.3)]
            out.append("  }")
        if len(ps) > 1:
            out.append("  share {")
            out += [f"    {p} {v}%" for p, v in zip(ps, pct_split(r, len(ps)))]
            out.append("  }")
        out.append("}")
    for t in range(r.randint(1, 2)):
        members = r.sample(schemes, r.randint(1, len(schemes)))
        out.append(f'risk-share rs-{t + 1} "Term {t + 1}" {{')
        out.append(f"  schemes {', '.join(members)}")
        out.append(f"  measure {r.choice(DIMS + ['total'])}")
        if r.random() < 0.5:
            lo = r.randrange(len(years))
            hi = r.randrange(lo, len(years))
            out.append(f"  years {fyname(years[lo])}" if lo == hi else f"  years {fyname(years[lo])}..{fyname(years[hi])}")
        out.append("  __BANDS__" + ",".join(members))
        out.append("}")
    for s in range(r.randint(1, 3)):
        out.append(f'scenario sc-{s + 1} "Scenario {s + 1}" {{')
        if r.random() < 0.7:
            out.append(f"  delivery {delivery_pct(r)}")
        out += [f"  delivery {name} {delivery_pct(r)}" for name in some(r, schemes, 0.3)]
        out += [f"  outturn {name} {fyname(r.choice(years))} {r.choice(DIMS)} {awkward_money(r, 200000)}"
                for name in some(r, schemes, 0.25)]
        out.append("}")
    return out


def fill_bands(r, lines):
    """Bands name partners of the term's schemes (E402), so they are written once schemes are known."""
    text = "\n".join(lines)
    partners_of = {m.group(1): m.group(2).split(", ") for m in re.finditer(r'scheme (\S+) "[^"]*" \{(?:\n[^\n]*)*?\n  partners ([^\n]*)', text)}
    result = []
    for line in lines:
        if not line.startswith("  __BANDS__"):
            result.append(line)
            continue
        members = line[len("  __BANDS__"):].split(",")
        ps = sorted({p for m in members for p in partners_of[m]})
        for kind in ("shortfall", "gain"):
            if r.random() < 0.25:
                continue
            result.append(f"  {kind} {{")
            upto = 0
            for b in range(r.randint(1, 3)):
                who = r.sample(ps, r.randint(1, len(ps)))
                split = ", ".join(f"{p} {v}%" for p, v in zip(who, pct_split(r, len(who))))
                if b == 2 or r.random() < 0.3:
                    if r.random() < 0.8:
                        result.append(f"    above {split}")
                    break
                upto += r.randint(1, 150000)
                result.append(f"    up-to £{upto} + £1 / 3 {split}" if r.random() < .4 else f"    up-to £{upto} {split}")
            result.append("  }")
        for p in ps:
            if r.random() < 0.4:
                result.append(f"  cap {p} {awkward_money(r, 60000)}")
    return result


# ---------------------------------------------------------------------------------------------


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout, p.stderr


def audit_plan(a, pid, path, accord, keep):
    text = open(path, encoding="utf-8").read()
    failed_before = a.failed
    rc, out, err = run([accord, "check", "--format", "json", path])
    diags = json.loads(out) if out.strip() else []
    errors = [d for d in diags if d["severity"] == "error"]
    if errors:
        return "invalid", errors[0]["code"] + " " + errors[0]["message"]
    try:
        plan = read_plan(text)
    except (KeyError, ValueError, IndexError) as e:
        return "invalid", f"beyond this script's reader: {e!r}"
    rc, out, err = run([accord, "summary", "--format", "json", path])
    if rc != 0:
        a.cmp(pid, f"summary(rc={rc}: {err.strip()[:80]})", "?", None)
        return "refused", err
    summary = json.loads(out)
    gaps = audit_summary(a, pid, plan, summary)
    audit_w401(a, pid, plan, diags, gaps)
    runs = [[]] + ([["--scenario", "all"]] if plan["scenarios"] else [])
    evals = []
    for extra in runs:
        rc, out, err = run([accord, "eval", "--format", "json", path] + extra)
        if rc != 0:
            a.cmp(pid, f"eval{extra}(rc={rc}: {err.strip()[:80]})", "?", None)
            continue
        for ev in json.loads(out)["evaluations"]:
            audit_evaluation(a, pid, plan, ev)
            evals.append(ev)
    foot(a, pid, plan, summary, evals)
    rc, out, err = run([accord, "model", path])
    cross(a, pid, json.loads(out), summary, evals)
    if keep and a.failed > failed_before:
        os.makedirs(keep, exist_ok=True)
        with open(os.path.join(keep, pid.replace(" ", "-") + ".accord"), "w", encoding="utf-8") as f:
            f.write(text)
    return "ok", None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--plans", type=int, default=300, help="plans from this script's writer")
    ap.add_argument("--gen", type=int, default=None, help="accord-gen plans (default: plans / 10)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--accord", default=".build/debug/accord")
    ap.add_argument("--accord-gen", default=".build/debug/accord-gen")
    ap.add_argument("--keep", help="folder to keep the plans that show a difference")
    ap.add_argument("--show", type=int, default=3, help="differences printed per class (JSON path)")
    ap.add_argument("--classes", action="store_true", help="also list every kind of figure compared, with counts")
    ap.add_argument("plan", nargs="*", help="audit these plan files instead")
    args = ap.parse_args()
    a = Audit(args.show)
    invalid = []
    with tempfile.TemporaryDirectory() as tmp:
        jobs = [(p, p) for p in args.plan]
        if not args.plan:
            for i in range(args.plans):
                r = random.Random(f"{args.seed}-{i}")
                path = os.path.join(tmp, f"w{i}.accord")
                with open(path, "w", encoding="utf-8") as f:
                    f.write("\n".join(fill_bands(r, write_plan(r))) + "\n")
                jobs.append((f"writer seed {args.seed}-{i}", path))
            gen = args.plans // 10 if args.gen is None else args.gen
            for i in range(gen):
                path = os.path.join(tmp, f"g{i}.accord")
                rc, out, err = run([args.accord_gen, str(1 + i % 25), "--seed", str(args.seed * 100000 + i)])
                with open(path, "w", encoding="utf-8") as f:
                    f.write(out)
                jobs.append((f"accord-gen {1 + i % 25} --seed {args.seed * 100000 + i}", path))
        for pid, path in jobs:
            status, why = audit_plan(a, pid, path, args.accord, args.keep)
            if status == "invalid":
                invalid.append((pid, why))
    if invalid:
        print(f"{len(invalid)} of {len(jobs)} plans skipped (not valid): e.g. {invalid[0][0]}: {invalid[0][1][:120]}")
    for cls, n in sorted(a.classes.items(), key=lambda kv: -kv[1]):
        print(f"  {n:6} of {a.compared[cls]:7} differ  {cls}")
    if args.classes:
        for cls, n in sorted(a.compared.items()):
            print(f"  {n:7} compared  {cls}")
    print(f"({len(jobs)} plans; {a.w401} W401 messages compared with the summary's gap)")
    print(f"{a.passed} passed, {a.failed} failed")
    return 1 if a.failed else 0


if __name__ == "__main__":
    sys.exit(main())
