import Foundation
import WaymarkCore

/// The results of earlier `--external` runs, kept in a JSON file (`.waymark-links.json`) so a
/// scheduled job does not ask every site every time.
///
/// The file maps each address asked for to what was found:
///
/// ```json
/// {
///   "https://example.org/old" : {
///     "checked" : "2025-03-01T09:30:00Z",
///     "final" : "https://example.org/new",
///     "moved_to" : "https://example.org/new",
///     "result" : "moved",
///     "status" : 200
///   }
/// }
/// ```
///
/// Only lasting results (`ok`, `moved`) are reused, and only while younger than the cache's
/// hours; `dead` entries are kept for people reading the file but always checked again.
struct LinkCache: Sendable {
    struct Entry: Codable, Sendable, Hashable {
        /// `ok`, `moved` or `dead`.
        var result: String
        /// The last HTTP status seen, when there was one.
        var status: Int?
        /// For `dead`: what went wrong, in a few words.
        var reason: String?
        /// When it was checked, ISO 8601 in UTC.
        var checked: String
        /// The address reached in the end, after any redirects.
        var final: String
        /// For `moved`: the address the permanent redirects lead to.
        var movedTo: String?

        enum CodingKeys: String, CodingKey {
            case result, status, reason, checked, final
            case movedTo = "moved_to"
        }
    }

    var entries: [String: Entry] = [:]

    /// The cache at `path`: empty when there is no file yet, and empty with a warning when the
    /// file cannot be read (it is written afresh at the end of the run).
    static func load(_ path: String) -> (cache: LinkCache, problem: Diagnostic?) {
        guard FileManager.default.fileExists(atPath: path) else { return (LinkCache(), nil) }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return (LinkCache(entries: try JSONDecoder().decode([String: Entry].self, from: data)), nil)
        } catch {
            return (LinkCache(), .warning(SourceLocation(file: path), "the saved link results could not be read, so every link is checked again",
                                          help: "nothing to do: the file is written afresh after this check (or delete it)"))
        }
    }

    /// The verdict kept for `address`, if it is lasting and younger than `hours` at `now`.
    func verdict(for address: String, now: Date, hours: Double) -> LinkVerdict? {
        guard let entry = entries[address], let checked = Self.date(entry.checked) else { return nil }
        let age = now.timeIntervalSince(checked)
        guard age >= -60, age < hours * 3600 else { return nil }
        switch entry.result {
        case "ok": return .alive(status: entry.status ?? 200, finalURL: entry.final)
        case "moved": return entry.movedTo.map { .moved(movedTo: $0, status: entry.status ?? 200, finalURL: entry.final) }
        default: return nil
        }
    }

    /// Keeps `verdict` for `address`, checked at `date`. Answers that say nothing (429) are not kept.
    mutating func record(_ verdict: LinkVerdict, for address: String, at date: Date) {
        let checked = Self.text(date)
        switch verdict {
        case .alive(let status, let final):
            entries[address] = Entry(result: "ok", status: status, checked: checked, final: final)
        case .moved(let movedTo, let status, let final):
            entries[address] = Entry(result: "moved", status: status, checked: checked, final: final, movedTo: movedTo)
        case .dead(let failure, let final):
            var status: Int?
            if case .status(let code) = failure { status = code }
            entries[address] = Entry(result: "dead", status: status, reason: failure.code, checked: checked, final: final)
        case .busy:
            entries[address] = nil
        }
    }

    /// Only the addresses still linked to, so links taken off the site leave the file too.
    func keeping(_ addresses: Set<String>) -> LinkCache {
        LinkCache(entries: entries.filter { addresses.contains($0.key) })
    }

    /// Writes the cache to `path` in one step (never half a file), with keys sorted so the same
    /// results give the same bytes. A warning when it cannot be written; the check still stands.
    func save(to path: String) -> Diagnostic? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            var data = try encoder.encode(entries)
            data.append(0x0A)
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
            return nil
        } catch {
            return .warning(SourceLocation(file: path), "the link results could not be saved, so the next check will ask every site again",
                            help: "check that the folder exists and can be written to, or choose another file with --external-cache")
        }
    }

    static func text(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}
