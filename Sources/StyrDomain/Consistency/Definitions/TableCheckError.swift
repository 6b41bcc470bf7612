/// Why tables could not be checked by a definition: the file, line and column, and the reason in
/// Norwegian. Wrong numbers are never an error; they are findings.
public struct TableCheckError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String?
    public var line: Int?
    public var column: String?
    public var reason: String

    public init(file: String? = nil, line: Int? = nil, column: String? = nil, reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// `drift.csv, linje 4, kolonne «Regnskap 2023»: «12x» er ikke et beløp`.
    public var description: String {
        let location = [file, line.map { "linje \($0)" }, column.map { "kolonne «\($0)»" }].compactMap { $0 }
        return location.isEmpty ? reason : location.joined(separator: ", ") + ": " + reason
    }
}
