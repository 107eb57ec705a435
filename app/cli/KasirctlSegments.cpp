// kasirctl segment: a customer's RFM scores and segment, ranking the customers again, and
// the customers per segment.
#include "app/cli/Kasirctl.h"
#include "core/services/RfmService.h"
#include "core/storage/Database.h"

namespace kasir {

int Kasirctl::segment(const QStringList& args)
{
    QCommandLineParser p;
    int code = 0;
    if (!parse(p, args, 1, QStringLiteral("customer"), code))
        return code;
    const QString what = p.positionalArguments().constFirst();
    if (!openDatabase(code) || !resolveActor(code))
        return code;
    RfmService service(*m_db, m_actor);
    if (what == u"recompute") {
        auto done = service.recompute();
        if (!done)
            return m_out.fail(done.error());
        m_out.line(RfmService::toJson(*done));
        return CliOutput::Ok;
    }
    if (what == u"counts") {
        auto counts = service.segmentCounts(true);
        if (!counts)
            return m_out.fail(counts.error());
        m_out.line(RfmService::toJson(*counts));
        return CliOutput::Ok;
    }
    auto scores = service.scoresOf(what);
    if (!scores)
        return m_out.fail(scores.error());
    m_out.line(RfmService::toJson(*scores));
    return CliOutput::Ok;
}

} // namespace kasir
