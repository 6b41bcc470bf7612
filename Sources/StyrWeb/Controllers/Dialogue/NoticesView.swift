import StyrDomain
import StyrServices

/// The view model of `notices.mustache`: the agency's notices, newest first (`NoticeRules.newestFirst`).
struct NoticesView: Sendable {
    struct Row: Sendable {
        var submittedAt: String, kind: String, title: String, status: String, url: String
        /// The time from detection to notification of an incident; nil for other notices.
        var timing: String?
        /// Set on every row, so that none is looked up further out.
        var late: Bool
    }
    struct Kind: Sendable { var url: String, label: String }

    var organisationName: String
    var saved: String?
    var canInform: Bool
    var limit: String
    var kinds: [Kind]
    var notices: [Row]

    init(_ listing: NoticeService.Listing, saved: String?) {
        let scope = listing.scope
        organisationName = scope.organisation.name
        self.saved = saved
        canInform = scope.can(.inform)
        limit = listing.limit.norwegianDescription
        kinds = NoticeKind.allCases.map { Kind(url: "\(scope.base)/meldinger/ny/\($0.slug)", label: $0.norwegianName) }
        notices = NoticeRules.newestFirst(listing.notices).map { notice in
            let timing = notice.incidentTiming
            return Row(
                submittedAt: notice.submittedAt.map(OsloTime.format) ?? "Utkast", kind: notice.kind.norwegianName, title: notice.title,
                status: notice.status.norwegianName, url: "\(scope.base)/meldinger/\(notice.id ?? 0)",
                timing: timing.map { OsloTime.duration(seconds: $0.secondsToNotify) }, late: timing?.isLate(limit: listing.limit) ?? false)
        }
    }
}
