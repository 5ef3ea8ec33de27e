#!/usr/bin/env python3
"""A scripted LSP session against autorc-clangd (a stand-in for an editor).

usage: lsp_session.py AUTORC_CLANGD WORKDIR INCLUDE_DIR

Writes WORKDIR/cycle.c (a doubly linked node with two strong links, and an
unused variable clangd itself warns about) and compile_flags.txt, then:
  1. opens the file: prints clangd's and autorc's diagnostics, with
     autorc's notes (relatedInformation);
  2. asks for code actions at the autorc warning: prints autorc's fix-it;
  3. edits the unsaved buffer (incrementally) to make 'prev' RC_WEAK:
     prints the diagnostics again once clangd and autorc have both
     reported on that version.
The file on disk keeps the cycle: only the buffer changes.
"""
import json
import os
import subprocess
import sys
import threading
import time

SOURCE = """#include <autorc.h>

struct RC_MANAGED dnode {
    struct dnode *next;
    struct dnode *prev;
    int value;
};

int main(void) {
    int unused_var;
    return 0;
}
"""


class Client:
    def __init__(self, cmd):
        self.p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 1
        self.msgs = []
        self.cv = threading.Condition()
        threading.Thread(target=self.reader, daemon=True).start()

    def reader(self):
        out = self.p.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                if not line.strip():
                    break
                k, _, v = line.decode().partition(":")
                if k.lower() == "content-length":
                    length = int(v)
            msg = json.loads(out.read(length))
            with self.cv:
                self.msgs.append(msg)
                self.cv.notify_all()

    def send(self, msg):
        msg["jsonrpc"] = "2.0"
        body = json.dumps(msg).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()

    def request(self, method, params):
        rid = self.next_id
        self.next_id += 1
        self.send({"id": rid, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == rid and "method" not in m)[-1]

    def notify(self, method, params):
        self.send({"method": method, "params": params})

    def wait(self, pred, count=1, timeout=240):
        end = time.time() + timeout
        with self.cv:
            while True:
                hits = [m for m in self.msgs if pred(m)]
                if len(hits) >= count:
                    return hits
                left = end - time.time()
                if left <= 0:
                    sys.exit("timeout; messages: %s" % json.dumps(self.msgs)[-3000:])
                self.cv.wait(left)


def show(diags):
    for d in sorted(diags, key=lambda d: (d.get("source", ""), d["range"]["start"]["line"])):
        print("%s %s line %d: %s" % (d.get("source"), d.get("code"), d["range"]["start"]["line"] + 1,
                                     d["message"].splitlines()[0]))
        for r in d.get("relatedInformation", []):
            print("  related line %d: %s" % (r["location"]["range"]["start"]["line"] + 1, r["message"]))


def main():
    server, work, include = sys.argv[1:4]
    path = os.path.join(work, "cycle.c")
    with open(path, "w") as f:
        f.write(SOURCE)
    with open(os.path.join(work, "compile_flags.txt"), "w") as f:
        f.write("-I%s\n-std=gnu11\n-Wall\n" % include)
    uri = "file://" + path
    c = Client([server, "--log=error"])
    c.request("initialize", {"processId": os.getpid(), "rootUri": "file://" + work, "capabilities": {
        "textDocument": {"publishDiagnostics": {"relatedInformation": True},
                         "codeAction": {"codeActionLiteralSupport": {
                             "codeActionKind": {"valueSet": ["quickfix"]}}}}}})
    c.notify("initialized", {})
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "c", "version": 1,
                                                        "text": SOURCE}})
    is_pub = lambda v: lambda m: (m.get("method") == "textDocument/publishDiagnostics"
                                  and m["params"]["uri"] == uri and m["params"].get("version") == v)
    both = lambda m: ({d.get("source") for d in m["params"]["diagnostics"]} >= {"clang", "autorc"})
    pub = c.wait(lambda m: is_pub(1)(m) and both(m))[-1]
    print("== open")
    show(pub["params"]["diagnostics"])

    warn = next(d for d in pub["params"]["diagnostics"] if d.get("source") == "autorc")
    actions = c.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": warn["range"],
                                                    "context": {"diagnostics": [warn]}})
    print("== code actions")
    for a in actions.get("result") or []:
        for edits in a.get("edit", {}).get("changes", {}).values():
            for e in edits:
                print("%s: line %d insert %r" % (a["title"].split(":")[0], e["range"]["start"]["line"] + 1,
                                                 e["newText"]))

    # Line 5 is "    struct dnode *prev;": insert RC_WEAK before 'struct'.
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
        {"range": {"start": {"line": 4, "character": 4}, "end": {"line": 4, "character": 4}},
         "text": "RC_WEAK "}]})
    # clangd's own report and the proxy's report after its analysis.
    pubs = c.wait(is_pub(2), count=2)
    print("== after the edit")
    show(pubs[-1]["params"]["diagnostics"])
    c.request("shutdown", None)
    c.notify("exit", None)
    c.p.stdin.close()
    c.p.wait(timeout=30)
    print("== disk still has the cycle:", "RC_WEAK" not in open(path).read())


if __name__ == "__main__":
    main()
