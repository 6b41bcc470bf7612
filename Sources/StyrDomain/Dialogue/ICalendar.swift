import Foundation

/// Writes an iCalendar feed (RFC 5545) of all-day events. Written by hand: the format is small,
/// and no listed Swift package writes it.
public enum ICalendar {
    public static func feed(name: String, entries: [CalendarEntry], baseURL: String, now: Date) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Styr//Styr etatsstyring//NB", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:\(escape(name))", "X-WR-TIMEZONE:Europe/Oslo",
        ]
        let stamp = timestamp(now)
        for entry in entries {
            lines += [
                "BEGIN:VEVENT",
                "UID:\(entry.uid)@styr",
                "DTSTAMP:\(stamp)",
                "DTSTART;VALUE=DATE:\(compact(entry.date))",
                "DTEND;VALUE=DATE:\(compact(entry.date.adding(days: 1)))",
                "SUMMARY:\(escape(entry.title))",
                "DESCRIPTION:\(escape(entry.detail.isEmpty ? entry.kind.norwegianName : "\(entry.kind.norwegianName). \(entry.detail)"))",
                "CATEGORIES:\(escape(entry.kind.norwegianName))",
                "URL:\(baseURL)\(entry.path)",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11).
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\r\n", with: "\\n")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\n")
    }

    /// Lines longer than 75 octets are folded with CRLF and a space, never inside a UTF-8 character (§3.1).
    static func fold(_ line: String) -> String {
        var result = "", octets = 0
        for character in line {
            let size = String(character).utf8.count
            if octets + size > 75 {
                result += "\r\n "
                octets = 1
            }
            result.append(character)
            octets += size
        }
        return result
    }

    static func compact(_ date: CalendarDate) -> String { date.iso.replacingOccurrences(of: "-", with: "") }

    static func timestamp(_ instant: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        return "\(pad(p.year!, 4))\(pad(p.month!, 2))\(pad(p.day!, 2))T\(pad(p.hour!, 2))\(pad(p.minute!, 2))\(pad(p.second!, 2))Z"
    }
}
