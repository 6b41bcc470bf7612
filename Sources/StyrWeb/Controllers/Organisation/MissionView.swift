import StyrDomain
import StyrReports
import StyrServices

/// The view model of `mission.mustache`: one version of the mission statement, with links to the
/// others and to what changed.
struct MissionView: Sendable {
    struct OtherVersion: Sendable { var url: String, version: Int, diffURL: String }
    struct CoreTask: Sendable { var letter: String, title: String, paragraphs: [String] }
    struct Authority: Sendable { var description: String, legalBasis: String }
    struct FundingSource: Sendable { var kind: String, description: String }
    struct Section: Sendable { var number: String, heading: String, paragraphs: [String] }

    var organisationName: String
    var title: String
    var version: Int
    var historyURL: String
    var fixedBy: String
    var fixedOn: String
    var otherVersions: [OtherVersion]
    var targetGroups: [String]
    var coreTasks: [CoreTask]
    var authorities: [Authority]
    var fundingSources: [FundingSource]
    var revisionTriggers: [String]
    var sections: [Section]
    /// What caused this version, when it was recorded.
    var revisionCause: String?
    /// The page that drafts the next version, for those who may (`MissionService`).
    var newVersionURL: String?
    /// The register of delegated authorities.
    var authoritiesURL: String

    init(_ missions: OrganisationService.Missions, mission: MissionStatement) {
        let scope = missions.scope
        let base = "/organisasjoner/\(scope.code.urlPathEncoded)/samfunnsoppdrag"
        organisationName = scope.organisation.name
        title = mission.title
        version = mission.version
        historyURL = "/historikk?type=missionStatement&nokkel=\("\(scope.code)/v\(mission.version)".urlQueryEncoded)"
        fixedBy = scope.name(of: mission.fixedByCode)
        fixedOn = NorwegianFormat.date(mission.fixedOn)
        otherVersions = missions.versions.filter { $0.version != mission.version }.map {
            OtherVersion(url: "\(base)?versjon=\($0.version)", version: $0.version,
                         diffURL: "\(base)/endringer?fra=\(min($0.version, mission.version))&til=\(max($0.version, mission.version))")
        }
        targetGroups = mission.targetGroups
        coreTasks = mission.coreTasks.map { CoreTask(letter: $0.letter, title: $0.title, paragraphs: Paragraphs.split($0.description)) }
        authorities = mission.authorities.map { Authority(description: $0.description, legalBasis: $0.legalBasis ?? "Ikke formalisert gjennom vedtak") }
        fundingSources = mission.fundingSources.map { FundingSource(kind: $0.kind.norwegianName, description: $0.description) }
        revisionTriggers = mission.revisionTriggers
        sections = mission.sections.map { Section(number: $0.number, heading: $0.heading, paragraphs: Paragraphs.split($0.body)) }
        revisionCause = mission.revisionCause?.description
        newVersionURL = scope.can(.steer) || scope.can(.inform) ? "\(base)/ny" : nil
        authoritiesURL = "/organisasjoner/\(scope.code.urlPathEncoded)/fullmakter"
    }
}

/// The view model of `mission-diff.mustache`: the parts that changed between two versions.
struct MissionDiffView: Sendable {
    struct Line: Sendable { var text: String, kind: String, isAdded: Bool, isRemoved: Bool, isSame: Bool }
    struct Part: Sendable { var title: String, lines: [Line] }

    var organisationName: String
    var from: Int
    var to: Int
    var parts: [Part]

    init(organisationName: String, from: Int, to: Int, diff: MissionStatementDiff) {
        self.organisationName = organisationName
        self.from = from
        self.to = to
        parts = diff.changedParts.map { part in
            Part(title: part.title, lines: part.lines.filter { $0.kind != .same }.map {
                Line(text: $0.text, kind: $0.kind.rawValue, isAdded: $0.kind == .added, isRemoved: $0.kind == .removed, isSame: $0.kind == .same)
            })
        }
    }
}
