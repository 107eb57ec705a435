#include "core/sync/SyncLoad.h"

#include "core/storage/Database.h"
#include "core/storage/UnitOfWork.h"
#include "core/sync/ChangeApplier.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcLoad, "kasir.sync.load")

namespace kasir {

SyncLoad::SyncLoad(Database& db, bool careful) : m_db(db), m_careful(careful) { }

SyncLoad::~SyncLoad()
{
    rollback();
}

Status SyncLoad::begin()
{
    if (m_uow)
        return Error::other(QStringLiteral("load_open"), tr("the download is already being written"));
    m_rollbackJournal = m_db.leaveWalIfAlone();
    m_uow = std::make_unique<UnitOfWork>(m_db, Actor {QString(), QString(), QStringLiteral("sync"), Role::Admin});
    if (Status s = m_uow->begin(); !s) {
        end();
        return s;
    }
    auto load = CustomerRepository(m_db).beginBulkLoad(*m_uow, CustomerRepository::Dropped::SearchOnly);
    if (!load) {
        end();
        return load.error();
    }
    m_load = std::move(load).value();
    m_db.setWriteHeldFor(tr("the company is being downloaded from the server; this change can be made when the "
                            "download ends"));
    return Done {};
}

Status SyncLoad::apply(const QList<SyncOp>& ops, qint64& unapplied)
{
    if (!m_uow || !m_uow->isOpen())
        return Error::other(QStringLiteral("load_closed"), tr("the download is not being written"));
    ChangeApplier applier(m_db, ChangeApplier::Options {.nameIndex = false});
    if (!m_careful) {
        if (Status s = applier.apply(*m_uow, ops); !s)
            return s;
        ++m_pages;
        return Done {};
    }
    QSqlQuery& save = m_uow->prepared(QStringLiteral("SAVEPOINT pulled_page"));
    if (Status s = Sql::exec(save); !s)
        return s;
    if (Status s = applier.apply(*m_uow, ops); !s) {
        if (!ChangeApplier::appliesToOneOp(s.error()))
            return s;
        // As on the page-by-page path: the page again op by op, the ones that fail set aside.
        QSqlQuery& undo = m_uow->prepared(QStringLiteral("ROLLBACK TO SAVEPOINT pulled_page"));
        if (Status u = Sql::exec(undo); !u)
            return u;
        if (Status each = applier.applyEach(*m_uow, ops, unapplied); !each)
            return each;
    }
    QSqlQuery& release = m_uow->prepared(QStringLiteral("RELEASE SAVEPOINT pulled_page"));
    if (Status s = Sql::exec(release); !s)
        return s;
    ++m_pages;
    return Done {};
}

Status SyncLoad::commit()
{
    if (!m_uow || !m_uow->isOpen() || !m_load)
        return Error::other(QStringLiteral("load_closed"), tr("the download is not being written"));
    // The window waits for this on a desktop that downloads on its own thread: logged.
    QElapsedTimer timer;
    timer.start();
    Status s = CustomerRepository(m_db).finishBulkLoadFromTable(*m_uow, *m_load);
    if (s)
        s = m_uow->commit();
    end();
    qCInfo(lcLoad).noquote() << "download of" << m_pages << "pages: indexes made and committed in" << timer.elapsed()
                             << "ms";
    return s;
}

void SyncLoad::rollback()
{
    end();
}

void SyncLoad::end()
{
    m_db.setWriteHeldFor({});
    if (m_uow) {
        m_uow->rollback(); // nothing when committed
        m_uow.reset();
    }
    if (m_load) {
        CustomerRepository(m_db).endBulkLoad(*m_load);
        m_load.reset();
    }
    if (m_rollbackJournal) {
        m_rollbackJournal = false;
        if (Status s = m_db.returnToWal(); !s)
            qWarning("%s", qPrintable(s.error().message));
    }
}

} // namespace kasir
