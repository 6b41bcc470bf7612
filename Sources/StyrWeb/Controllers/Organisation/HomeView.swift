import Foundation
import StyrDomain
import StyrServices

/// The view model of `home.mustache`: the user's start page.
struct HomeView: Sendable {
    struct Link: Sendable { var text: String, url: String }
    struct Signal: Sendable { var text: String, age: Int, url: String }
    struct Role: Sendable { var role: String, organisation: String }
    struct Option: Sendable { var value: String, label: String, selected: Bool }
    struct Row: Sendable { var url: String, name: String, code: String, kind: String, parent: String }

    var name: String
    /// Unconfirmed steering signals, for both sides of the dialogue (at most 20).
    var unconfirmed: [Signal]
    /// The unconfirmed signals beyond those 20, counted per agency, each linking to its signals page:
    /// the start page stays the same size however many signals wait (`Benchmarks/soak.sh` posts
    /// thousands, and listing them all made the page and the memory to build it grow without end).
    var unconfirmedMore: [Link]
    /// Notices the department is to answer.
    var awaiting: [Link]
    /// Results the user is to explain (at most 20).
    var waiting: [Link]
    /// Results the agencies are to explain, for the department to follow up (at most 20).
    var following: [Link]
    var roles: [Role]
    var filters: [Option]
    var sorts: [Option]
    var organisations: [Row]
    var isFiltered: Bool

    /// The sort orders of the organisation list, by their value in the address.
    static let sortOrders = [("navn", "Navn"), ("kode", "Kode"), ("type", "Type")]

    init(_ start: OrganisationService.StartPage, kind: OrganisationKind?, sort: String, today: CalendarDate) {
        func name(_ code: String) -> String { start.name(of: code) ?? code }
        self.name = start.user.name
        unconfirmed = start.unconfirmedSignals.prefix(Self.unconfirmedShown).map { item in
            let signal = item.signal, code = item.organisation.code
            return Signal(
                text: "\(item.organisation.name): «\(signal.text)» (gitt \(NorwegianFormat.date(signal.givenOn)), \(signal.place))",
                age: signal.unconfirmedAge(on: today) ?? 0, url: "/organisasjoner/\(code.urlPathEncoded)/signaler#signal-\(signal.id ?? 0)")
        }
        unconfirmedMore = Self.counted(start, shown: Array(start.unconfirmedSignals.prefix(Self.unconfirmedShown)))
        awaiting = start.awaitingNotices.map { item in
            let notice = item.notice
            return Link(
                text: "\(item.organisation.name): \(notice.kind.norwegianName.lowercased()) «\(notice.title)», sendt \(notice.submittedAt.map(OsloTime.format) ?? "")",
                url: "/organisasjoner/\(item.organisation.code.urlPathEncoded)/meldinger/\(notice.id ?? 0)")
        }
        func link(_ open: OrganisationService.OpenResult) -> Link {
            let code = open.organisation.code.urlPathEncoded
            return Link(
                text: "\(open.organisation.name) \(open.year): \(open.indicator.name)",
                url: open.canEnter ? "/organisasjoner/\(code)/indikatorer/\(open.year)/\(open.indicator.key.urlPathEncoded)" : "/organisasjoner/\(code)/ar/\(open.year)")
        }
        waiting = Array(start.openResults.filter(\.canEnter).prefix(20).map(link))
        following = Array(start.openResults.filter { !$0.canEnter }.prefix(20).map(link))
        roles = start.user.assignments.map { Role(role: $0.role.norwegianName, organisation: name($0.organisationCode)) }
        filters = [Option(value: "", label: "Alle", selected: kind == nil)]
            + OrganisationKind.allCases.map { Option(value: $0.rawValue, label: $0.norwegianName, selected: $0 == kind) }
        sorts = Self.sortOrders.map { Option(value: $0.0, label: $0.1, selected: $0.0 == sort) }
        organisations = start.readable.filter { kind == nil || $0.kind == kind }.sorted { a, b in
            switch sort {
            case "kode": a.code < b.code
            case "type": (Self.rank(a.kind), a.name) < (Self.rank(b.kind), b.name)
            default: a.name.localizedStandardCompare(b.name) == .orderedAscending
            }
        }.map {
            Row(url: "/organisasjoner/\($0.code.urlPathEncoded)", name: $0.name, code: $0.code, kind: $0.kind.norwegianName,
                parent: $0.parentCode.flatMap(start.name(of:)) ?? "")
        }
        isFiltered = kind != nil
    }

    /// How many unconfirmed signals the start page lists.
    static let unconfirmedShown = OrganisationService.StartPage.unconfirmedListed

    /// The signals not listed, one line per agency in the list's order: «UKE: 12 ubekreftede signaler til».
    static func counted(_ start: OrganisationService.StartPage, shown: [OrganisationService.UnconfirmedSignal]) -> [Link] {
        var listed: [String: Int] = [:]
        for item in shown { listed[item.organisation.code, default: 0] += 1 }
        return start.readable.compactMap { organisation in
            let count = (start.unconfirmedCounts[organisation.code] ?? 0) - (listed[organisation.code] ?? 0)
            guard count > 0 else { return nil }
            let signals = count == 1 ? "ubekreftet signal" : "ubekreftede signaler"
            return Link(text: "\(organisation.name): \(NorwegianFormat.integer(Int64(count))) \(signals) til",
                        url: "/organisasjoner/\(organisation.code.urlPathEncoded)/signaler")
        }
    }

    /// Kinds in the hierarchy's order: municipality first.
    static func rank(_ kind: OrganisationKind) -> Int { OrganisationKind.allCases.firstIndex(of: kind) ?? 0 }
}
