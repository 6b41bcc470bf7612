import StyrDomain

/// Why a ledger could not be generated.
public struct LedgerGeneratorError: Error, Hashable, Sendable, CustomStringConvertible {
    public var reason: String
    public var description: String { reason }
}

/// Writes a synthetic ERP export for benchmarks (`styr bench generate-ledger`): the FORMATS.md §3
/// columns with a `periode` column before `beloep`, semicolon-separated, UTF-8, LF line ends.
///
/// The same seed gives the same bytes. Lines draw uniformly from 50 ansvar (`A101`–`A150`, in five
/// virksomhetsområder), the given arts and funksjoner, 12 periods, and in two lines of five one of
/// 500 projects. Accounts are kontoklasse 1 + art + a local digit (kontoklasse 0 and an
/// investment art in one line of ten when `investmentArts` is given), tjenester the funksjon + 2
/// local digits. Amounts are kroner with øre and a decimal point (as DuckDB's `DECIMAL` reads
/// them), from 1 to 999 999.99; arts 600–999 (revenues) are negative.
public enum LedgerGenerator {
    public static let header =
        "virksomhetsomraade;art;art_tekst;ansvar;ansvar_tekst;tjeneste_nr;tjeneste_tekst;prosjekt;prosjekt_tekst;fri_dim;fri_dim_tekst;periode;beloep"
    public static let responsibilityCount = 50
    public static let projectCount = 500

    /// Generates `lines` lines after the header, handing the bytes to `write` in chunks of about
    /// `chunkSize` bytes (memory stays at about one chunk).
    public static func generate(
        lines: Int, seed: UInt64, arts: [Int], functions: [Int], investmentArts: [Int] = [], chunkSize: Int = 1 << 20,
        write: ([UInt8]) throws -> Void
    ) throws {
        guard lines >= 0 else { throw LedgerGeneratorError(reason: "antall linjer kan ikke være negativt") }
        guard !arts.isEmpty else { throw LedgerGeneratorError(reason: "ingen arter å trekke fra") }
        guard !functions.isEmpty else { throw LedgerGeneratorError(reason: "ingen funksjoner å trekke fra") }
        guard (arts + investmentArts).allSatisfy({ (0...999).contains($0) }) else {
            throw LedgerGeneratorError(reason: "en art er utenfor 000–999")
        }
        guard functions.allSatisfy({ (100...999).contains($0) }) else {
            throw LedgerGeneratorError(reason: "en funksjon er utenfor 100–999")
        }
        let pieces = LedgerGeneratorPieces(arts: arts, functions: functions, investmentArts: investmentArts)
        let chunk = max(4096, chunkSize)
        var storage = [UInt8](repeating: 0, count: chunk + pieces.longestLine)
        var random = LedgerRandom(seed: seed)
        var produced = 0
        var headerPending = true
        let headerBytes = Array(header.utf8)
        while headerPending || produced < lines {
            let used: Int = storage.withUnsafeMutableBufferPointer { (buffer: inout UnsafeMutableBufferPointer<UInt8>) -> Int in
                var writer = LedgerByteWriter(base: buffer.baseAddress!)
                if headerPending {
                    writer.write(headerBytes)
                    writer.byte(LedgerBytes.lf)
                    headerPending = false
                }
                while produced < lines, writer.position < chunk {
                    pieces.writeLine(to: &writer, random: &random)
                    produced += 1
                }
                return writer.position
            }
            try write(Array(storage[0..<used]))
        }
    }
}

/// The text of the generated file's dimensions, made once as bytes.
struct LedgerGeneratorPieces: Sendable {
    var areas: [[UInt8]] = []
    /// `A101;Økonomi 1`: ansvar and its text.
    var responsibilities: [[UInt8]] = []
    var arts: [Int]
    var artCodes: [[UInt8]] = []
    var artTexts: [[UInt8]] = []
    var investmentArts: [Int]
    var investmentCodes: [[UInt8]] = []
    var investmentTexts: [[UInt8]] = []
    /// `253`: the funksjon, to which the tjeneste's two local digits are added.
    var functionCodes: [[UInt8]] = []
    var functionTexts: [[UInt8]] = []
    /// `P1001;Prosjekt 1`: project and its text.
    var projects: [[UInt8]] = []
    var longestLine = 0

    static let responsibilityNames = [
        "Økonomi", "Skole", "Barnehage", "Helse og omsorg", "Kultur", "Vei og park", "Byggesak", "IKT", "Personal", "Sosialtjeneste",
    ]

    init(arts: [Int], functions: [Int], investmentArts: [Int]) {
        self.arts = arts
        self.investmentArts = investmentArts
        for index in 0..<LedgerGenerator.responsibilityCount {
            areas.append(Array(String(1 + index / 10).utf8))
            let name = Self.responsibilityNames[index % Self.responsibilityNames.count]
            responsibilities.append(Array("A\(101 + index);\(name) \(index / 10 + 1)".utf8))
        }
        for art in arts {
            artCodes.append(Array(pad(art, 3).utf8))
            artTexts.append(Array("Art \(pad(art, 3))".utf8))
        }
        for art in investmentArts {
            investmentCodes.append(Array(pad(art, 3).utf8))
            investmentTexts.append(Array("Art \(pad(art, 3)) investering".utf8))
        }
        for function in functions {
            functionCodes.append(Array(pad(function, 3).utf8))
            functionTexts.append(Array("Tjeneste \(function)".utf8))
        }
        for index in 0..<LedgerGenerator.projectCount {
            projects.append(Array("P\(1001 + index);Prosjekt \(index + 1)".utf8))
        }
        func longest(_ pieces: [[UInt8]]) -> Int { pieces.map(\.count).max() ?? 0 }
        longestLine = longest(areas) + longest(responsibilities) + 5 + max(longest(artTexts), longest(investmentTexts))
            + 5 + longest(functionTexts) + longest(projects) + 2 + 2 + 11 + 13 + 64
    }

    func writeLine(to writer: inout LedgerByteWriter, random: inout LedgerRandom) {
        let separator = LedgerBytes.semicolon
        let responsibility = random.next(below: responsibilities.count)
        let investment = !investmentArts.isEmpty && random.next(below: 10) == 0
        let artIndex = random.next(below: investment ? investmentArts.count : arts.count)
        let art = investment ? investmentArts[artIndex] : arts[artIndex]
        let function = random.next(below: functionCodes.count)
        let project = random.next(below: 5) < 2 ? random.next(below: projects.count) : -1
        let freeDimension = random.next(below: 10)
        let period = 1 + random.next(below: 12)
        let digits = 1 + random.next(below: 6)
        let low = LedgerBytes.powerOfTen(digits - 1)
        let kroner = low + random.next(below: low * 9)
        let ore = random.next(below: 100)

        writer.write(areas[responsibility])
        writer.byte(separator)
        writer.byte(investment ? LedgerBytes.zero : LedgerBytes.zero + 1)
        writer.write(investment ? investmentCodes[artIndex] : artCodes[artIndex])
        writer.byte(LedgerBytes.zero + UInt8(truncatingIfNeeded: random.next(below: 3)))
        writer.byte(separator)
        writer.write(investment ? investmentTexts[artIndex] : artTexts[artIndex])
        writer.byte(separator)
        writer.write(responsibilities[responsibility])
        writer.byte(separator)
        writer.write(functionCodes[function])
        writer.byte(LedgerBytes.zero)
        writer.byte(LedgerBytes.zero + UInt8(truncatingIfNeeded: random.next(below: 3)))
        writer.byte(separator)
        writer.write(functionTexts[function])
        writer.byte(separator)
        if project >= 0 {
            writer.write(projects[project])
        } else {
            writer.byte(separator)
        }
        writer.byte(separator)
        if freeDimension < 3 {
            writer.byte(UInt8(ascii: "F"))
            writer.number(freeDimension + 1)
        }
        writer.byte(separator)
        writer.byte(separator)
        writer.number(period)
        writer.byte(separator)
        if art >= 600 { writer.byte(LedgerBytes.minus) }
        writer.number(kroner)
        writer.byte(LedgerBytes.period)
        writer.number(ore, width: 2)
        writer.byte(LedgerBytes.lf)
    }
}

/// Writes bytes into memory the caller has made large enough.
struct LedgerByteWriter {
    let base: UnsafeMutablePointer<UInt8>
    var position = 0

    init(base: UnsafeMutablePointer<UInt8>) {
        self.base = base
    }

    @inline(__always)
    mutating func byte(_ value: UInt8) {
        base[position] = value
        position += 1
    }

    @inline(__always)
    mutating func write(_ bytes: [UInt8]) {
        let count = bytes.count
        guard count > 0 else { return }
        let target = base + position
        bytes.withUnsafeBufferPointer { source in
            target.update(from: source.baseAddress!, count: count)
        }
        position += count
    }

    /// A non-negative number in decimal, zero-padded to `width` digits.
    @inline(__always)
    mutating func number(_ value: Int, width: Int = 1) {
        var digits = 1
        var rest = value / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        let count = max(digits, width)
        var remaining = value
        var index = position + count - 1
        while index >= position {
            base[index] = LedgerBytes.zero + UInt8(truncatingIfNeeded: remaining % 10)
            remaining /= 10
            index -= 1
        }
        position += count
    }
}

/// SplitMix64: a small, fast generator whose sequence is fixed by its seed on every platform.
struct LedgerRandom: Sendable {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A number in `0..<bound` (bound > 0).
    mutating func next(below bound: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }
}
