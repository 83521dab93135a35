/// The rules every path Waymark writes inside the output folder must pass.
///
/// A path is relative to the output folder, such as `pl/pathways/adults/index.html`. Besides
/// keeping every write inside that folder (no `..`, no absolute path), the rules refuse names that
/// some place a site goes cannot take: sites are checked out on Windows laptops, synced through
/// OneDrive and served from object stores (S3, Azure), so a name only Linux accepts would make a
/// site that builds here and breaks there. Limits follow the common file systems: 255 bytes per
/// name (ext4, APFS, NTFS) and 4,096 bytes per path (Linux `PATH_MAX`).
public enum OutputPathRules {
    /// Most bytes (UTF-8) in one file or folder name.
    public static let maxSegmentBytes = 255
    /// Most bytes (UTF-8) in a whole path.
    public static let maxPathBytes = 4096
    /// Device names Windows reserves, with or without an extension (`con.html` too).
    public static let reservedNames: Set<String> = Set(["con", "prn", "aux", "nul"]
        + (1...9).map { "com\($0)" } + (1...9).map { "lpt\($0)" })
    /// Characters Windows does not allow in names.
    public static let forbiddenCharacters: Set<Character> = ["<", ">", ":", "\"", "|", "?", "*"]

    /// Why a path was refused: a reason in plain English, and the name it is about, if one.
    public struct Problem: Sendable, Hashable {
        public var reason: String
        /// The file or folder name at fault, nil when the problem is the whole path.
        public var segment: String?

        public init(reason: String, segment: String?) {
            self.reason = reason
            self.segment = segment
        }
    }

    /// Nil when `path` may be written, else why not.
    public static func problem(path: String) -> Problem? {
        if path.isEmpty { return Problem(reason: "the address is empty", segment: nil) }
        if path.hasPrefix("/") { return Problem(reason: "it starts with '/', so it would be outside the site's folder", segment: nil) }
        if path.utf8.count > maxPathBytes {
            return Problem(reason: "it is \(path.utf8.count) bytes long, more than the \(maxPathBytes) a file path may have", segment: nil)
        }
        // Every page and file of a build comes through here, twice: most paths are all plain names.
        var utf8 = path
        if utf8.withUTF8({ bytes in bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).allSatisfy(isPlainName) }) {
            return nil
        }
        // Split on every slash, so `a//b` shows up as an empty name.
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
            if let reason = problem(segment: String(segment)) { return Problem(reason: reason, segment: String(segment)) }
        }
        return nil
    }

    /// Nil when `segment` may be one file or folder name, else the reason in plain English.
    public static func problem(segment: String) -> String? {
        isPlainName(segment) ? nil : ruleProblem(segment: segment)
    }

    /// ``problem(segment:)`` worked out rule by rule.
    static func ruleProblem(segment: String) -> String? {
        if segment.isEmpty { return "it has an empty folder name (two '/' together, or one at the end)" }
        if segment == "." || segment == ".." { return "it has '\(segment)' as a folder name, which would point outside its folder" }
        if segment.unicodeScalars.contains(where: isControl) { return "'\(visible(segment))' contains an invisible control character" }
        if segment.contains("\\") { return "'\(visible(segment))' contains a backslash, which Windows reads as a folder separator" }
        if let bad = segment.first(where: forbiddenCharacters.contains) {
            return "'\(visible(segment))' contains '\(bad)', which Windows does not allow in file names"
        }
        if segment.utf8.count > maxSegmentBytes {
            return "the name '\(visible(segment))' is \(segment.utf8.count) bytes long, more than the \(maxSegmentBytes) a file or folder name may have"
        }
        if segment.hasSuffix(".") || segment.hasSuffix(" ") {
            return "'\(visible(segment))' ends with a dot or a space, which Windows removes"
        }
        let base = segment.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0]
        if reservedNames.contains(base.lowercased()) {
            return "'\(segment)' is a name Windows keeps for a device (CON, PRN, AUX, NUL, COM1 to COM9 and LPT1 to LPT9), so the site could not be copied to Windows"
        }
        return nil
    }

    /// Whether `segment` is an ordinary name every rule above allows, found in one pass over its
    /// bytes: ASCII letters, digits, `-`, `_` and `.`, not ending with a dot, its part before the
    /// first dot not a device name. Every page and index file of a build is checked, so the usual
    /// case must not look at characters one by one.
    static func isPlainName(_ segment: String) -> Bool {
        isPlainName(segment.utf8)
    }

    static func isPlainName<Bytes: Collection<UInt8>>(_ segment: Bytes) -> Bool {
        var baseLength = -1, count = 0, last: UInt8 = 0
        for byte in segment {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"):
                break
            case UInt8(ascii: "."):
                if baseLength < 0 { baseLength = count }
            default:
                return false
            }
            count += 1
            last = byte
        }
        if baseLength < 0 { baseLength = count }
        guard count > 0 && count <= maxSegmentBytes && last != UInt8(ascii: ".") else { return false }
        // A short base is a smol string: looking it up in the device names allocates nothing.
        return baseLength != 3 && baseLength != 4
            || !reservedNames.contains(String(decoding: segment.prefix(baseLength), as: UTF8.self).lowercased())
    }

    /// C0 controls, DEL and C1 controls: invisible, and refused by many hosts.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// `text` as it can be shown in a message: control characters as `�`, long names shortened.
    public static func visible(_ text: String) -> String {
        var shown = String(String.UnicodeScalarView(text.unicodeScalars.map { isControl($0) ? "\u{FFFD}" : $0 }))
        if shown.count > 60 { shown = shown.prefix(40) + "…" + shown.suffix(10) }
        return shown
    }
}
