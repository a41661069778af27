#!/usr/bin/env python3
"""Turn a conformance scenario into the driver that conformance/record runs.

    python3 lib/driver.py SCENARIO.sh DRIVER.sh

Bash itself decides where each top-level command ends: lines are gathered until `bash -n` accepts
them (an "unexpected end of file", an unterminated quote or a here-document still open means
"incomplete"). Every top-level command is then wrapped in the __pre/__post hooks of lib/env.bash
without adding or removing a line, so bash's line numbers stay the scenario's (README "Transcript
format"). Commands outside the recorder's subset (README "Shell subset") are refused: the complaints go
to stderr, one per line as FILE:LINE: WHY: TEXT, and the exit status is 1.
"""
import os
import re
import subprocess
import sys


# ---------------------------------------------------------------------------------------------------
# Where bash says a command ends.

def bash_parse(text):
    """'ok', 'incomplete' or 'error' for TEXT, as `bash -n` reads it."""
    r = subprocess.run(["bash", "-n"], input=text, capture_output=True, text=True,
                       env={"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LC_ALL": "C"})
    err = r.stderr
    if "delimited by end-of-file" in err:
        return "incomplete"
    if r.returncode == 0 and not err:
        return "ok"
    if "unexpected end of file" in err or "unexpected EOF while looking for matching" in err:
        return "incomplete"
    return "error"


# ---------------------------------------------------------------------------------------------------
# A small lexer: enough of bash's token rules to find commands, redirections, substitutions and
# here-document bodies. Bash has already accepted the text, so the lexer may be simple.

class LintError(Exception):
    pass


class Word:
    """One shell word: its source text, its value after quote removal when it expands nothing
    (None otherwise), and the command substitutions inside it (each a token list)."""

    def __init__(self, raw, value, subs, quoted):
        self.raw = raw
        self.value = value
        self.subs = subs
        self.quoted = quoted

    def text(self):
        """The value when literal, else the source text (so that prefix checks still work)."""
        return self.value if self.value is not None else self.raw

    def __repr__(self):
        return "Word(%r)" % self.raw


OPERATORS = [";;&", "&>>", "<<<", "<<-", ";;", ";&", "&&", "||", "|&", ">>", "<<", "<&", ">&", "<>",
             ">|", "&>", "<(", ">(", ";", "&", "|", "<", ">", "(", ")", "\n"]
REDIRECTS = {"&>>", "<<<", "<<-", ">>", "<<", "<&", ">&", "<>", ">|", "&>", "<", ">"}
META = set(" \t\n;&|<>()")


class Lexer:
    def __init__(self, text):
        self.s = text
        self.i = 0
        self.pending = []     # here-documents waiting for the next newline: (delimiter, strip_tabs, quoted)
        self.body_lines = []  # line numbers (relative to the text) that are here-document bodies or delimiters

    def lineno(self):
        return self.s.count("\n", 0, self.i)

    def tokens(self, until_paren=False):
        """Token list up to the end (or, inside $( ), up to the matching ')', which is consumed)."""
        out = []
        depth = 0
        while True:
            s, i = self.s, self.i
            while i < len(s) and s[i] in " \t":
                i += 1
            if i < len(s) and s[i] == "\\" and i + 1 < len(s) and s[i + 1] == "\n":
                self.i = i + 2
                continue
            self.i = i
            if i >= len(s):
                if until_paren:
                    raise LintError("unbalanced $(")
                return out
            c = s[i]
            if c == "#":
                # At the start of a word a comment runs to the end of the line (inside a word, # is
                # part of it: word() reads it).
                j = s.find("\n", i)
                self.i = len(s) if j < 0 else j
                out.append(("comment", s[i:self.i]))
                continue
            # Redirections may carry a file descriptor number: 2>, 2>&1, 3<.
            m = re.match(r"[0-9]+(?=[<>])", s[i:])
            if m:
                self.i = i + len(m.group(0))
                op = self.operator()
                out.append(("op", op, m.group(0)))
                self.after_op(op, out)
                continue
            if c in META:
                op = self.operator()
                if op == ")" and until_paren and depth == 0:
                    return out
                if op == "(":
                    depth += 1
                elif op == ")":
                    depth -= 1
                out.append(("op", op, ""))
                if op == "\n":
                    self.read_heredoc_bodies()
                else:
                    self.after_op(op, out)
                continue
            out.append(("word", self.word()))

    def operator(self):
        for op in OPERATORS:
            if self.s.startswith(op, self.i):
                self.i += len(op)
                return op
        raise LintError("unknown operator at %r" % self.s[self.i:self.i + 5])

    def after_op(self, op, out):
        if op in ("<(", ">("):
            out[-1] = ("procsub", Lexer.sub(self))
        elif op in ("<<", "<<-"):
            while self.i < len(self.s) and self.s[self.i] in " \t":
                self.i += 1
            w = self.word()
            if w.subs or (w.value is None and "$" in w.raw):
                raise LintError("a here-document delimiter must be a plain word")
            delim = re.sub(r"[\"'\\]", "", w.raw)
            hw = Word(w.raw, delim, [], w.quoted)
            hw.body = []
            self.pending.append((delim, op == "<<-", w.quoted, hw))
            out.append(("word", hw))

    @staticmethod
    def sub(outer):
        """Lex a $( ... ) (or <( ... )) whose opening outer has just consumed."""
        inner = Lexer(outer.s)
        inner.i = outer.i
        toks = inner.tokens(until_paren=True)
        outer.i = inner.i
        outer.body_lines += inner.body_lines
        return toks

    def read_heredoc_bodies(self):
        while self.pending:
            delim, tabs, quoted, hw = self.pending.pop(0)
            while True:
                if self.i >= len(self.s):
                    raise LintError("here-document delimited by %s never ends" % delim)
                j = self.s.find("\n", self.i)
                j = len(self.s) if j < 0 else j
                line = self.s[self.i:j]
                self.body_lines.append(self.lineno())
                self.i = min(j + 1, len(self.s))
                if line == delim or (tabs and line.lstrip("\t") == delim):
                    break
                hw.body.append(line.lstrip("\t") if tabs else line)
                if not quoted and ("`" in line or "$(" in line.replace("$((", "")):
                    raise LintError("no command substitution in a here-document body")

    def word(self):
        s = self.s
        start = self.i
        value = []
        literal = True
        quoted = False
        subs = []
        while self.i < len(s) and s[self.i] not in META:
            c = s[self.i]
            if c == "\\":
                if self.i + 1 < len(s) and s[self.i + 1] == "\n":
                    self.i += 2
                    continue
                value.append(s[self.i + 1:self.i + 2])
                self.i += 2
                quoted = True
            elif c == "'":
                j = s.index("'", self.i + 1)
                value.append(s[self.i + 1:j])
                self.i = j + 1
                quoted = True
            elif c == "$" and s.startswith("$'", self.i):
                j = self.i + 2
                while s[j] != "'":
                    j += 2 if s[j] == "\\" else 1
                literal = False
                self.i = j + 1
                quoted = True
            elif c == '"':
                quoted = True
                self.i += 1
                while s[self.i] != '"':
                    d = s[self.i]
                    if d == "\\":
                        nxt = s[self.i + 1]
                        value.append(nxt if nxt in '$`"\\\n' else "\\" + nxt)
                        self.i += 2
                    elif d == "$" or d == "`":
                        literal = False
                        self.expansion(subs)
                    else:
                        value.append(d)
                        self.i += 1
                self.i += 1
            elif c == "$" or c == "`":
                literal = False
                self.expansion(subs)
            elif c == "~" and self.i == start:
                # Tilde expands to $HOME: not literal.
                literal = False
                value.append(c)
                self.i += 1
            else:
                value.append(c)
                self.i += 1
        raw = s[start:self.i]
        return Word(raw, "".join(value) if literal else None, subs, quoted)

    def expansion(self, subs):
        s = self.s
        if s[self.i] == "`":
            j = self.i + 1
            while s[j] != "`":
                j += 2 if s[j] == "\\" else 1
            subs.append(Lexer(s[self.i + 1:j]).tokens())
            self.i = j + 1
        elif s.startswith("$((", self.i):
            depth, j = 0, self.i + 1
            while True:
                if s[j] == "(":
                    depth += 1
                elif s[j] == ")":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            if "$(" in s[self.i + 3:j].replace("$((", "") or "`" in s[self.i:j]:
                raise LintError("no command substitution inside $(( ))")
            self.i = j + 1
        elif s.startswith("$(", self.i):
            self.i += 2
            subs.append(Lexer.sub(self))
        elif s.startswith("${", self.i):
            depth, j = 0, self.i + 1
            while True:
                if s[j] == "{":
                    depth += 1
                elif s[j] == "}":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            inner = s[self.i:j + 1]
            if "$(" in inner or "`" in inner:
                raise LintError("no command substitution inside ${ }")
            self.i = j + 1
        else:
            self.i += 1
            m = re.match(r"[A-Za-z_][A-Za-z0-9_]*|[0-9?!$#@*_-]", s[self.i:])
            if m:
                self.i += len(m.group(0))


# ---------------------------------------------------------------------------------------------------
# Finding the simple commands in a token list and checking each.

RESERVED_CMD = {"if", "then", "else", "elif", "do", "while", "until", "!", "{", "}", "time", "fi", "done", "esac"}
ASSIGN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\[[^]]*\])?\+?=")


class Linter:
    def __init__(self):
        self.functions = set()
        self.complaints = []
        self.stdin = None  # the literal text a simple command reads on stdin, when known

    def complain(self, why):
        self.complaints.append(why)

    def tokens(self, toks, top=False):
        """Walk a token list, find each simple command's words and redirections and check them."""
        i, n = 0, len(toks)
        words, redirs = [], []  # the simple command being read: its words and (operator, target) pairs
        state = "cmd"  # cmd: a command may start; args: inside a simple command
        prev = {"words": None, "piped": False}  # the simple command before a `|`, for `printf ... | bash`

        def flush(op=None):
            if words:
                stdin = None
                for r_op, r_target in redirs:
                    if r_op in ("<<", "<<-"):
                        stdin = "\n".join(r_target.body) + "\n" if r_target.value is not None and not r_target.quoted \
                            else "\n".join(getattr(r_target, "body", [])) + "\n"
                    elif r_op == "<<<":
                        stdin = r_target.value if r_target.value is not None else ""
                if stdin is None and prev["piped"]:
                    stdin = piped_text(prev["words"])
                self.stdin = stdin
                self.simple(words, top)
                prev["words"] = list(words)
            else:
                prev["words"] = None
            prev["piped"] = op in ("|", "|&")
            words.clear()
            redirs.clear()

        while i < n:
            t = toks[i]
            kind = t[0]
            if kind == "comment":
                i += 1
                continue
            if kind == "procsub":
                self.tokens(t[1])
                if state == "args":
                    words.append(Word("<(...)", None, [], False))
                i += 1
                continue
            if kind == "op":
                op = t[1]
                if op in REDIRECTS:
                    target = toks[i + 1][1] if i + 1 < n and toks[i + 1][0] == "word" else None
                    if target is None:
                        self.complain("a redirection needs a word after it")
                    else:
                        self.redirect(op, target)
                        redirs.append((op, target))
                        self.word_subs(target)
                    i += 2
                    continue
                if op == "(" and words and len(words) == 1 and i + 1 < n and toks[i + 1][:2] == ("op", ")"):
                    # NAME ( ) COMPOUND: a function definition.
                    self.functions.add(words[0].text())
                    words.clear()
                    i += 2
                    state = "cmd"
                    continue
                if op == "(" and i + 1 < n and toks[i + 1][:2] == ("op", "("):
                    # (( arithmetic )) as a command: skip to the matching )).
                    depth = 0
                    while i < n:
                        if toks[i][:2] == ("op", "("):
                            depth += 1
                        elif toks[i][:2] == ("op", ")"):
                            depth -= 1
                            if depth == 0:
                                break
                        if toks[i][0] == "word":
                            self.word_subs(toks[i][1])
                        i += 1
                    i += 1
                    continue
                flush(op)
                state = "cmd"
                i += 1
                continue
            w = t[1]
            self.word_subs(w)
            v = w.value
            if state == "cmd":
                if v in RESERVED_CMD and not w.quoted:
                    i += 1
                    continue
                if v == "function" and not w.quoted:
                    self.functions.add(toks[i + 1][1].text())
                    i += 2
                    if i + 1 < n and toks[i][:2] == ("op", "(") and toks[i + 1][:2] == ("op", ")"):
                        i += 2
                    continue
                if v in ("for", "select") and not w.quoted:
                    if v == "select":
                        self.complain("select is not in the subset")
                    # for NAME in WORDS ; do  /  for (( ... ))
                    i += 1
                    while i < n and not (toks[i][0] == "word" and toks[i][1].value == "do"):
                        if toks[i][0] == "word":
                            self.word_subs(toks[i][1])
                        i += 1
                    i += 1
                    continue
                if v == "case" and not w.quoted:
                    i = self.case(toks, i)
                    continue
                if v == "[[" and not w.quoted:
                    i += 1
                    while i < n and not (toks[i][0] == "word" and toks[i][1].value == "]]"):
                        if toks[i][0] == "word":
                            self.word_subs(toks[i][1])
                        i += 1
                    i += 1
                    state = "args"
                    continue
                if v is not None and ASSIGN.match(v) or (v is None and ASSIGN.match(w.raw)):
                    if top and w.raw.split("=")[0] in ("PATH", "BASH_ENV", "ENV", "LD_PRELOAD"):
                        self.complain("do not change %s" % w.raw.split("=")[0])
                    i += 1
                    continue
                state = "args"
            words.append(w)
            i += 1
        flush()

    def case(self, toks, i):
        """case WORD in PATTERN) LIST ;; ... esac: patterns are not commands."""
        n = len(toks)
        i += 1
        self.word_subs(toks[i][1])
        i += 2  # the word and `in`
        while i < n:
            # Skip newlines, then a pattern up to `)`, then a list up to ;; ;& ;;& or esac.
            while i < n and toks[i][:2] == ("op", "\n"):
                i += 1
            if i < n and toks[i][0] == "word" and toks[i][1].value == "esac":
                return i + 1
            if i < n and toks[i][:2] == ("op", "("):
                i += 1
            while i < n and toks[i][:2] != ("op", ")"):
                i += 1
            i += 1
            start = i
            depth = 0
            while i < n:
                t = toks[i]
                if t[0] == "word" and t[1].value in ("case",):
                    depth += 1
                if t[0] == "word" and t[1].value == "esac":
                    if depth == 0:
                        break
                    depth -= 1
                if t[0] == "op" and t[1] in (";;", ";&", ";;&") and depth == 0:
                    break
                i += 1
            self.tokens(toks[start:i])
            if i < n and toks[i][0] == "op":
                i += 1
        return i

    def word_subs(self, w):
        for sub in w.subs:
            self.tokens(sub)

    def redirect(self, op, target):
        t = target.text()
        if op in ("<<", "<<-"):
            return
        if op == "<<<":
            return
        if op in (">&", "<&") and re.fullmatch(r"[0-9]+-?|-", t):
            return
        if op in ("<", "<>"):
            self.path(t, read=True)
        else:
            self.path(t, read=False)

    READ_ROOTS = ("/proc/self/ns/", "/proc/net/", "/proc/sys/net/", "/proc/self/net/", "/sys/class/net",
                  "/run/netns", "/var/run/netns", "/tmp/", "/dev/null", "/proc/self/comm")
    WRITE_ROOTS = ("/tmp/", "/run/netns/", "/var/run/netns/", "/dev/null", "/proc/sys/net/")

    def path(self, p, read):
        """A file a command reads or writes: only the recorder's private trees."""
        if p == "/tmp":
            return
        roots = self.READ_ROOTS if read else self.WRITE_ROOTS
        if (p.rstrip("/") + "/").startswith(roots) or (read and p in ("/proc/self", "/var/run")):
            if ".." in p.split("/"):
                self.complain("no .. in paths: %s" % p)
            return
        if read and re.match(r"^/proc/(\$[A-Za-z_][A-Za-z0-9_]*|\$[!$]|\$\{[A-Za-z_]+\}|\$\([^)]*\)|[0-9]+|self)/(ns(/|$)|comm$|net/)", p):
            return
        self.complain("%s %s is outside the recorder's private files (%s)"
                      % ("reading" if read else "writing", p, " ".join(roots)))

    def files(self, args, read=True):
        for a in args:
            t = a.text()
            if t.startswith("-") and a.value is not None:
                continue
            if a.raw.startswith("~"):
                self.complain("~ is the recorder's home: use /tmp/...")
                continue
            if t.startswith("/") or t.startswith("$") or t.startswith("."):
                if t.startswith("$") and a.value is None:
                    continue  # a variable naming a file: the recorded run shows where it went
                self.path(t, read)
            elif not read:
                self.complain("a relative path %s: use /tmp/..." % t)

    def simple(self, words, top):
        cmd = words[0].text()
        if words[0].value is None:
            self.complain("a command name must be literal: %s" % words[0].raw)
            return
        self.command(cmd, words[1:], top=top)

    # The programs of the subset. Each check sees the argument words (Word objects).
    def command(self, cmd, args, top=False, bounded=False):
        vals = [a.text() for a in args]
        if cmd in self.functions:
            return
        if cmd in ("true", "false", ":", "echo", "printf", "test", "[", "wait", "read", "shift", "exit",
                   "return", "break", "continue", "local", "export", "unset", "declare", "let", "readonly",
                   "getopts", "mapfile", "readarray", "jobs", "cd", "trap", "kill", "sleep", "id",
                   "seq", "basename", "dirname", "wc", "cut", "tr", "uniq", "sort", "head", "tail", "grep",
                   "egrep", "fgrep", "expr", "pgrep", "iptables", "iptables-save", "iptables-restore",
                   "ip6tables", "ip6tables-save", "ip6tables-restore"):
            if cmd == "printf" and vals[:1] == ["-v"]:
                return
            if cmd == "cd" and (not vals or not (vals[0] + "/").startswith(("/tmp/", "/run/netns/"))):
                self.complain("cd only to /tmp or /run/netns")
            if cmd in ("head", "tail", "wc", "cut", "sort", "uniq"):
                if cmd == "sort" and any(v.startswith("-o") for v in vals):
                    self.complain("sort -o writes a file")
                self.files(args)
            if cmd in ("grep", "egrep", "fgrep"):
                pats = [a for a in args if not a.text().startswith("-")]
                if not any(v in ("-e", "-f") or v.startswith("-e") for v in vals):
                    pats = pats[1:]
                self.files(pats)
            return
        if cmd == "set":
            for v in vals:
                if re.match(r"^[-+][a-zA-Z]*[xv]", v) or v in ("xtrace", "verbose"):
                    if top:
                        self.complain("set -x / -v at the top level would trace the recorder's hooks: use bash -c")
            return
        if cmd in ("source", "."):
            self.files(args[:1])
            return
        if cmd == "eval" or cmd in ("bash", "sh"):
            self.shell(cmd, args)
            return
        if cmd == "ip":
            self.ip(args, bounded)
            return
        if cmd in ("cat", "ls", "stat", "readlink", "tee", "touch", "mkdir", "rm", "rmdir", "cmp", "diff",
                   "comm", "sed", "awk"):
            if cmd == "sed":
                if any(v.startswith("-i") or v.startswith("--in-place") for v in vals):
                    self.complain("sed -i writes a file")
                script = next((a for a in args if not a.text().startswith("-")), None)
                if script is not None and re.search(r"(^|;|\s)[wWe]\b|/w\b", script.text()):
                    self.complain("sed w/e commands are not in the subset")
                rest = [a for a in args if a is not script and not a.text().startswith("-")]
                self.files(rest)
                return
            if cmd == "awk":
                prog = None
                rest = []
                j = 0
                while j < len(args):
                    v = vals[j]
                    if v in ("-F", "-v", "-f"):
                        if v == "-f":
                            self.complain("awk -f is not in the subset")
                        j += 2
                        continue
                    if v.startswith("-F") or v.startswith("-v"):
                        j += 1
                        continue
                    if prog is None:
                        prog = v
                    else:
                        rest.append(args[j])
                    j += 1
                if prog is None or re.search(r"system|getline|\|\s*\"|>\s*\"|>>|\|&", prog):
                    self.complain("awk programs may not run commands or write files")
                self.files(rest)
                return
            if cmd == "ls" and not args:
                self.complain("ls of the working directory (the recorder's): name a directory")
            if cmd == "stat" and not any(v.startswith(("-c", "--format", "--printf")) for v in vals):
                self.complain("stat needs -c FORMAT (its default output holds times)")
            writes = cmd in ("tee", "touch", "mkdir", "rm", "rmdir")
            if cmd == "stat":
                args = [a for k, a in enumerate(args) if not (k > 0 and vals[k - 1] == "-c")]
            self.files(args, read=not writes)
            return
        if cmd == "mount":
            if "--bind" in vals or "-B" in vals:
                paths = [a for a in args if not a.text().startswith("-")]
                if len(paths) == 2:
                    self.files(paths[:1])
                    self.files(paths[1:], read=False)
                    return
            if vals[:3] in (["-t", "tmpfs", "tmpfs"],) and len(vals) == 4:
                self.files(args[3:], read=False)
                return
            if vals[:1] == ["--make-private"] or vals[:1] == ["--make-rprivate"]:
                self.files(args[1:], read=False)
                return
            self.complain("mount: only --bind SRC DST and -t tmpfs tmpfs DIR under /tmp or /run/netns")
            return
        if cmd == "umount":
            self.files([a for a in args if not a.text().startswith("-")], read=False)
            return
        if cmd == "ps":
            return
        if cmd == "lsns":
            return
        if cmd == "ethtool":
            if not vals or vals[0] not in ("-k", "-i", "-S", "-P", "--show-features", "--show-offload", "--driver",
                                           "--statistics", "--show-permaddr"):
                self.complain("ethtool: only -k, -i, -S and -P")
            return
        if cmd == "nsenter" or cmd == "unshare":
            j = 0
            allowed = (r"^(-n|-m|-t|--net(=.*)?|--mount(=.*)?|--target|-F|--no-fork|--)$" if cmd == "nsenter"
                       else r"^(-n|-m|--net|--mount|-f|--fork|--)$")
            while j < len(vals) and vals[j].startswith("-"):
                if not re.match(allowed, vals[j]):
                    self.complain("%s: only %s" % (cmd, allowed))
                    return
                if vals[j].startswith("--net=") or vals[j].startswith("--mount="):
                    self.path(vals[j].split("=", 1)[1], read=True)
                if vals[j] in ("-t", "--target"):
                    j += 1
                if vals[j] == "--":
                    j += 1
                    break
                j += 1
            if j < len(vals):
                self.command(vals[j], args[j + 1:], bounded=bounded)
            return
        if cmd == "timeout":
            j = 0
            while j < len(vals) and vals[j].startswith("-"):
                if vals[j] in ("-s", "-k", "--signal", "--kill-after"):
                    j += 1
                j += 1
            if j + 1 < len(vals):
                self.command(vals[j + 1], args[j + 2:], bounded=True)
            return
        if cmd == "env":
            j = 0
            while j < len(vals) and (vals[j] in ("-i", "-u", "--") or "=" in vals[j]):
                if vals[j] == "-u":
                    j += 1
                j += 1
            if j >= len(vals):
                self.complain("env without a command prints the recorder's environment")
                return
            self.command(vals[j], args[j + 1:], bounded=bounded)
            return
        if cmd == "xargs":
            j = 0
            while j < len(vals) and vals[j].startswith("-"):
                if vals[j] in ("-n", "-I", "-d", "-L", "-P", "-s"):
                    j += 1
                j += 1
            if j < len(vals):
                if vals[j] in ("rm", "rmdir", "touch", "mkdir", "tee", "mount", "umount", "kill"):
                    self.complain("xargs %s: its arguments come from stdin, unchecked" % vals[j])
                self.command(vals[j], args[j + 1:], bounded=bounded)
            return
        if cmd in ("ping", "ping6"):
            self.ping(vals)
            return
        if cmd == "sysctl":
            for o in vals:
                if o in ("-w", "-n", "-q", "-nw", "-wn", "-qw", "-wq"):
                    continue
                if o.startswith("-"):
                    self.complain("sysctl: only -w and -n are in the subset")
                elif not o.startswith("net."):
                    self.complain("sysctl: only net.* keys are in the subset")
            return
        if cmd == "ss":
            return
        if cmd in ("nc", "socat"):
            if not bounded:
                self.complain("%s only under timeout, so that it cannot hang" % cmd)
            return
        if cmd in ("hostname", "date", "uname", "env", "pwd", "type", "command", "hash", "who", "uptime",
                   "free", "df", "dmesg", "shopt", "alias", "exec", "yes", "tcpdump",
                   "bridge", "cp", "mv", "ln", "chmod", "dd", "find", "less", "more", "vi"):
            self.complain("command %s is not in the subset" % cmd)
            return
        if os.path.sep in cmd:
            if not (cmd == "/tmp" or cmd.startswith(("/tmp/", "/run/netns/"))) or ".." in cmd:
                self.complain("a command by path outside /tmp: %s" % cmd)
            return
        if shutil_which(cmd) or is_builtin(cmd):
            self.complain("command %s is not in the subset" % cmd)

    def shell(self, cmd, args):
        vals = [a.text() for a in args]
        if cmd == "eval":
            for a in args:
                if a.value is None:
                    self.complain("eval of an expanded word")
                    return
            self.script(" ".join(vals))
            return
        j = 0
        while j < len(vals):
            v = vals[j]
            if v == "-c":
                if j + 1 >= len(vals):
                    return  # bash refuses it: "-c: option requires an argument"
                w = args[j + 1]
                if w.value is not None:
                    self.script(w.value)
                elif re.fullmatch(r'"([^"\\]|\\.)*"', w.raw):
                    # "... $VAR ...": check the script with its variables left as they are.
                    self.script(re.sub(r'\\(["$`\\])', r"\1", w.raw[1:-1]))
                else:
                    self.complain("%s -c needs a literal or double-quoted script" % cmd)
                return
                return
            if v == "-o":
                j += 2
                continue
            if re.match(r"^[-+][euxo]+$", v):
                j += 1
                continue
            self.complain("%s: only -c SCRIPT, -e -u -x -o OPT, or a script on stdin" % cmd)
            return
        # No -c: bash reads its commands from stdin: a here-document, a here-string or a pipe from echo or
        # printf with literal words. Its script is checked like the scenario's.
        text = self.stdin
        if text is None:
            self.complain("%s reads its script from stdin: feed it a here-document or echo/printf of literal words" % cmd)
            return
        self.script(text.rstrip("\n"))

    def script(self, text):
        if bash_parse(text + "\n") != "ok":
            return  # bash refuses it: that is the point (its error is recorded)
        try:
            lx = Lexer(text + "\n")
            self.tokens(lx.tokens())
        except (LintError, IndexError, ValueError) as e:
            self.complain("cannot read the script %r: %s" % (text, e))

    def ip(self, args, bounded):
        vals = [a.text() for a in args]
        j = 0
        allns = False
        while j < len(vals):
            o = vals[j]
            if o == "-all":
                allns = True
            elif o in ("-n", "-netns"):
                j += 1
            elif o.startswith("-"):
                pass
            else:
                break
            j += 1
        obj = vals[j] if j < len(vals) else ""
        sub = vals[j + 1] if j + 1 < len(vals) else ""
        if len(obj) >= 2 and "monitor".startswith(obj) and not bounded:  # `ip m` is maddress, `ip mo` monitor
            self.complain("ip monitor only under timeout")
        if len(obj) >= 3 and "netns".startswith(obj) and sub and "exec".startswith(sub):
            k = j + 2 if allns else j + 3
            if k < len(vals):
                self.command(vals[k], args[k + 1:], bounded=bounded)

    def ping(self, vals):
        has_c = has_w = False
        j = 0
        while j < len(vals):
            o = vals[j]
            if o in ("-q", "-4", "-6"):
                pass
            elif re.fullmatch(r"-[ciWwsIt]", o):
                has_c = has_c or o == "-c"
                has_w = has_w or o in ("-W", "-w")
                j += 1
            elif re.match(r"-[ciWwsIt].", o):
                has_c = has_c or o[:2] == "-c"
                has_w = has_w or o[:2] in ("-W", "-w")
            elif o.startswith("-"):
                self.complain("ping: only -c -i -W -w -s -q -I -t -4 -6 are in the subset")
                return
            j += 1
        if not (has_c and has_w):
            self.complain("ping needs -c and -W or -w, so that it cannot hang")


def piped_text(words):
    """What `echo WORDS |` or `printf FORMAT |` writes, when every word is literal; else None."""
    if not words or any(w.value is None for w in words):
        return None
    vals = [w.value for w in words]
    if vals[0] == "echo":
        return " ".join(vals[1:]) + "\n"
    if vals[0] == "printf" and len(vals) == 2:
        return vals[1].replace("\\n", "\n").replace("\\t", "\t")
    return None


def shutil_which(cmd):
    for d in ("/usr/sbin", "/usr/bin", "/sbin", "/bin"):
        if os.access(os.path.join(d, cmd), os.X_OK):
            return True
    return False


def is_builtin(cmd):
    r = subprocess.run(["bash", "-c", 'type -t -- "$1"', "x", cmd], capture_output=True, text=True)
    return r.stdout.strip() in ("builtin", "keyword")


# ---------------------------------------------------------------------------------------------------
# The driver.

def quote(s):
    return "'" + s.replace("'", "'\\''") + "'"


def make_driver(src, dst):
    with open(src, encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    name = os.path.basename(src)
    out = []
    bad = []
    pending_post = False   # a multi-line command's __post goes on the next line
    linter = Linter()
    syntax_error_at = None
    i = 0
    n = len(lines)

    def refuse(lineno, why, what):
        bad.append("%s:%d: %s: %s" % (src, lineno, why, what))

    while i < n:
        line = lines[i]
        trimmed = line.rstrip()
        lead = trimmed.lstrip()
        if not lead or lead.startswith("#"):
            if pending_post:
                out.append("__post $?")
                pending_post = False
            else:
                out.append(line)
            i += 1
            continue
        if syntax_error_at is not None:
            refuse(i + 1, "nothing may follow a syntax error (bash stops there)", trimmed)
            break
        # Gather lines until bash accepts them as complete commands.
        j = i
        while True:
            chunk = [trimmed] + lines[i + 1:j + 1]
            state = bash_parse("\n".join(chunk) + "\n")
            if state == "ok" and (len(chunk[-1]) - len(chunk[-1].rstrip("\\"))) % 2 == 1:
                state = "incomplete"  # a line continuation: bash -n accepts one at the end of the text
            if state == "incomplete" and j + 1 < n:
                j += 1
                continue
            break
        chunk = [trimmed] + lines[i + 1:j + 1]
        first = i + 1
        try:
            lx = Lexer("\n".join(chunk) + "\n")
            toks = lx.tokens() if state == "ok" else []
            body = set(lx.body_lines)
        except (LintError, IndexError, ValueError) as e:
            refuse(first, "cannot read this command", str(e))
            toks, body = [], set()
        shown = [chunk[k].rstrip() for k in range(len(chunk)) if k not in body]
        if state != "ok":
            # bash refuses the command: it prints its syntax error and stops reading the script.
            syntax_error_at = first
            if pending_post:
                refuse(first, "a syntax error right after a multi-line command: put a blank line between", trimmed)
            out.extend(chunk)
            i = j + 1
            continue
        for k, s in enumerate(shown[1:]):
            if not s.strip() or s.strip().startswith("#"):
                refuse(first, "no blank or comment lines inside a multi-line command", trimmed)
            if s != s.rstrip():
                refuse(first, "no trailing blanks inside a multi-line command", trimmed)
        for k in range(1, len(chunk)):
            if k not in body and chunk[k] != chunk[k].rstrip():
                refuse(first + k, "no trailing blanks inside a multi-line command", chunk[k])
        if re.search(r"\$_\b|\$\{_\}", "\n".join(shown)):
            refuse(first, "$_ sees the recorder's hooks", trimmed)
        if "PIPESTATUS" in "\n".join(shown):
            joined = "\n".join(shown)
            if "|" not in joined[:joined.index("PIPESTATUS")]:
                refuse(first, "PIPESTATUS only after a pipeline of the same top-level command", trimmed)
        linter.complaints = []
        try:
            linter.tokens(toks, top=True)
        except (LintError, IndexError, ValueError) as e:
            linter.complain("cannot read this command: %s" % e)
        for c in linter.complaints:
            refuse(first, c, trimmed)
        comment = any(t[0] == "comment" for t in toks)
        prefix = "__post $?; " if pending_post else ""
        pending_post = False
        one_line = len(shown) == 1
        hook = "__pre %s && :; " % " ".join(quote(s) for s in shown)
        if one_line and not comment and not trimmed.endswith(";"):
            # The one-line form (README): __pre 'LINE' && :; LINE ; __post $?   or, for LINE &, LINE __post 0
            if trimmed.endswith("&") and not trimmed.endswith("&&"):
                out.append(prefix + hook + trimmed + " __post 0")
            else:
                out.append(prefix + hook + trimmed + " ; __post $?")
            out.extend(chunk[1:])
        else:
            out.append(prefix + hook + trimmed)
            out.extend(chunk[1:])
            pending_post = True
        i = j + 1
    if pending_post:
        out.append("__post $?")
    with open(dst, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    for b in bad:
        print(b, file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print("usage: driver.py SCENARIO.sh DRIVER.sh", file=sys.stderr)
        sys.exit(2)
    sys.exit(make_driver(sys.argv[1], sys.argv[2]))
