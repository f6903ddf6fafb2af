#!/usr/bin/env python3
"""man_page_test.py SIMPLAN MAN_PAGE SCD_SOURCE

Checks the man page against the program it documents:
- `man --warnings -l` renders the built page with no warning and exit 0;
- every option that `simplan [COMMAND...] --help` lists appears, as *--option*, in the man page section of
  that command (the global options in GLOBAL OPTIONS), and every command has a section;
- every exit code that `simplan --help` lists is in EXIT STATUS, and every environment variable in
  ENVIRONMENT.
Prints each problem and exits 1 when there is any.
"""
import os
import re
import subprocess
import sys

simplan, man_page, scd_source = sys.argv[1:4]
env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": "/nonexistent", "LC_ALL": "C.UTF-8",
       "MANWIDTH": "80"}
problems = []


def run(args):
    result = subprocess.run(args, env=env, capture_output=True, text=True)
    return result.returncode, result.stdout, result.stderr


# ---- the page renders cleanly ----------------------------------------------------------------------
code, out, err = run(["man", "--warnings", "-l", man_page])
if code != 0 or err:
    problems.append(f"man --warnings -l {man_page}: exit {code}, warnings:\n{err}")
for heading in ("NAME", "SYNOPSIS", "COMMANDS", "EXIT STATUS", "ENVIRONMENT", "FILES", "EXAMPLES"):
    if not re.search(rf"^{heading}$", out, re.M):
        problems.append(f"the rendered page has no {heading} section")

# ---- the source, split into sections: '' (global options) or a command path like 'lines add' ---------
sections = {}
current = None
for line in open(scd_source, encoding="utf-8"):
    if line.startswith("# "):
        current = "" if line.strip() == "# GLOBAL OPTIONS" else None
        if line.strip() in ("# EXIT STATUS", "# ENVIRONMENT"):
            current = line.strip()[2:]
    elif line.startswith("## simplan "):
        words = line.split()[2:]
        path = []
        for word in words:
            if not re.fullmatch(r"[a-z][a-z-]*", word):
                break
            path.append(word)
        current = " ".join(path)
    if current is not None:
        sections[current] = sections.get(current, "") + line


def help_of(path):
    code, out, err = run([simplan, *path, "--help"])
    if code != 0:
        problems.append(f"simplan {' '.join(path)} --help: exit {code}: {err}")
    return out


def block(text, title):
    """The indented lines under `title:` up to the next blank line."""
    match = re.search(rf"^{title}:\n((?:  .*\n)+)", text, re.M)
    return match.group(1).splitlines() if match else []


def check_command(path):
    text = help_of(path)
    name = " ".join(path)
    options = []
    for line in block(text, "Options"):
        spec = line.split()[0]
        options += [o for o in spec.split(",") if o.startswith("-")]
    if path:
        options = [o for o in options if o not in ("-h", "--help")]
    commands = [line.split()[0] for line in block(text, "Commands")]
    if options or not commands:
        if name not in sections:
            problems.append(f"the man page has no section for 'simplan {name}'")
        else:
            for option in options:
                if f"*{option}*" not in sections[name]:
                    where = f"'## simplan {name}'" if path else "GLOBAL OPTIONS"
                    problems.append(f"{option} (from 'simplan {name} --help') is not in the man page under {where}")
    for command in commands:
        check_command(path + [command])
    return text


root_help = check_command([])

for line in block(root_help, "Exit codes"):
    code = line.split()[0]
    if f"*{code}*" not in sections.get("EXIT STATUS", ""):
        problems.append(f"exit code {code} (from 'simplan --help') is not in EXIT STATUS")
for variable in ("SIMPLAN_CATALOG", "SIMPLAN_LINES", "XDG_CONFIG_HOME", "NO_COLOR", "SOURCE_DATE_EPOCH",
                 "LC_ALL", "LC_MESSAGES", "LANG"):
    if f"*{variable}*" not in sections.get("ENVIRONMENT", ""):
        problems.append(f"the environment variable {variable} is not in ENVIRONMENT")

for problem in problems:
    print(problem)
sys.exit(1 if problems else 0)
