import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrStorage

/// The server-rendered pages. Handlers read through the repositories, build a view model and
/// render it; errors become a Norwegian error page.
struct PageController: Sendable {
    let database: Database
    let pages: Pages
    let access: Authorizer

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/") { request, context in try await home(request, context) }
        router.get("/organisasjoner/:code") { request, context in
            let code = try context.parameters.require("code")
            _ = try await access.require(.read, on: code, request, context)
            return try await organisation(code: code, context)
        }
        router.get("/organisasjoner/:code/samfunnsoppdrag") { request, context in
            let code = try context.parameters.require("code")
            _ = try await access.require(.read, on: code, request, context)
            let version = request.uri.queryParameters.get("versjon", as: Int.self)
            return try await missionStatement(code: code, version: version, context)
        }
        router.get("/organisasjoner/:code/samfunnsoppdrag/endringer") { request, context in
            let code = try context.parameters.require("code")
            _ = try await access.require(.read, on: code, request, context)
            let from = request.uri.queryParameters.get("fra", as: Int.self), to = request.uri.queryParameters.get("til", as: Int.self)
            return try await missionDiff(code: code, from: from, to: to, context)
        }
        router.get("/organisasjoner/:code/arsberetning/:year") { request, context in
            let code = try context.parameters.require("code")
            let year = try context.parameters.require("year", as: Int.self)
            _ = try await access.require(.read, on: code, request, context)
            return try await annualReport(code: code, year: year, context)
        }
    }

    func errorPage(_ status: HTTPResponse.Status, heading: String, message: String, _ context: StyrRequestContext) -> HTML {
        pages.error(status, heading: heading, message: message, context: context)
    }

    /// The user's start page: their roles and the organisations they may see.
    func home(_ request: Request, _ context: StyrRequestContext) async throws -> HTML {
        let user = try access.user(request, context)
        let all = try await database.withConnection { db in try await SQLGovernanceStore(db).organisations() }
        let organisations = AccessPolicy.readable(all, by: user)
        let names = Dictionary(all.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        let kind = request.uri.queryParameters.get("type").flatMap(OrganisationKind.init(rawValue:))
        let sort = request.uri.queryParameters.get("sorter") ?? "navn"
        let listed = organisations.filter { kind == nil || $0.kind == kind }.sorted { a, b in
            switch sort {
            case "kode": a.code < b.code
            case "type": (OrganisationKind.allCases.firstIndex(of: a.kind)!, a.name) < (OrganisationKind.allCases.firstIndex(of: b.kind)!, b.name)
            default: a.name.localizedStandardCompare(b.name) == .orderedAscending
            }
        }
        let filters: [[String: Any]] = [["value": "", "label": "Alle", "selected": kind == nil]]
            + OrganisationKind.allCases.map { ["value": $0.rawValue, "label": $0.norwegianName, "selected": $0 == kind] }
        let sorts: [[String: Any]] = [("navn", "Navn"), ("kode", "Kode"), ("type", "Type")].map {
            ["value": $0.0, "label": $0.1, "selected": $0.0 == sort]
        }
        let rows: [[String: String]] = listed.map {
            ["url": "/organisasjoner/\($0.code.urlPathEncoded)", "name": $0.name, "code": $0.code,
             "kind": $0.kind.norwegianName, "parent": $0.parentCode.flatMap { names[$0] } ?? ""]
        }
        let roles = user.assignments.map { ["role": $0.role.norwegianName, "organisation": names[$0.organisationCode] ?? $0.organisationCode] }
        let (waiting, following) = try await openItems(for: user, in: organisations, all: all)
        let (unconfirmed, awaiting) = try await dialogueItems(for: user, in: organisations, all: all)
        return pages.html("Start", template: "home", context: [
            "unconfirmed": unconfirmed, "hasUnconfirmed": !unconfirmed.isEmpty, "awaiting": awaiting, "hasAwaiting": !awaiting.isEmpty,
            "name": user.name, "roles": roles, "organisations": rows, "hasOrganisations": !rows.isEmpty,
            "filters": filters, "sorts": sorts, "isFiltered": kind != nil,
            "waiting": waiting, "hasWaiting": !waiting.isEmpty, "following": following, "hasFollowing": !following.isEmpty,
        ], context: context)
    }

    /// Results that still owe an explanation: waiting for the user where they may enter results,
    /// otherwise to follow up (the department's view of its agencies).
    func openItems(for user: UserAccount, in organisations: [Organisation], all: [Organisation]) async throws
        -> (waiting: [[String: String]], following: [[String: String]]) {
        let tree = OrganisationTree(all)
        var waiting: [[String: String]] = [], following: [[String: String]] = []
        for organisation in organisations where organisation.kind == .agency || organisation.kind == .section {
            let code = organisation.code
            let entries = try await database.withConnection { db in try await SQLGovernanceStore(db).indicators(of: code) }
            let canEnter = AccessPolicy.allows(user, .enterResults, on: code, in: tree)
            for entry in entries {
                for value in entry.values where !IndicatorRules.missingExplanations(value, of: entry.indicator).isEmpty {
                    let item = [
                        "text": "\(organisation.name) \(value.year): \(entry.indicator.name)",
                        "url": canEnter
                            ? "/organisasjoner/\(code.urlPathEncoded)/indikatorer/\(value.year)/\(entry.indicator.key.urlPathEncoded)"
                            : "/organisasjoner/\(code.urlPathEncoded)/ar/\(value.year)",
                    ]
                    if canEnter { waiting.append(item) } else { following.append(item) }
                }
            }
        }
        return (Array(waiting.prefix(20)), Array(following.prefix(20)))
    }

    /// Unconfirmed steering signals, for both sides of the dialogue (the department that gave
    /// them and the agency that received them), and notices waiting for the department's answer.
    func dialogueItems(for user: UserAccount, in organisations: [Organisation], all: [Organisation]) async throws
        -> (unconfirmed: [[String: Any]], awaiting: [[String: String]]) {
        let tree = OrganisationTree(all)
        let today = CalendarDate.today()
        var unconfirmed: [[String: Any]] = [], awaiting: [[String: String]] = []
        for organisation in organisations where organisation.kind == .agency || organisation.kind == .section {
            let code = organisation.code
            let canSteer = AccessPolicy.allows(user, .steer, on: code, in: tree)
            guard canSteer || AccessPolicy.allows(user, .inform, on: code, in: tree) else { continue }
            let (signals, notices) = try await database.withConnection { db in
                let store = SQLGovernanceStore(db)
                return (try await store.signals(of: code), try await store.notices(of: code))
            }
            for signal in signals where !signal.isConfirmed {
                unconfirmed.append([
                    "text": "\(organisation.name): «\(signal.text)» (gitt \(NorwegianFormat.date(signal.givenOn)), \(signal.place))",
                    "age": signal.unconfirmedAge(on: today) ?? 0,
                    "url": "/organisasjoner/\(code.urlPathEncoded)/signaler#signal-\(signal.id ?? 0)",
                ])
            }
            if canSteer {
                for notice in notices where notice.status == .submitted {
                    awaiting.append([
                        "text": "\(organisation.name): \(notice.kind.norwegianName.lowercased()) «\(notice.title)», sendt \(notice.submittedAt.map(OsloTime.format) ?? "")",
                        "url": "/organisasjoner/\(code.urlPathEncoded)/meldinger/\(notice.id ?? 0)",
                    ])
                }
            }
        }
        return (unconfirmed, awaiting)
    }

    func organisation(code: String, _ context: StyrRequestContext) async throws -> HTML {
        let found = try await database.withConnection { db -> (Organisation, Organisation?, [Chapter], [Int], [Organisation], MissionStatement?)? in
            let store = SQLGovernanceStore(db)
            guard let organisation = try await store.organisation(code: code) else { return nil }
            let parent = try await organisation.parentCode.asyncMap { try await store.organisation(code: $0) } ?? nil
            let chapters = try await store.chapters(of: code)
            var years = Set<Int>()
            for chapter in chapters {
                for amount in try await store.budgetAmounts(chapter: chapter.number, years: BudgetYears.supported) where amount.measure == .actuals {
                    years.insert(amount.year)
                }
            }
            let children = try await store.organisations().filter { $0.parentCode == code }
            let mission = try await store.missionStatements(of: code).last
            return (organisation, parent, chapters, years.sorted(by: >), children, mission)
        }
        guard let (organisation, parent, chapters, years, children, mission) = found else {
            return errorPage(.notFound, heading: "Fant ikke organisasjonen", message: "Det finnes ingen organisasjon med koden «\(code)».", context)
        }
        let values: [String: Any] = [
            "name": organisation.name, "kind": organisation.kind.norwegianName, "parent": parent?.name ?? "",
            "chapters": chapters.map { "\($0.number) \($0.name)" }, "hasChapters": !chapters.isEmpty,
            "reports": years.map { ["url": "/organisasjoner/\(code.urlPathEncoded)/arsberetning/\($0)", "label": "Årsberetning \($0)"] },
            "dashboards": years.flatMap {
                [["url": "/organisasjoner/\(code.urlPathEncoded)/ar/\($0)", "label": "Årsoversikt \($0)"],
                 ["url": "/organisasjoner/\(code.urlPathEncoded)/budsjett/\($0)", "label": "Budsjett og regnskap \($0)"]]
            },
            "indicatorPages": years.map { ["url": "/organisasjoner/\(code.urlPathEncoded)/indikatorer/\($0)", "label": "Resultatindikatorer \($0)"] },
            "hasReports": !years.isEmpty,
            "children": children.map { ["url": "/organisasjoner/\($0.code.urlPathEncoded)", "name": $0.name] },
            "hasChildren": !children.isEmpty,
            "historyURL": "/historikk?type=organisation&nokkel=\(code.urlQueryEncoded)",
            "hasMission": mission != nil, "missionURL": "/organisasjoner/\(code.urlPathEncoded)/samfunnsoppdrag",
            "missionVersion": mission.map { String($0.version) } ?? "",
            "missionFixedOn": mission.map { NorwegianFormat.date($0.fixedOn) } ?? "",
            "dialogueURL": "/organisasjoner/\(code.urlPathEncoded)/styringsdialog",
            "ledgerURL": "/organisasjoner/\(code.urlPathEncoded)/regnskap/\(years.first ?? CalendarDate.today().year)",
            "hasDialogue": organisation.kind != .municipality,
        ]
        return pages.html(organisation.name, template: "organisation", context: values, context: context)
    }

    func missionStatement(code: String, version: Int?, _ context: StyrRequestContext) async throws -> HTML {
        let found = try await database.withConnection { db -> (Organisation, [MissionStatement], [Organisation])? in
            let store = SQLGovernanceStore(db)
            guard let organisation = try await store.organisation(code: code) else { return nil }
            return (organisation, try await store.missionStatements(of: code), try await store.organisations())
        }
        guard let (organisation, versions, organisations) = found else {
            return errorPage(.notFound, heading: "Fant ikke organisasjonen", message: "Det finnes ingen organisasjon med koden «\(code)».", context)
        }
        guard let mission = version.map({ wanted in versions.first { $0.version == wanted } }) ?? versions.last else {
            let message = version.map { "\(organisation.name) har ingen versjon \($0) av samfunnsoppdraget." }
                ?? "\(organisation.name) har ikke noe samfunnsoppdrag i Styr ennå."
            return errorPage(.notFound, heading: "Fant ikke samfunnsoppdraget", message: message, context)
        }
        let fixedBy = organisations.first { $0.code == mission.fixedByCode }?.name ?? mission.fixedByCode
        let base = "/organisasjoner/\(code.urlPathEncoded)/samfunnsoppdrag"
        let others = versions.filter { $0.version != mission.version }
        let values: [String: Any] = [
            "organisationName": organisation.name, "title": mission.title, "version": mission.version,
            "historyURL": "/historikk?type=missionStatement&nokkel=\("\(code)/v\(mission.version)".urlQueryEncoded)",
            "fixedBy": fixedBy, "fixedOn": NorwegianFormat.date(mission.fixedOn),
            "hasOtherVersions": !others.isEmpty,
            "otherVersions": others.map {
                ["url": "\(base)?versjon=\($0.version)", "version": $0.version,
                 "diffURL": "\(base)/endringer?fra=\(min($0.version, mission.version))&til=\(max($0.version, mission.version))"] as [String: Any]
            },
            "targetGroups": mission.targetGroups,
            "coreTasks": mission.coreTasks.map { ["letter": $0.letter, "title": $0.title, "paragraphs": Paragraphs.split($0.description)] as [String: Any] },
            "authorities": mission.authorities.map { ["description": $0.description, "legalBasis": $0.legalBasis ?? "Ikke formalisert gjennom vedtak"] },
            "fundingSources": mission.fundingSources.map { ["kind": $0.kind.norwegianName, "description": $0.description] },
            "revisionTriggers": mission.revisionTriggers,
            "sections": mission.sections.map { ["number": $0.number, "heading": $0.heading, "paragraphs": Paragraphs.split($0.body)] as [String: Any] },
        ]
        return pages.html(
            "\(mission.title) – \(organisation.name)", template: "mission", context: values, context: context,
            trail: [NavigationLink(url: "/organisasjoner/\(code.urlPathEncoded)", label: organisation.name)])
    }

    func missionDiff(code: String, from: Int?, to: Int?, _ context: StyrRequestContext) async throws -> HTML {
        let (organisation, versions) = try await database.withConnection { db in
            let store = SQLGovernanceStore(db)
            return (try await store.organisation(code: code)!, try await store.missionStatements(of: code))
        }
        guard let from, let to, let old = versions.first(where: { $0.version == from }), let new = versions.first(where: { $0.version == to })
        else {
            return errorPage(.notFound, heading: "Fant ikke versjonene",
                             message: "Oppgi to versjoner som finnes, f.eks. ?fra=1&til=2.", context)
        }
        let diff = MissionStatementDiff(from: old, to: new)
        let parts: [[String: Any]] = diff.changedParts.map { part in
            ["title": part.title, "lines": part.lines.filter { $0.kind != .same }.map { line in
                ["text": line.text, "kind": line.kind.rawValue, "isAdded": line.kind == .added, "isRemoved": line.kind == .removed,
                 "isSame": line.kind == .same] as [String: Any]
            }]
        }
        return pages.html("Endringer i samfunnsoppdraget", template: "mission-diff", context: [
            "organisationName": organisation.name, "from": from, "to": to, "parts": parts, "hasChanges": !parts.isEmpty,
        ], context: context, trail: [
            NavigationLink(url: "/organisasjoner/\(code.urlPathEncoded)", label: organisation.name),
            NavigationLink(url: "/organisasjoner/\(code.urlPathEncoded)/samfunnsoppdrag", label: "Samfunnsoppdrag"),
        ])
    }

    func annualReport(code: String, year: Int, _ context: StyrRequestContext) async throws -> HTML {
        guard BudgetYears.contains(year) else {
            return errorPage(.notFound, heading: "Ugyldig år", message: BudgetYears.outOfRangeMessage(year), context)
        }
        do {
            let data = try await database.withConnection { db in
                try await AnnualReportData.load(from: SQLGovernanceStore(db), organisationCode: code, year: year)
            }
            let report = AnnualReport(data)
            let link = try await AccountsDrillDown.cellLink(database, code: code, chapter: data.chapter.number, year: year)
            return HTML(html: pages.document(
                "\(report.title) – \(report.organisationName)", body: pages.renderer.annualReportBody(report, accountsCellLink: link), context: context,
                trail: [NavigationLink(url: "/organisasjoner/\(code.urlPathEncoded)", label: report.organisationName)]))
        } catch let error as ReportError {
            return errorPage(.notFound, heading: "Kan ikke lage årsberetningen", message: error.description, context)
        }
    }
}

extension String {
    var urlPathEncoded: String { addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? self }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
