import Foundation
import Hummingbird

/// Reads a `multipart/form-data` body as it streams in: the file part goes to a temporary file
/// (so an upload of any size uses constant memory), the other fields are kept as text. Written by
/// hand: a streaming boundary scan is small, and Hummingbird has no multipart reader.
struct MultipartUpload {
    var fields: [String: String] = [:]
    /// The temporary file with the uploaded bytes, and the name the browser gave.
    var file: (path: String, name: String, bytes: Int64)?
    /// Every file of the file field, when a form sends several (`<input type="file" multiple>`); `file` is the last.
    var files: [(path: String, name: String, bytes: Int64)] = []

    static let maximumFieldBytes = 64 * 1024

    enum Failure: Error, CustomStringConvertible {
        case notMultipart, malformed(String), tooLarge(Int64)

        var description: String {
            switch self {
            case .notMultipart: "Skjemaet ble ikke sendt som en filopplasting (multipart/form-data)."
            case .malformed(let reason): "Opplastingen kunne ikke leses: \(reason)."
            case .tooLarge(let limit): "Filen er større enn \(limit / 1_000_000) MB."
            }
        }
    }

    static func boundary(of request: Request) -> String? {
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in type.split(separator: ";").dropFirst() {
            let pair = parameter.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].lowercased() == "boundary" { return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        }
        return nil
    }

    /// Reads the whole body; the caller removes `file.path` when done.
    static func read(_ request: Request, fileField: String, maximumFileBytes: Int64) async throws -> MultipartUpload {
        guard let boundary = boundary(of: request), !boundary.isEmpty else { throw Failure.notMultipart }
        var upload = MultipartUpload()
        let delimiter = Array("\r\n--\(boundary)".utf8)
        // The body starts with "--boundary"; prefixing CRLF lets one delimiter find every part.
        var pending: [UInt8] = Array("\r\n".utf8)
        enum State { case preamble, headers, content }
        var state = State.preamble
        var current: (name: String, filename: String?) = ("", nil)
        var text: [UInt8] = []
        var handle: FileHandle?
        var written: Int64 = 0
        defer { try? handle?.close() }

        func finishPart() throws {
            if current.filename != nil, current.name == fileField {
                try handle?.close()
                handle = nil
                upload.file?.bytes = written
                if let file = upload.file { upload.files.append(file) }
            } else if !current.name.isEmpty {
                upload.fields[current.name] = String(decoding: text, as: UTF8.self)
            }
            text.removeAll()
        }

        func consume(_ bytes: ArraySlice<UInt8>) throws {
            guard state == .content, !bytes.isEmpty else { return }
            if current.filename != nil, current.name == fileField {
                written += Int64(bytes.count)
                guard written <= maximumFileBytes else { throw Failure.tooLarge(maximumFileBytes) }
                try handle?.write(contentsOf: bytes)
            } else {
                guard text.count + bytes.count <= maximumFieldBytes else { throw Failure.malformed("feltet «\(current.name)» er for langt") }
                text.append(contentsOf: bytes)
            }
        }

        for try await buffer in request.body {
            pending.append(contentsOf: buffer.readableBytesView)
            var progressed = true
            while progressed {
                progressed = false
                switch state {
                case .preamble, .content:
                    if let range = pending.firstRange(of: delimiter) {
                        // After the delimiter: "--" ends the body, CRLF starts the next part's headers.
                        let after = range.upperBound
                        guard pending.count >= after + 2 else { break }
                        if state == .content {
                            try consume(pending[..<range.lowerBound])
                            try finishPart()
                        }
                        if pending[after] == UInt8(ascii: "-") && pending[after + 1] == UInt8(ascii: "-") {
                            pending.removeAll()
                            state = .preamble
                            return upload
                        }
                        pending.removeFirst(after + 2)
                        state = .headers
                        progressed = true
                    } else if state == .content, pending.count > delimiter.count {
                        let keep = delimiter.count
                        try consume(pending[..<(pending.count - keep)])
                        pending.removeFirst(pending.count - keep)
                    }
                case .headers:
                    guard let end = pending.firstRange(of: Array("\r\n\r\n".utf8)) else {
                        guard pending.count < 16 * 1024 else { throw Failure.malformed("for lange delhoder") }
                        break
                    }
                    let headers = String(decoding: pending[..<end.lowerBound], as: UTF8.self)
                    pending.removeFirst(end.upperBound)
                    current = Self.disposition(headers)
                    if let filename = current.filename, current.name == fileField {
                        let path = FileManager.default.temporaryDirectory.appendingPathComponent("styr-upload-\(UUID().uuidString)").path
                        guard FileManager.default.createFile(atPath: path, contents: nil), let opened = FileHandle(forWritingAtPath: path) else {
                            throw Failure.malformed("kan ikke lage en midlertidig fil")
                        }
                        handle = opened
                        written = 0
                        upload.file = (path, filename, 0)
                    }
                    state = .content
                    progressed = true
                }
            }
        }
        throw Failure.malformed("opplastingen sluttet før den var ferdig")
    }

    static func disposition(_ headers: String) -> (name: String, filename: String?) {
        var name = "", filename: String?
        for line in headers.components(separatedBy: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
            for part in line.split(separator: ";").dropFirst() {
                let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                guard pair.count == 2 else { continue }
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                if pair[0] == "name" { name = value }
                if pair[0] == "filename" { filename = value }
            }
        }
        return (name, filename)
    }
}
