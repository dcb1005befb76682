#!/usr/bin/env python3
"""Pins down what `accord` prints, so a refactoring can prove it changed nothing.

    scripts/behaviour.py corpus DIR [--plans N]      # examples, test inputs, generated and mutated plans
    scripts/behaviour.py run DIR OUT [--accord BIN]  # every command and format on every plan of DIR
    scripts/behaviour.py compare OLD NEW             # byte-for-byte; lists what differs, exit 1 if any

Typical use: build the old binary, `corpus` once, `run` it into old/, make the change, `run`
the new binary into new/, `compare old new`. The corpus is kept apart from the outputs so both
runs read the very same plans (the generator itself may change). Plans without an `as-of` are run
`--as-of 2023-01-15`, so nothing depends on today's date.
"""
import argparse
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2023-01-15"

CHECK_FORMATS = ["text", "json", "sarif", "github"]
SUMMARY_FORMATS = ["text", "markdown", "json", "html"]
EVAL_FORMATS = ["text", "markdown", "json", "csv"]


def plan_files(path: Path):
    return sorted(path.rglob("*.accord")) if path.is_dir() else [path]


def has_as_of(path: Path) -> bool:
    for f in plan_files(path):
        try:
            if any(line.lstrip().startswith("as-of") for line in f.read_text(errors="replace").splitlines()):
                return True
        except OSError:
            pass
    return False


def mutate(text: str, rng: random.Random) -> str:
    """One small edit a plan writer might make: drop, repeat or retype a line, or change a digit."""
    lines = text.split("\n")
    i = rng.randrange(len(lines))
    kind = rng.randrange(4)
    if kind == 0:
        del lines[i]
    elif kind == 1:
        lines.insert(i, lines[i])
    elif kind == 2:
        digits = [k for k, c in enumerate(lines[i]) if c.isdigit()]
        if digits:
            k = rng.choice(digits)
            lines[i] = lines[i][:k] + str(rng.randrange(10)) + lines[i][k + 1:]
    else:
        lines[i] = lines[i].replace("%", "", 1) if "%" in lines[i] else lines[i] + " x"
    return "\n".join(lines)


def corpus(args):
    out = Path(args.dir)
    if out.exists():
        sys.exit(f"{out} exists: choose a new folder")
    gen = args.accord_gen
    (out / "examples").mkdir(parents=True)
    for example in sorted((ROOT / "examples").iterdir()):
        if example.is_dir():
            shutil.copytree(example, out / "examples" / example.name)
    tests = out / "tests"
    for f in sorted((ROOT / "Tests").rglob("*.accord")):
        target = tests / f.relative_to(ROOT / "Tests")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(f, target)
    rng = random.Random(17)
    generated = out / "generated"
    generated.mkdir()
    for n in range(args.plans):
        flags = ["--awkward"] if n % 2 else []
        schemes = 1 + n % 12
        text = subprocess.run([gen, str(schemes), "--seed", str(n), *flags], check=True,
                              capture_output=True, text=True).stdout
        (generated / f"g{n:04d}.accord").write_text(text)
        (generated / f"g{n:04d}-m.accord").write_text(mutate(text, rng))
    print(f"corpus in {out}: {sum(1 for _ in out.rglob('*.accord'))} plan files")


def inputs(base: Path):
    """Each example folder as one plan, and every other .accord file on its own."""
    for example in sorted((base / "examples").iterdir()):
        yield example
    for f in sorted((base / "tests").rglob("*.accord")):
        yield f
    for f in sorted((base / "generated").glob("*.accord")):
        yield f


def run(args):
    base = Path(args.dir).resolve()
    out = Path(args.out)
    if out.exists():
        sys.exit(f"{out} exists: choose a new folder")
    accord = str(Path(args.accord).resolve())
    env = {"PATH": os.environ.get("PATH", ""), "NO_COLOR": "1", "LANG": "C.UTF-8"}

    def record(name: Path, command):
        result = subprocess.run([accord, *command], cwd=base, capture_output=True, env=env, timeout=120)
        name.parent.mkdir(parents=True, exist_ok=True)
        name.write_bytes(result.stdout + b"\n--- stderr\n" + result.stderr + f"\n--- exit {result.returncode}\n".encode())

    count = 0
    for plan in inputs(base):
        rel = str(plan.relative_to(base))
        where = out / rel
        date = [] if has_as_of(plan) else ["--as-of", AS_OF]
        for f in CHECK_FORMATS:
            record(where / f"check.{f}", ["check", "--format", f, *date, rel])
        for f in SUMMARY_FORMATS:
            record(where / f"summary.{f}", ["summary", "--format", f, *date, rel])
        record(where / "summary.csv", ["summary", "--format", "csv", "--table", "schemes", *date, rel])
        for f in EVAL_FORMATS:
            record(where / f"eval.{f}", ["eval", "--format", f, *date, rel])
        record(where / "eval.all", ["eval", "--scenario", "all", *date, rel])
        record(where / "model", ["model", *date, rel])
        record(where / "outline", ["outline", rel])
        if plan.is_file():
            result = subprocess.run([accord, "fmt", "-", "--stdin-filename", rel], cwd=base, input=plan.read_bytes(),
                                    capture_output=True, env=env, timeout=120)
            (where / "fmt").write_bytes(result.stdout + b"\n--- stderr\n" + result.stderr + f"\n--- exit {result.returncode}\n".encode())
            mutant = plan.with_name(plan.stem + "-m.accord")
            if mutant.exists():
                for f in ["text", "markdown", "json"]:
                    record(where / f"diff.{f}", ["diff", "--format", f, *date, rel, str(mutant.relative_to(base))])
        count += 1
    print(f"{count} plans run into {out}")


def compare(args):
    old, new = Path(args.old), Path(args.new)
    names = sorted({p.relative_to(old) for p in old.rglob("*") if p.is_file()} |
                   {p.relative_to(new) for p in new.rglob("*") if p.is_file()})
    differing = [n for n in names
                 if not (old / n).is_file() or not (new / n).is_file() or (old / n).read_bytes() != (new / n).read_bytes()]
    for n in differing[:200]:
        print(f"differs: {n}")
    print(f"{len(names)} outputs compared, {len(differing)} differ")
    return 1 if differing else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("corpus")
    c.add_argument("dir")
    c.add_argument("--plans", type=int, default=300)
    c.add_argument("--accord-gen", default=str(ROOT / ".build/debug/accord-gen"))
    r = sub.add_parser("run")
    r.add_argument("dir")
    r.add_argument("out")
    r.add_argument("--accord", default=str(ROOT / ".build/debug/accord"))
    m = sub.add_parser("compare")
    m.add_argument("old")
    m.add_argument("new")
    args = parser.parse_args()
    sys.exit({"corpus": corpus, "run": run, "compare": compare}[args.command](args))


if __name__ == "__main__":
    main()
