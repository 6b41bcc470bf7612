import Foundation
@testable import StyrDomain
@testable import StyrLedgerFormats

// libFuzzer's entry point for Styr's hostile-input readers, compiled by Benchmarks/fuzz.sh
// against StyrDomain and StyrLedgerFormats (built with -enable-testing, so internal parsers are
// reachable) and with the form decoder. The first byte picks the reader; the rest is its input.
// A crash, a trap (overflow, index out of range) or a hang is a finding; thrown errors are the
// readers' normal refusals.

@_cdecl("LLVMFuzzerTestOneInput")
public func styrFuzz(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let input = Array(UnsafeBufferPointer(start: bytes + 1, count: size - 1))
    // Out of 16: the ledger reader 7 (format detected 4, named 3), the year file 3, Styr's
    // published-table check 3, the defined-table check 1 on at most 1 KB (its header matching
    // costs about 10 ms for 4 KB, a hundred times the others), the form decoder 2.
    switch bytes[0] % 16 {
    case 0...3: fuzzLedgerImport(input, format: nil)
    case 4...6: fuzzLedgerImport(input, format: LedgerFormat.allCases[Int(input.first ?? 0) % LedgerFormat.allCases.count])
    case 7...9: fuzzYearFile(input)
    case 10...12: fuzzPublishedTable(input)
    case 13: fuzzDefinedTables(Array(input.prefix(1024)))
    default: fuzzForm(input)
    }
    return 0
}

/// The ledger reader: encoding detection, line splitting across chunk boundaries, the format
/// detector and the line parser.
func fuzzLedgerImport(_ input: [UInt8], format: LedgerFormat?) {
    let chunk = max(1, Int(input.last ?? 7) % 64 + 1)
    var importer = LedgerImporter(year: 2020, format: format, errorLimit: 20)
    var offset = 0
    do {
        while offset < input.count {
            try importer.feed(input[offset..<min(input.count, offset + chunk)]) { _ in }
            offset += chunk
        }
        _ = try importer.finish { _ in }
    } catch {}
    _ = try? LedgerTextDecoder.lines(of: input, chunkSize: chunk)
}

/// The year file: JSON decoding, the version and every rule of the file, its tables.
func fuzzYearFile(_ input: [UInt8]) {
    guard let file = try? YearFile.decode(Data(input)) else { return }
    try? YearFileRules.check(file)
    _ = try? YearFileTables.tables(file)
}

/// Styr's own published-table check (six columns), each kind.
func fuzzPublishedTable(_ input: [UInt8]) {
    let text = PublishedTableCheck.decode(Data(input))
    for kind in PublishedTableKind.allCases {
        _ = try? PublishedTableCheck.check(text: text, kind: kind, tolerance: Int64(input.first ?? 0))
    }
}

/// The defined-table check: the shipped definitions fitted to the text, then checked.
func fuzzDefinedTables(_ input: [UInt8]) {
    _ = try? TableCheckRun.check([TableCheckRun.File(name: "fuzz.csv", data: Data(input))], definitions: [])
    _ = try? TableCheckRun.definition(json: Data(input), fileName: "fuzz.json")
}

/// The form decoder and the values typed into forms.
func fuzzForm(_ input: [UInt8]) {
    let text = String(decoding: input, as: UTF8.self)
    for (_, value) in FormURLEncoding.fields(text) {
        _ = Quantity(parsing: value)
        _ = OsloTime.parse(value)
        _ = CalendarDate(value)
    }
}
