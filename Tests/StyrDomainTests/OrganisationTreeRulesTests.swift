import Foundation
import StyrDomain
import Testing

/// `OrganisationTreeRules`: codes, kinds under parents, cycles, closing; errors by field.
@Suite("Organisation tree rules")
struct OrganisationTreeRulesTests {
    static let tree = [
        Organisation(code: "OSLO", name: "Oslo kommune", kind: .municipality, parentCode: nil),
        Organisation(code: "FIN", name: "Byrådsavdeling for finans", kind: .department, parentCode: "OSLO"),
        Organisation(code: "UKE", name: "Utviklings- og kompetanseetaten", kind: .agency, parentCode: "FIN"),
        Organisation(code: "UKE-A", name: "Seksjon A", kind: .section, parentCode: "UKE"),
        Organisation(code: "UKE-B", name: "Seksjon B", kind: .section, parentCode: "UKE-A"),
    ]

    static func fields(_ body: () throws(InputErrors) -> Organisation) -> [String] {
        do {
            _ = try body()
            return []
        } catch {
            return error.entries.map(\.field)
        }
    }

    @Test("a new unit: free code, a name, a kind, and a parent of an allowed kind")
    func create() throws {
        let created = try OrganisationTreeRules.create(OrganisationDraft(code: " ny ", name: " Ny etat ", kind: .agency, parentCode: "FIN"), among: Self.tree)
        #expect(created == Organisation(code: "NY", name: "Ny etat", kind: .agency, parentCode: "FIN"))
        #expect(Self.fields { () throws(InputErrors) in
            try OrganisationTreeRules.create(OrganisationDraft(code: "uke", name: "", kind: nil, parentCode: "FIN"), among: Self.tree)
        } == ["code", "name", "kind"])
        #expect(Self.fields { () throws(InputErrors) in
            try OrganisationTreeRules.create(OrganisationDraft(code: "X", name: "X", kind: .department, parentCode: "UKE"), among: Self.tree)
        } == ["parentCode"])
        #expect(Self.fields { () throws(InputErrors) in
            try OrganisationTreeRules.create(OrganisationDraft(code: "X", name: "X", kind: .agency, parentCode: "FINS"), among: Self.tree)
        } == ["parentCode"])
        #expect(Self.fields { () throws(InputErrors) in
            try OrganisationTreeRules.create(OrganisationDraft(code: "X", name: "X", kind: .section, parentCode: nil), among: Self.tree)
        } == ["parentCode"])
        #expect(Self.fields { () throws(InputErrors) in
            try OrganisationTreeRules.create(OrganisationDraft(code: String(repeating: "A", count: 21), name: "X", kind: .agency, parentCode: "FIN"), among: Self.tree)
        } == ["code"])
    }

    @Test("a move under the unit itself or its descendant is a cycle, refused for parentCode")
    func cycle() throws {
        for (code, parent) in [("UKE-A", "UKE-B"), ("UKE-A", "UKE-A"), ("FIN", "UKE")] {
            let organisation = try #require(Self.tree.first { $0.code == code })
            do {
                _ = try OrganisationTreeRules.move(organisation, under: parent, among: Self.tree)
                Issue.record("\(code) under \(parent) is a cycle")
            } catch {
                #expect(error.entries.map(\.field) == ["parentCode"])
            }
        }
        let section = try #require(Self.tree.first { $0.code == "UKE-B" })
        #expect(try OrganisationTreeRules.move(section, under: "UKE", among: Self.tree).parentCode == "UKE")
        let agency = try #require(Self.tree.first { $0.code == "UKE" })
        #expect(try OrganisationTreeRules.move(agency, under: "OSLO", among: Self.tree).parentCode == "OSLO")
        #expect(Self.fields { () throws(InputErrors) in try OrganisationTreeRules.move(agency, under: nil, among: Self.tree) } == ["parentCode"])
    }

    @Test("closing: a date, no open units under it, not twice; reopening under an open parent")
    func closing() throws {
        let agency = try #require(Self.tree.first { $0.code == "UKE" })
        #expect(Self.fields { () throws(InputErrors) in try OrganisationTreeRules.close(agency, on: CalendarDate("2024-12-31"), among: Self.tree) } == ["closedOn"])
        let section = try #require(Self.tree.first { $0.code == "UKE-B" })
        #expect(Self.fields { () throws(InputErrors) in try OrganisationTreeRules.close(section, on: nil, among: Self.tree) } == ["closedOn"])
        let closed = try OrganisationTreeRules.close(section, on: CalendarDate("2024-12-31"), among: Self.tree)
        #expect(closed.isClosed)
        #expect(Self.fields { () throws(InputErrors) in try OrganisationTreeRules.close(closed, on: CalendarDate("2025-01-01"), among: Self.tree) } == ["closedOn"])
        #expect(try OrganisationTreeRules.reopen(closed, among: Self.tree).closedOn == nil)
        #expect(Self.fields { () throws(InputErrors) in try OrganisationTreeRules.reopen(section, among: Self.tree) } == ["closedOn"])
    }

    @Test("an organisation written before closedOn existed still decodes")
    func decodesOldJSON() throws {
        let old = #"{"code":"UKE","kind":"agency","name":"UKE","parentCode":"FIN"}"#
        let decoded = try JSONDecoder().decode(Organisation.self, from: Data(old.utf8))
        #expect(decoded.closedOn == nil)
        #expect(String(decoding: try JSONEncoder().encode(decoded), as: UTF8.self).contains("closedOn") == false)
    }

    @Test("the tree's order: parents before children, siblings by name, with depth")
    func ordered() {
        let order = OrganisationTreeRules.ordered(Self.tree)
        #expect(order.map(\.organisation.code) == ["OSLO", "FIN", "UKE", "UKE-A", "UKE-B"])
        #expect(order.map(\.depth) == [0, 1, 2, 3, 4])
    }
}
