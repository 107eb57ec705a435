# Investigation, not a benchmark (BENCHMARKS.md, "Name search"): a prototype of an ordered
# word index, one row per word of each name keyed (company, word, name_key, id), so that the
# first page by name is a k-way merge of the first 51 entries of each distinct word in the
# prefix range, and several words are intersected by leapfrogging sorted streams.
#   python3 name_word_index.py build/dev/bench-1m.db words.db build   # once, ~10 s
#   python3 name_word_index.py build/dev/bench-1m.db words.db         # compare with core's SQL
import sqlite3, time, sys, heapq, statistics
src = sys.argv[1]
dst = sys.argv[2]
if len(sys.argv) > 3 and sys.argv[3] == 'build':
    import os
    if os.path.exists(dst): os.remove(dst)
    w = sqlite3.connect(dst)
    w.execute('CREATE TABLE customer_word (company_id TEXT NOT NULL, word TEXT NOT NULL, name_key TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (company_id, word, name_key, id)) WITHOUT ROWID')
    s = sqlite3.connect('file:' + src + '?mode=ro', uri=True)
    t = time.time()
    rows = []
    for cid, nk, cid2, seq in s.execute('SELECT company_id, name_key, id, seq FROM customer'):
        for word in set(nk.split(' ')):
            rows.append((cid, word, nk, cid2, seq))
    rows.sort()
    w.executemany('INSERT INTO customer_word VALUES (?,?,?,?,?)', rows)
    w.commit()
    print('built', len(rows), 'words in', time.time() - t, 's')
    sys.exit()
db = sqlite3.connect('file:' + src + '?mode=ro', uri=True)
db.execute('PRAGMA cache_size=-65536'); db.execute('PRAGMA mmap_size=1073741824')
db.execute("ATTACH 'file:%s?mode=ro' AS w" % dst)
cid = db.execute('select id from company limit 1').fetchone()[0]
cols = ("c.id, c.company_id, c.code, c.name, c.phone, c.whatsapp, c.email, c.address, c.city, c.province, "
        "c.postal_code, c.type, c.status, c.level, c.discount_override_bp, c.birth_date, c.gender, c.notes, "
        "c.prefer_sms, c.prefer_email, c.prefer_call, c.prefer_whatsapp, c.do_not_contact, c.created_at, "
        "c.updated_at, c.created_by, c.updated_by")
END = '\U0010ffff'
def distinct_words(prefix):
    # skip-scan: next distinct word after `last` within the prefix range, one index seek each
    out, last = [], prefix
    q = 'SELECT word FROM customer_word WHERE company_id = ? AND word >= ? AND word < ? ORDER BY word LIMIT 1'
    r = db.execute(q, (cid, prefix, prefix + END)).fetchone()
    while r:
        out.append(r[0])
        r = db.execute(q, (cid, r[0] + '\x00', prefix + END)).fetchone()
    return out
def count_word(word, cap):
    return db.execute('SELECT count(*) FROM (SELECT 1 FROM customer_word WHERE company_id = ? AND word = ? LIMIT ?)', (cid, word, cap)).fetchone()[0]
def search(words, limit=51):
    # driver: the query word whose prefix range holds the fewest entries (counted up to a cap)
    per = []
    for qw in words:
        ws = distinct_words(qw)
        n = 0 if len(words) == 1 else sum(count_word(x, 2000) for x in ws)
        per.append((n, qw, ws))
    per.sort()
    n, qw, ws = per[0]
    others = [p[1] for p in per[1:]]
    def ok(nk):
        toks = nk.split(' ')
        return all(any(t.startswith(o) for t in toks) for o in others)
    streams = []
    for x in ws:
        cur = db.execute('SELECT name_key, id, seq FROM customer_word WHERE company_id = ? AND word = ? ORDER BY name_key, id', (cid, x))
        streams.append(cur)
    seen, page = set(), []
    for nk, id_, seq in heapq.merge(*streams):
        if seq in seen or not ok(nk): continue
        seen.add(seq); page.append(seq)
        if len(page) == limit: break
    if not page: return []
    return db.execute(f"SELECT {cols} FROM customer c WHERE c.seq IN ({','.join(map(str, page))}) ORDER BY c.name_key, c.id", ()).fetchall()
def seek(ws, key):
    best = None
    for x in ws:
        r = db.execute('SELECT name_key, id, seq FROM customer_word WHERE company_id = ? AND word = ? AND (name_key, id) >= (?, ?) ORDER BY name_key, id LIMIT 1', (cid, x, key[0], key[1])).fetchone()
        if r and (best is None or r < best): best = r
    return best
def leapfrog(words, limit=51):
    if len(words) == 1: return search(words, limit)
    wss = [distinct_words(w) for w in words]
    page, key = [], ('', '')
    while len(page) < limit:
        heads = [seek(ws, key) for ws in wss]
        if any(h is None for h in heads): break
        top = max(heads)
        if all(h == top for h in heads):
            page.append(top[2]); key = (top[0], top[1] + '\x00')
        else:
            key = (top[0], top[1])
    if not page: return []
    return db.execute(f"SELECT {cols} FROM customer c WHERE c.seq IN ({','.join(map(str, page))}) ORDER BY c.name_key, c.id", ()).fetchall()
def core(words):
    # CustomerRepository::search since c679314: count the matches, then walk the matches
    # and sort them (up to 5,000) or walk the name index keeping the matching rows.
    m = ' '.join('"%s"*' % w for w in words)
    n = db.execute("SELECT count(*) FROM customer_fts WHERE customer_fts MATCH ?", (m,)).fetchone()[0]
    if n <= 5000:
        return db.execute(f"SELECT {cols} FROM customer_fts f CROSS JOIN customer c ON c.seq = f.rowid WHERE customer_fts MATCH ? AND c.company_id = ? ORDER BY c.name_key, c.id LIMIT 51", (m, cid)).fetchall()
    return db.execute(f"SELECT {cols} FROM customer c WHERE +c.seq IN (SELECT rowid FROM customer_fts WHERE customer_fts MATCH ?) AND c.company_id = ? ORDER BY c.name_key, c.id LIMIT 51", (m, cid)).fetchall()
print('%-14s %6s %10s %10s %10s' % ('query', 'rows', 'core', 'word-index', 'leapfrog'))
for q in [['agu'], ['sant'], ['wija'], ['agus', 'sant'], ['a'], ['vikr'], ['vi'], ['zulkifli'], ['kipchoge'], ['wahy'], ['naliaka', 'kaur'], ['siti', 'nur']]:
    res = []
    for f in (core, search, leapfrog):
        ts = []
        for i in range(7):
            t = time.perf_counter(); r = f(q); ts.append((time.perf_counter() - t) * 1e3)
        res.append((len(r), statistics.median(ts[2:]), [x[0] for x in r]))
    same = 'same page' if res[0][2] == res[1][2] == res[2][2] else 'DIFFERENT'
    print('%-14s %6d %10.2f %10.2f %10.2f  %s' % (' '.join(q), res[0][0], res[0][1], res[1][1], res[2][1], same))
