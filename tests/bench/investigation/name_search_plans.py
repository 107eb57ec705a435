# Investigation, not a benchmark (BENCHMARKS.md, "Name search"): the first page of a name
# search on a bench database through other SQL shapes than core's, with the same SQLite
# library (Python's sqlite3 module links the system libsqlite3). Median of 5 warm runs, ms.
#   python3 name_search_plans.py build/dev/bench-1m.db
import sqlite3, time, statistics, sys
db = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True)
db.execute('PRAGMA cache_size=-65536'); db.execute('PRAGMA mmap_size=1073741824')
cid = db.execute('select id from company limit 1').fetchone()[0]
cols = ("c.id, c.company_id, c.code, c.name, c.phone, c.whatsapp, c.email, c.address, c.city, c.province, "
        "c.postal_code, c.type, c.status, c.level, c.discount_override_bp, c.birth_date, c.gender, c.notes, "
        "c.prefer_sms, c.prefer_email, c.prefer_call, c.prefer_whatsapp, c.do_not_contact, c.created_at, "
        "c.updated_at, c.created_by, c.updated_by")
def like_terms(words):
    return ' AND '.join("(c.name_key LIKE '%s%%' OR c.name_key LIKE '%% %s%%')" % (w, w) for w in words)
def fts(words):
    return ' '.join('"%s"*' % w for w in words)
def core(words):
    # CustomerRepository::search since c679314: count the matches, then walk the matches
    # and sort them (up to 5,000) or walk the name index keeping the matching rows.
    m = ' '.join('"%s"*' % w for w in words)
    n = db.execute("SELECT count(*) FROM customer_fts WHERE customer_fts MATCH ?", (m,)).fetchone()[0]
    if n <= 5000:
        return db.execute(f"SELECT {cols} FROM customer_fts f CROSS JOIN customer c ON c.seq = f.rowid WHERE customer_fts MATCH ? AND c.company_id = ? ORDER BY c.name_key, c.id LIMIT 51", (m, cid)).fetchall()
    return db.execute(f"SELECT {cols} FROM customer c WHERE +c.seq IN (SELECT rowid FROM customer_fts WHERE customer_fts MATCH ?) AND c.company_id = ? ORDER BY c.name_key, c.id LIMIT 51", (m, cid)).fetchall()
def planA(words):
    return db.execute(f"SELECT {cols} FROM customer_fts f CROSS JOIN customer c ON c.seq = f.rowid WHERE customer_fts MATCH ? AND c.company_id = ? ORDER BY c.name_key, c.id LIMIT 51", (fts(words), cid)).fetchall()
def planD(words):
    return db.execute(f"SELECT {cols} FROM customer c WHERE c.company_id = ? AND {like_terms(words)} ORDER BY c.name_key, c.id LIMIT 51", (cid,)).fetchall()
queries = [['agu'], ['sant'], ['wija'], ['agus', 'sant'], ['a'], ['vikr'], ['vi'], ['kipchoge'], ['zulkifli'], ['naliaka', 'kaur'], ['siti', 'nur']]
print('%-16s %8s %10s %10s %10s' % ('query', 'rows', 'core', 'FTS first', 'name_key'))
for q in queries:
    out = []
    n = None
    for f in (core, planA, planD):
        ts = []
        for i in range(7):
            t = time.perf_counter(); r = f(q); ts.append((time.perf_counter() - t) * 1e3)
        if n is None: n = len(r)
        elif len(r) != n: out.append('!'); 
        out.append(statistics.median(ts[2:]))
    print('%-16s %8d ' % (' '.join(q), n) + ' '.join('%10.2f' % x if isinstance(x, float) else x for x in out))
