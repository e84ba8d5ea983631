#!/usr/bin/env python3
"""Runs isolation specs on a throw-away PostgreSQL 15 and prints (or diffs) the output the harness prints.

    python3 compare-with-postgres.py ssi-receipts write-skew      # diff against the checked-in .out files
    python3 compare-with-postgres.py --print ssi-receipts          # only print PostgreSQL's output

Each spec session is one psql process. A step is "waiting" (as the isolation tester prints it) when another
session of the spec blocks its backend, on a lock or a safe snapshot (pg_isolation_test_session_is_blocked,
asked by one more psql); steps a permutation left waiting are looked at again after each later step.
Used to check that the specs' outcomes are PostgreSQL's (the SERIALIZABLE ones, and others whose waits
PostgreSQL reports the same way).
"""
import os, queue, subprocess, sys, tempfile, threading, time, difflib, shutil

PG_BIN = os.environ.get('PG_BIN', '/usr/lib/postgresql/15/bin')
HERE = os.path.dirname(os.path.abspath(__file__))
MARK = '__step_done__'


def parse(text):
    setup, steps, owner, sessions, perms, current = [], {}, {}, [], [], None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith('#'):
            continue
        word, _, rest = line.partition(' ')
        if word == 'setup':
            setup.append(rest)
        elif word == 'session':
            current = rest.strip()
            sessions.append(current)
        elif word == 'step':
            name, _, sql = rest.partition(' ')
            steps[name], owner[name] = sql.strip(), current
        elif word == 'permutation':
            perms.append(rest.split())
    return setup, steps, owner, sessions, perms


class Psql:
    def __init__(self, args):
        self.p = subprocess.Popen(args + ['-X', '-q', '-A', '-v', 'VERBOSITY=verbose'], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
        self.lines = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.pending = None

    def _read(self):
        for line in self.p.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def start(self, sql):
        self.p.stdin.write(sql.rstrip(';') + ';\n\\echo ' + MARK + '\n')
        self.p.stdin.flush()
        self.pending = []

    def finish(self, timeout=None):
        """The step's output once it ended, or None when it is still running after timeout seconds."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            try:
                line = self.lines.get(timeout=None if deadline is None else max(0, deadline - time.monotonic()))
            except queue.Empty:
                return None
            if line is None or line.rstrip('\n') == MARK:
                break
            line = line.rstrip('\n')
            if line.startswith(('DETAIL:', 'HINT:', 'LOCATION:', 'WARNING:', 'NOTICE:')):
                continue
            if line.startswith('psql:') and 'ERROR:' in line:
                line = line[line.index('ERROR:'):]
            self.pending.append(line)
        out, self.pending = self.pending, None
        return ''.join(l + '\n' for l in out)

    def run(self, sql):
        self.start(sql)
        return self.finish()

    def close(self):
        self.p.stdin.close()
        self.p.wait()


def settle(proc, pid, pids, monitor):
    """The step's output once done, or None once another session blocks it (a lock, or a safe snapshot)."""
    while True:
        out = proc.finish(0.02)
        if out is not None:
            return out
        # What PostgreSQL's isolation tester asks: blocked by one of the spec's sessions.
        blocked = monitor.run("select pg_isolation_test_session_is_blocked(%d, '{%s}')"
                              % (pid, ','.join(str(p) for p in pids)))
        if blocked.splitlines()[1:2] == ['t']:
            return None


def run_spec(text, conn):
    setup, steps, owner, sessions, perms = parse(text)
    out = []
    for perm in perms:
        out.append('\nstarting permutation: ' + ' '.join(perm) + '\n')
        admin = Psql(conn + ['postgres'])
        admin.run('drop database if exists iso')
        admin.run('create database iso')
        admin.close()
        s = Psql(conn + ['iso'])
        for sql in setup:
            s.run(sql)
        s.close()
        monitor = Psql(conn + ['iso'])
        procs = {name: Psql(conn + ['iso']) for name in sessions}
        pids = {name: int(p.run('select pg_backend_pid()').splitlines()[1]) for name, p in procs.items()}
        waiting = []
        for step in perm:
            name = owner[step]
            procs[name].start(steps[step])
            result = settle(procs[name], pids[name], list(pids.values()), monitor)
            if result is None:
                out.append('step %s: %s <waiting ...>\n' % (step, steps[step]))
                waiting.append(step)
            else:
                out.append('step %s: %s\n' % (step, steps[step]) + result)
            for other in list(waiting):
                if other == step:
                    continue
                result = settle(procs[owner[other]], pids[owner[other]], list(pids.values()), monitor)
                if result is not None:
                    out.append('step %s: <... completed>\n' % other + result)
                    waiting.remove(other)
        for p in procs.values():
            p.close()
        monitor.close()
    return ''.join(out)


def main():
    names = [a for a in sys.argv[1:] if not a.startswith('--')]
    work = tempfile.mkdtemp()
    os.chmod(work, 0o777)
    as_user = ['runuser', '-u', 'nobody', '--'] if os.getuid() == 0 else []
    port = str(20000 + os.getpid() % 20000)
    data = os.path.join(work, 'data')
    subprocess.run(as_user + [PG_BIN + '/initdb', '-D', data, '-U', 'postgres', '--auth=trust', '--locale=C.UTF-8',
                              '-E', 'UTF8'], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(as_user + [PG_BIN + '/pg_ctl', '-D', data, '-w', '-l', os.path.join(work, 'log'), '-o',
                              "-p %s -k %s -c listen_addresses='' -c fsync=off -c TimeZone=UTC" % (port, work),
                              'start'], check=True, stdout=subprocess.DEVNULL)
    failed = False
    try:
        conn = as_user + [PG_BIN + '/psql', '-h', work, '-p', port, '-U', 'postgres', '-d']
        for name in names:
            with open(os.path.join(HERE, name + '.spec')) as f:
                actual = run_spec(f.read(), conn)
            if '--print' in sys.argv:
                sys.stdout.write(actual)
                continue
            with open(os.path.join(HERE, name + '.out')) as f:
                expected = f.read()
            diff = list(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                             name + '.out (HeliosDB)', name + ' on PostgreSQL'))
            print('%s: %s' % (name, 'same as PostgreSQL' if not diff else 'DIFFERS'))
            sys.stdout.writelines(diff)
            failed |= bool(diff)
    finally:
        subprocess.run(as_user + [PG_BIN + '/pg_ctl', '-D', data, '-m', 'immediate', 'stop'],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
