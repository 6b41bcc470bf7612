import StyrDomain
import Testing

/// The field errors every rule returns: the first message of a field wins, the order found is kept,
/// and renaming to an edge's names merges fields that share a name there.
@Suite("Field errors")
struct InputErrorsTests {
    @Test("the first message of each field is kept, in the order found; a field without one reads nil")
    func firstMessageWins() {
        var errors = InputErrors()
        errors.add("deadline", "Fristen mangler.")
        errors.add("title", "Tittelen mangler.")
        errors.add("deadline", "Fristen er etter året.")
        #expect(errors.entries.map(\.field) == ["deadline", "title"])
        #expect(errors["deadline"] == "Fristen mangler.")
        #expect(errors["title"] == "Tittelen mangler.")
        #expect(errors["owner"] == nil)
        #expect(errors.summary == "deadline: Fristen mangler.; title: Tittelen mangler.")
        #expect(throws: InputErrors.self) { try errors.check() }
        #expect(throws: Never.self) { try InputErrors().check() }
    }

    @Test("renamed fields keep their messages; two fields with one name at the edge keep the first")
    func renamed() {
        var errors = InputErrors()
        errors.add("roles", "Velg en rolle.")
        errors.add("role", "Rollen finnes ikke.")
        errors.add("name", "Navnet mangler.")
        let form = errors.renamed(["roles": "rolle", "role": "rolle", "name": "navn"])
        #expect(form.entries.map(\.field) == ["rolle", "navn"])
        #expect(form["rolle"] == "Velg en rolle.")
        #expect(form["navn"] == "Navnet mangler.")
        #expect(form["roles"] == nil)
        #expect(form == .single("rolle", "Velg en rolle.").adding("navn", "Navnet mangler."))
    }

    @Test("10 000 errors are kept one per field, and each is read by its field")
    func many() {
        var errors = InputErrors()
        for row in 0..<10_000 { errors.add("rad\(row)", "Rad \(row + 1): beløpet mangler.") }
        errors.add("rad0", "ignored")
        #expect(errors.entries.count == 10_000)
        #expect(errors["rad9999"] == "Rad 10000: beløpet mangler.")
        #expect(errors["rad0"] == "Rad 1: beløpet mangler.")
    }
}

private extension InputErrors {
    func adding(_ field: String, _ message: String) -> InputErrors {
        var copy = self
        copy.add(field, message)
        return copy
    }
}
