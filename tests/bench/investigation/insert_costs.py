# Investigation, not a benchmark (BENCHMARKS.md, "Demo"): what SQLite itself needs to insert
# customer rows (nothing else: no audit or outbox rows, no validation) with a database's
# customer schema, 5000 rows per transaction, WAL and synchronous=FULL as core opens it:
# with the indexes live and the FTS index filled per transaction (what core does), and with
# every secondary index and the FTS index built once after the rows are loaded. Rows are
# copied from a bench database; scratch files go to the folder given.
#   python3 insert_costs.py build/dev/bench-1m.db /tmp 200000
import sqlite3, time, os, sys
N = int(sys.argv[3]) if len(sys.argv) > 3 else 200000
scratch = sys.argv[2]
src = sqlite3.connect('file:%s?mode=ro' % sys.argv[1], uri=True)
schema = [r[0] for r in src.execute("SELECT sql FROM sqlite_schema WHERE (tbl_name = 'customer' OR name = 'customer_fts') AND sql IS NOT NULL AND name NOT LIKE 'sqlite_autoindex%' ORDER BY type = 'trigger', type = 'index'")]
company = src.execute('SELECT * FROM company').fetchone()
cols = [r[1] for r in src.execute('PRAGMA table_info(customer)') if r[1] != 'seq']
rows = src.execute(f"SELECT {', '.join(cols)} FROM customer ORDER BY seq LIMIT ?", (N,)).fetchall()
insert = f"INSERT INTO customer ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
def run(name):
    # Indexes live while loading; the FTS index filled once per transaction, as core does.
    path = os.path.join(scratch, 'kasir-ins-%s.db' % name)
    for s in ('', '-wal', '-shm'):
        if os.path.exists(path + s): os.remove(path + s)
    db = sqlite3.connect(path, isolation_level=None)
    for p in ('journal_mode = WAL', 'synchronous = FULL', 'foreign_keys = ON', 'cache_size = -65536', 'temp_store = MEMORY'):
        db.execute('PRAGMA ' + p)
    db.execute('CREATE TABLE company (id TEXT PRIMARY KEY, name TEXT, default_region TEXT, currency TEXT, created_at INTEGER, updated_at INTEGER)')
    db.execute('INSERT INTO company VALUES (?,?,?,?,?,?)', company)
    for s in schema:
        if 'TRIGGER customer_fts_insert' not in s:
            db.execute(s)
    t0, c0 = time.perf_counter(), time.process_time()
    for b in range(0, N, 5000):
        db.execute('BEGIN IMMEDIATE')
        last = db.execute('SELECT coalesce(max(seq), 0) FROM customer').fetchone()[0]
        for r in rows[b:b + 5000]:
            db.execute(insert, r)
        db.execute('INSERT INTO customer_fts (rowid, name) SELECT seq, name FROM customer WHERE seq > ?', (last,))
        db.execute('COMMIT')
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print('%-34s %7.1f s wall %7.1f s CPU  %6.0f rows/s' % (name, wall, cpu, N / wall), flush=True)
    db.close()
    for s in ('', '-wal', '-shm'):
        if os.path.exists(path + s): os.remove(path + s)
def bulk(name):
    # All secondary indexes and the FTS index built once after the rows are in.
    path = os.path.join(scratch, 'kasir-ins-%s.db' % name)
    for s in ('', '-wal', '-shm'):
        if os.path.exists(path + s): os.remove(path + s)
    db = sqlite3.connect(path, isolation_level=None)
    for p in ('journal_mode = WAL', 'synchronous = FULL', 'foreign_keys = ON', 'cache_size = -65536', 'temp_store = MEMORY'):
        db.execute('PRAGMA ' + p)
    db.execute('CREATE TABLE company (id TEXT PRIMARY KEY, name TEXT, default_region TEXT, currency TEXT, created_at INTEGER, updated_at INTEGER)')
    db.execute('INSERT INTO company VALUES (?,?,?,?,?,?)', company)
    later = []
    for s in schema:
        if 'TRIGGER customer_fts_insert' in s: continue
        if s.startswith('CREATE INDEX') or s.startswith('CREATE UNIQUE INDEX'): later.append(s); continue
        db.execute(s)
    t0, c0 = time.perf_counter(), time.process_time()
    for b in range(0, N, 5000):
        db.execute('BEGIN IMMEDIATE')
        for r in rows[b:b + 5000]:
            db.execute(insert, r)
        db.execute('COMMIT')
    t1 = time.perf_counter()
    db.execute('BEGIN IMMEDIATE')
    for s in later: db.execute(s)
    db.execute("INSERT INTO customer_fts (customer_fts) VALUES ('rebuild')")
    db.execute('COMMIT')
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print('%-34s %7.1f s wall %7.1f s CPU  %6.0f rows/s  (rows %.1f s, indexes+fts %.1f s)' % (name, wall, cpu, N / wall, t1 - t0, time.perf_counter() - t1), flush=True)
    db.close()
    for s in ('', '-wal', '-shm'):
        if os.path.exists(path + s): os.remove(path + s)
run('indexes-live-fts-per-batch')
bulk('indexes-and-fts-after-load')
