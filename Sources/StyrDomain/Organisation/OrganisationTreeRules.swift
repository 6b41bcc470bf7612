/// What an administrator typed for a new organisation. Optionals are what may be missing.
public struct OrganisationDraft: Sendable, Equatable {
    public var code: String
    public var name: String
    public var kind: OrganisationKind?
    /// Nil for the top of the tree (a municipality or a ministry).
    public var parentCode: String?

    public init(code: String, name: String, kind: OrganisationKind?, parentCode: String?) {
        self.code = code
        self.name = name
        self.kind = kind
        self.parentCode = parentCode
    }
}

/// The rules of the organisation tree: codes, names, where each kind may sit, no cycles, and
/// closing. Every refusal is an `InputErrors` naming the domain field (`code`, `name`, `kind`,
/// `parentCode`, `closedOn`), in Norwegian; nothing is changed by a refused rule.
public enum OrganisationTreeRules {
    public static let maximumCodeLength = 20
    public static let maximumNameLength = 200

    /// The code as stored: trimmed, upper case, letters (A–Å), digits, `-` and `_`, at most 20.
    public static func code(_ text: String) throws(InputErrors) -> String {
        let code = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard !code.isEmpty else { throw .single("code", "Organisasjonen må ha en kode, f.eks. «UKE».") }
        guard code.count <= maximumCodeLength else {
            throw .single("code", "Koden kan ha høyst \(maximumCodeLength) tegn.")
        }
        guard code.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw .single("code", "Koden «\(text)» kan bare ha bokstaver, sifre, bindestrek og understrek.")
        }
        return code
    }

    /// The name as stored (trimmed), or an error for the `name` field.
    public static func name(_ text: String) throws(InputErrors) -> String {
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw .single("name", "Organisasjonen må ha et navn.") }
        guard name.count <= maximumNameLength else { throw .single("name", "Navnet kan ha høyst \(maximumNameLength) tegn.") }
        return name
    }

    /// A new organisation among the existing ones: a free code, a name, a kind, and a parent that
    /// exists, is open and is of a kind this one may sit under.
    public static func create(_ draft: OrganisationDraft, among organisations: [Organisation]) throws(InputErrors) -> Organisation {
        var errors = InputErrors()
        var code = ""
        do { code = try Self.code(draft.code) } catch { errors.add(contentsOf: error) }
        if !code.isEmpty, organisations.contains(where: { $0.code == code }) {
            errors.add("code", "Koden «\(code)» er allerede i bruk. Velg en annen kode.")
        }
        var name = ""
        do { name = try Self.name(draft.name) } catch { errors.add(contentsOf: error) }
        if draft.kind == nil { errors.add("kind", "Velg hva slags organisasjon det er.") }
        let parentCode = draft.parentCode?.trimmingCharacters(in: .whitespaces).nonEmptyCode
        if let kind = draft.kind {
            do { try placement(code: code, kind: kind, under: parentCode, among: organisations) } catch { errors.add(contentsOf: error) }
        }
        if !errors.isEmpty { throw errors }
        return Organisation(code: code, name: name, kind: draft.kind!, parentCode: parentCode)
    }

    /// The organisation with a new name.
    public static func rename(_ organisation: Organisation, to text: String) throws(InputErrors) -> Organisation {
        var renamed = organisation
        renamed.name = try name(text)
        return renamed
    }

    /// The organisation under a new parent. Refused for the `parentCode` field: a parent that is
    /// the unit itself or lies under it (a cycle), a parent of a kind this one may not sit under,
    /// a closed parent, or an unknown one.
    public static func move(_ organisation: Organisation, under parentText: String?, among organisations: [Organisation]) throws(InputErrors) -> Organisation {
        let parentCode = parentText?.trimmingCharacters(in: .whitespaces).nonEmptyCode
        if let parentCode {
            let tree = OrganisationTree(organisations)
            if parentCode == organisation.code {
                throw .single("parentCode", "«\(organisation.code)» kan ikke ligge under seg selv.")
            }
            if tree.contains(parentCode), tree.isInSubtree(parentCode, of: organisation.code) {
                throw .single("parentCode", "«\(organisation.code)» kan ikke flyttes under «\(parentCode)», som ligger under «\(organisation.code)» selv: det ville gi en sirkel i organisasjonstreet. Flytt «\(parentCode)» først.")
            }
        }
        try placement(code: organisation.code, kind: organisation.kind, under: parentCode, among: organisations)
        var moved = organisation
        moved.parentCode = parentCode
        return moved
    }

    /// Whether a unit of `kind` may sit under `parentCode` (nil: at the top).
    static func placement(code: String, kind: OrganisationKind, under parentCode: String?, among organisations: [Organisation]) throws(InputErrors) {
        guard let parentCode else {
            guard kind == .municipality else {
                throw .single("parentCode", "En \(kind.norwegianName.lowercased()) må ligge under en annen organisasjon; bare den øverste (kommune eller departement) står øverst.")
            }
            return
        }
        guard let parent = organisations.first(where: { $0.code == parentCode }) else {
            throw .single("parentCode", "Det finnes ingen organisasjon med koden «\(parentCode)».")
        }
        guard kind.allowedParents.contains(parent.kind) else {
            let allowed = OrganisationKind.allCases.filter { kind.allowedParents.contains($0) }.map { $0.norwegianName.lowercased() }
            let hint = allowed.isEmpty ? "Den står øverst i treet." : "Den kan ligge under: \(allowed.joined(separator: " eller "))."
            throw .single("parentCode", "En \(kind.norwegianName.lowercased()) kan ikke ligge under «\(parent.name)» (\(parent.kind.norwegianName.lowercased())). \(hint)")
        }
        if let closed = parent.closedOn {
            throw .single("parentCode", "«\(parent.name)» ble lagt ned \(closed.norwegian) og kan ikke få nye enheter under seg.")
        }
    }

    /// The organisation closed on `date`. Refused for `closedOn` when it is closed already, when
    /// no date is given, or when units under it are still open (close or move them first).
    public static func close(_ organisation: Organisation, on date: CalendarDate?, among organisations: [Organisation]) throws(InputErrors) -> Organisation {
        guard let date else { throw .single("closedOn", "Skriv datoen organisasjonen ble lagt ned (dd.mm.åååå).") }
        if let closed = organisation.closedOn {
            throw .single("closedOn", "«\(organisation.name)» ble allerede lagt ned \(closed.norwegian).")
        }
        let open = organisations.filter { $0.parentCode == organisation.code && !$0.isClosed }
        if !open.isEmpty {
            throw .single("closedOn", "«\(organisation.name)» har enheter under seg som ikke er lagt ned (\(open.map(\.code).joined(separator: ", "))). Legg dem ned eller flytt dem først.")
        }
        var closed = organisation
        closed.closedOn = date
        return closed
    }

    /// The organisation open again. Refused when it is open, or when its parent is closed.
    public static func reopen(_ organisation: Organisation, among organisations: [Organisation]) throws(InputErrors) -> Organisation {
        guard organisation.isClosed else { throw .single("closedOn", "«\(organisation.name)» er ikke lagt ned.") }
        if let parentCode = organisation.parentCode, let parent = organisations.first(where: { $0.code == parentCode }), parent.isClosed {
            throw .single("closedOn", "«\(parent.name)» over den er lagt ned. Gjenåpne den først.")
        }
        var reopened = organisation
        reopened.closedOn = nil
        return reopened
    }

    /// The organisations in the tree's order: each parent before its children, siblings by name,
    /// with their depth (0 at the top). Units whose parent is missing are roots.
    public static func ordered(_ organisations: [Organisation]) -> [(organisation: Organisation, depth: Int)] {
        let codes = Set(organisations.map(\.code))
        var children: [String: [Organisation]] = [:]
        var roots: [Organisation] = []
        for organisation in organisations {
            if let parent = organisation.parentCode, codes.contains(parent) {
                children[parent, default: []].append(organisation)
            } else {
                roots.append(organisation)
            }
        }
        var result: [(Organisation, Int)] = []
        var seen = Set<String>()
        func visit(_ organisation: Organisation, _ depth: Int) {
            guard seen.insert(organisation.code).inserted else { return }
            result.append((organisation, depth))
            for child in (children[organisation.code] ?? []).sorted(by: { $0.name < $1.name }) { visit(child, depth + 1) }
        }
        for root in roots.sorted(by: { $0.name < $1.name }) { visit(root, 0) }
        return result
    }
}

extension InputErrors {
    fileprivate mutating func add(contentsOf other: InputErrors) {
        for entry in other.entries { add(entry.field, entry.message) }
    }
}

extension String {
    fileprivate var nonEmptyCode: String? { isEmpty ? nil : self }
}

extension CalendarDate {
    /// `31.12.2023`.
    fileprivate var norwegian: String { NorwegianFormat.date(self) }
}
