#!/usr/bin/env python3
"""Runs the commands a docs page shows and compares their output with the page.

In a fenced block, a line starting with "$ " is a command and the lines after it, up to the next
command or the end of the block, are its output as shown. Each page runs in one fresh temporary
folder (so a page's commands build on each other, as a reader's would), with `clientele` meaning
`java -jar cli/target/clientele.jar` and `simulate.py` the page's cycle-simulate-outcomes.py.
Also run, without comparing: `<!-- docs-check: CMD -->` lines (a step the page describes in words).

Matching: an output line that is only "…" (or starts with "… (") stands for any number of lines
the page leaves out. The run's temporary folders are shown as "/tmp/clientele-demo-.../" and "/.../".
A block marked `<!-- docs-check: skip (why) -->` just before it is not run (say why on the page).

  scripts/docs-check.py docs/cycle.md docs/cli.md      # exit 1 and a diff per mismatch
  scripts/docs-check.py --write docs/cycle.md          # also rewrite outputs that have no "…"
Needs the CLI jar: ./mvnw -B -q package -pl cli -am -DskipTests
"""
import difflib, os, re, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "cli", "target", "clientele.jar")


def blocks(lines):
    """Yields (command, first output line index, end index) for every "$ " line of a fenced block."""
    in_block, skip, cmd, start = False, False, None, 0
    for i, line in enumerate(lines):
        if line.startswith("```"):
            if in_block and cmd is not None:
                yield cmd, start, i
            in_block, cmd = not in_block, None
            if not in_block:
                skip = False
            continue
        if not in_block:
            m = re.match(r"<!-- docs-check: (.*) -->", line.strip())
            if m and m.group(1).startswith("skip"):
                skip = True
            elif m:
                yield ("setup", m.group(1)), i, i
            continue
        if skip:
            continue
        if line.startswith("$ "):
            if cmd is not None:
                yield cmd, start, i
            cmd, start = line[2:], i + 1
            while cmd.endswith("\\") and start < len(lines):  # a command continued on the next line
                cmd, start = cmd[:-1] + " " + lines[start].strip(), start + 1


def pattern(expected):
    out = []
    for line in expected:
        if line.strip() == "…" or line.strip().startswith("… ("):
            out.append(r"(?:[^\n]*\n)*?")
        else:
            p = re.escape(line)
            out.append(p + r"\n")
    return re.compile("".join(out))


def run(cmd, work):
    env = dict(os.environ, PATH=os.path.join(work, ".bin") + os.pathsep + os.environ["PATH"])
    r = subprocess.run(["bash", "-c", cmd], cwd=work, env=env, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True, timeout=600)
    return r.stdout


def check(page, write):
    with open(page, encoding="utf-8") as f:
        lines = f.read().split("\n")
    top = tempfile.mkdtemp(prefix="docs-check.")
    work = os.path.join(top, "work")
    os.makedirs(os.path.join(work, ".bin"))
    os.symlink(os.path.join(ROOT, "..", "shared"), os.path.join(top, "shared"))  # ../shared/data as in the repo
    with open(os.path.join(work, ".bin", "clientele"), "w") as f:
        f.write('#!/bin/sh\nexec java -jar "%s" "$@"\n' % JAR)
    os.chmod(os.path.join(work, ".bin", "clientele"), 0o755)
    sim = os.path.join(os.path.dirname(os.path.abspath(page)), "cycle-simulate-outcomes.py")
    if os.path.exists(sim):
        shutil.copy(sim, os.path.join(work, "simulate.py"))
    for name in ("examples", "cli"):  # commands name repository paths relative to the root
        os.symlink(os.path.join(ROOT, name), os.path.join(work, name))
    failures, edits = 0, []
    for cmd, start, end in blocks(lines):
        if isinstance(cmd, tuple):
            run(cmd[1], work)
            continue
        actual = run(cmd, work).replace(work + "/", "/.../")
        actual = re.sub(r"/clientele-demo-\d+/", "/clientele-demo-.../", actual)
        while end > start and not lines[end - 1].strip():  # the blank line before the next command
            end -= 1
        expected = lines[start:end]
        if pattern(expected).fullmatch(actual.rstrip("\n") + "\n" if actual else ""):
            continue
        failures += 1
        print("== %s:%d: $ %s" % (page, start, cmd))
        sys.stdout.writelines(difflib.unified_diff([l + "\n" for l in expected], actual.splitlines(True),
                                                   "page", "run", n=1))
        if not any(l.strip().startswith("…") for l in expected):
            edits.append((start, end, actual.rstrip("\n").split("\n") if actual else []))
    if write and edits:
        for start, end, new in reversed(edits):
            lines[start:end] = new
        with open(page, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
    shutil.rmtree(top, ignore_errors=True)
    return failures


def main(args):
    write = "--write" in args
    pages = [a for a in args if a != "--write"]
    if not pages or not os.path.exists(JAR):
        print(__doc__)
        return 2
    failures = sum(check(p, write) for p in pages)
    print("docs-check: %d command(s) differ from the page" % failures if failures else "docs-check: every output matches")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
