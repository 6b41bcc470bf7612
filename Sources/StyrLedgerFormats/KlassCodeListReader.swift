import StyrDomain

/// Reads a KOSTRA code list as SSB's classification database (KLASS) exports it to CSV: a header
/// with `code`, `name`, `validFrom` and `validTo` (others, such as `parentCode`, `level`,
/// `shortName`, `notes`, are ignored; `kode`, `navn`, `gyldigFra`, `gyldigTil` are accepted too),
/// `;` or `,` between fields, UTF-8 or Latin-1/Windows-1252, dates as `2015-01-01` or `01.01.2015`.
public enum KlassCodeListReader {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var line: Int
        public var reason: String
        public var description: String { line > 0 ? "linje \(line): \(reason)" : reason }
    }

    static let codeNames = ["code", "kode"]
    static let nameNames = ["name", "navn", "presentationname"]
    static let fromNames = ["validfrom", "valid from", "gyldigfra", "gyldig fra"]
    static let toNames = ["validto", "valid to", "gyldigtil", "gyldig til"]

    public static func read(_ bytes: [UInt8]) throws -> [KostraCodeEntry] {
        let decoded: [String]
        do { decoded = try LedgerTextDecoder.lines(of: bytes).lines } catch {
            throw Failure(line: 0, reason: "filen kan ikke leses som tekst: \(error)")
        }
        let lines = decoded.enumerated().filter { !$0.element.trimmingCharacters(in: .whitespaces).isEmpty }
        guard let header = lines.first else { throw Failure(line: 0, reason: "filen er tom") }
        let headerBytes = Array(header.element.utf8)[...]
        let delimiter = LedgerBytes.detectDelimiter(headerBytes)
        let names = LedgerBytes.headerNames(headerBytes, delimiter: delimiter)
        func column(_ accepted: [String]) -> Int? { names.firstIndex { accepted.contains($0) } }
        guard let code = column(codeNames) else {
            throw Failure(line: header.offset + 1, reason: "mangler kolonnen «code» (KLASS-eksport med code, name, validFrom, validTo); overskriften har: "
                + names.map { "«\($0)»" }.joined(separator: ", "))
        }
        let (name, from, to) = (column(nameNames), column(fromNames), column(toNames))
        var entries: [KostraCodeEntry] = []
        for (offset, line) in lines.dropFirst() {
            let fields = LedgerBytes.headerFields(Array(line.utf8)[...], delimiter: delimiter)
            func field(_ index: Int?) -> String? {
                guard let index, index < fields.count, !fields[index].isEmpty else { return nil }
                return fields[index]
            }
            guard let value = field(code) else { throw Failure(line: offset + 1, reason: "koden mangler") }
            guard value.allSatisfy(\.isNumber) else { throw Failure(line: offset + 1, reason: "«\(value)» er ikke en kode (bare siffer)") }
            func date(_ index: Int?, _ label: String) throws -> CalendarDate? {
                guard let text = field(index) else { return nil }
                guard let date = CalendarDate(String(text.prefix(10))) else {
                    throw Failure(line: offset + 1, reason: "«\(text)» i \(label) er ikke en dato (ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ)")
                }
                return date
            }
            entries.append(KostraCodeEntry(code: value, name: field(name), validFrom: try date(from, "validFrom"), validTo: try date(to, "validTo")))
        }
        guard !entries.isEmpty else { throw Failure(line: 0, reason: "filen har ingen koder under overskriften") }
        return entries
    }
}
