/// Why a published table could not be read. The check itself never fails on wrong numbers;
/// those become findings. Only input that cannot be understood is an error.
public struct PublishedTableError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 1-based line in the file (the header is line 1 unless blank lines precede it).
    public var line: Int?
    /// Header name of the column concerned, in its canonical lower-case form.
    public var column: String?
    /// Norwegian explanation without the location.
    public var reason: String

    public init(line: Int? = nil, column: String? = nil, reason: String) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// Norwegian message with the location first, e.g.
    /// "linje 4, kolonne «regulert»: «12x» er ikke et beløp".
    public var message: String {
        var location: [String] = []
        if let line { location.append("linje \(line)") }
        if let column { location.append("kolonne «\(column)»") }
        return location.isEmpty ? reason : location.joined(separator: ", ") + ": " + reason
    }

    public var description: String { message }

    /// The same error placed at a line and column, keeping a location that is already set.
    func located(line: Int, column: String?) -> PublishedTableError {
        PublishedTableError(line: self.line ?? line, column: self.column ?? column, reason: reason)
    }
}
