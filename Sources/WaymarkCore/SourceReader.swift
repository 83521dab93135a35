#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the files of one folder (the content folder or the theme): the only way Waymark opens
/// an input file.
///
/// A path is opened one folder at a time from the root, never following a symbolic link, so no
/// path can lead outside the root. Only ordinary files are read: a named pipe is opened without
/// waiting and refused, so it can never hang a build. Files are capped in size
/// (``textSizeLimit``, ``staticFileSizeLimit``) so a mistake cannot exhaust memory. Text is
/// decoded by ``TextDecoding``: the BOM is dropped, CR LF and CR become LF (line numbers keep),
/// and a file that is not UTF-8 is explained with the line of its first bad byte.
public struct SourceReader: Sendable {
    /// The largest page, settings, data, template or UI-strings file read: 16 MiB, hundreds of
    /// times the longest real page, small enough to read whole.
    public static let textSizeLimit = 16 * 1024 * 1024
    /// The largest static file (PDF, image, video) published from the content folder: 256 MiB.
    public static let staticFileSizeLimit = 256 * 1024 * 1024

    /// The folder on disk; it may itself be a symbolic link.
    public let root: String
    /// How messages name the folder (`content`, `theme`).
    public let displayRoot: String

    /// Why a file was not read.
    public enum Failure: Error, Sendable {
        /// Nothing is at the path.
        case missing
        /// Something is there but may not or cannot be read; the message says why.
        case refused(Diagnostic)
    }

    public init(root: String, displayRoot: String) {
        self.root = root
        self.displayRoot = displayRoot
    }

    /// How messages name `relativePath` (`content/about/index.md`).
    public func display(_ relativePath: String) -> String {
        displayRoot + "/" + relativePath
    }

    /// The text of `relativePath`, normalised to LF without a BOM.
    public func text(_ relativePath: String) -> Result<String, Failure> {
        bytes(relativePath, limit: SourceReader.textSizeLimit).flatMap { bytes in
            TextDecoding.decode(bytes).mapError { Failure.refused(explain($0, bytes: bytes, file: relativePath)) }
        }
    }

    /// The text of `relativePath`, nil when there is no such file; other failures as the build's.
    public func optionalText(_ relativePath: String) -> Result<String?, BuildFailure> {
        switch text(relativePath) {
        case .success(let text): return .success(text)
        case .failure(.missing): return .success(nil)
        case .failure(.refused(let diagnostic)): return .failure(BuildFailure(Diagnostics([diagnostic])))
        }
    }

    /// The bytes of `relativePath` exactly as they are (images, PDFs, fonts).
    public func bytes(_ relativePath: String, limit: Int = SourceReader.staticFileSizeLimit) -> Result<[UInt8], Failure> {
        let location = SourceLocation(file: display(relativePath))
        return openFile(relativePath).flatMap { descriptor in
            defer { close(descriptor) }
            return readAll(descriptor, limit: limit, location: location)
        }
    }

    // MARK: - Opening

    /// A descriptor for the ordinary file at `relativePath`, reached without following links.
    private func openFile(_ relativePath: String) -> Result<Int32, Failure> {
        let parts = relativePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let location = SourceLocation(file: display(relativePath))
        guard !relativePath.hasPrefix("/"), !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
            return .failure(.refused(.error(location, "this path leads outside the '\(displayRoot)' folder, so it was not read")))
        }
        var folder = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return .failure(.missing) }
        var reached = ""
        for (index, part) in parts.enumerated() {
            reached += reached.isEmpty ? part : "/" + part
            let isLast = index == parts.count - 1
            let flags = isLast ? O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC : O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC
            let next = openat(folder, part, flags)
            let failure = errno
            close(folder)
            guard next >= 0 else { return .failure(refusal(reached, errorCode: failure, location: location)) }
            folder = next
        }
        return checkOrdinary(folder, location: location)
    }

    /// Why `reached` (a prefix of the path asked for) would not open.
    private func refusal(_ reached: String, errorCode: Int32, location: SourceLocation) -> Failure {
        var info = stat()
        if lstat(root + "/" + reached, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            return .refused(linkRefusal(reached))
        }
        switch errorCode {
        case ENOENT, ENOTDIR: return .missing
        case EACCES, EPERM:
            return .refused(.error(location, "this file could not be read: you do not have permission to open it",
                                   help: "check the file's permissions, or copy it again from wherever it came from"))
        default:
            return .refused(.error(location, "this file could not be read (\(String(cString: strerror(errorCode))))"))
        }
    }

    /// A link met on the way: refused wherever it points, with the walk's words if it leads out.
    private func linkRefusal(_ reached: String) -> Diagnostic {
        let finding = FileFinding.link(at: reached, fullPath: root + "/" + reached, resolvedRoot: FileFinding.realPath(root))
        switch finding.kind {
        case .linkOutside: return finding.diagnostic(displayRoot: displayRoot)
        default:
            return .error(SourceLocation(file: display(reached)), "this is a symbolic link; Waymark does not follow links, so it was not read",
                          help: "copy the file here instead of linking to it")
        }
    }

    /// Keeps `descriptor` only if it is an ordinary file (not a folder, pipe or device).
    private func checkOrdinary(_ descriptor: Int32, location: SourceLocation) -> Result<Int32, Failure> {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            close(descriptor)
            return .failure(.refused(.error(location, "this file could not be read")))
        }
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG else {
            close(descriptor)
            if type == S_IFDIR { return .failure(.refused(.error(location, "this is a folder, where Waymark expects a file"))) }
            let what = FileFinding.specialDescription(mode: info.st_mode) ?? "a special file"
            return .failure(.refused(.error(location, "this is \(what), not an ordinary file, so it was not read",
                                            help: "put an ordinary file here")))
        }
        return .success(descriptor)
    }

    // MARK: - Reading

    private func readAll(_ descriptor: Int32, limit: Int, location: SourceLocation) -> Result<[UInt8], Failure> {
        var info = stat()
        let expected = fstat(descriptor, &info) == 0 ? Int(info.st_size) : 0
        if expected > limit { return .failure(.refused(tooLarge(limit, location: location))) }
        // One byte more than the limit is asked for, to notice a file that grew since `fstat`.
        var buffer = [UInt8](repeating: 0, count: min(max(expected, 4096), limit) + 1)
        var count = 0
        while true {
            if count == buffer.count {
                if count > limit { return .failure(.refused(tooLarge(limit, location: location))) }
                buffer.append(contentsOf: repeatElement(0, count: min(buffer.count, limit + 1 - buffer.count)))
            }
            let got = buffer.withUnsafeMutableBytes { raw in
                read(descriptor, raw.baseAddress! + count, raw.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(.refused(.error(location, "this file could not be read (\(String(cString: strerror(errno))))")))
            }
            if got == 0 { break }
            count += got
        }
        if count > limit { return .failure(.refused(tooLarge(limit, location: location))) }
        buffer.removeLast(buffer.count - count)
        return .success(buffer)
    }

    private func tooLarge(_ limit: Int, location: SourceLocation) -> Diagnostic {
        let size = limit >= 1024 * 1024 ? "\(limit / (1024 * 1024)) MiB" : "\(limit) bytes"
        if limit <= SourceReader.textSizeLimit {
            return .error(location, "this file is larger than \(size), the most Waymark reads for a page, settings or theme file",
                          help: "split it into smaller files; if it is not text (a video or a document saved with the wrong name), give it its proper name")
        }
        return .error(location, "this file is larger than \(size), the most Waymark publishes as one file",
                      help: "make it smaller (compress the PDF, image or video), or put it on another service and link to it")
    }

    // MARK: - Explaining text problems

    private func explain(_ problem: TextDecoding.Problem, bytes: [UInt8], file: String) -> Diagnostic {
        let location = SourceLocation(file: display(file), line: TextDecoding.line(at: problem.offset, in: bytes))
        let help = SourceReader.resaveHelp(file)
        switch problem {
        case .utf16:
            return .error(location, "this file is saved as UTF-16 ('Unicode'), but Waymark reads only UTF-8 text", help: help)
        case .nul:
            return .error(location, "this file contains a NUL byte (character 0), so it is not UTF-8 text; it may be a word-processor document or a damaged copy",
                          help: help)
        case .notUTF8(let offset):
            let before = TextDecoding.textBefore(offset, in: bytes).trimmingLeadingSpaces.suffix(40)
            let spot = before.isEmpty ? "the first character of this line" : "the character after '\(before)'"
            let guess = TextDecoding.windows1252(bytes[offset]).map { " (it looks like '\($0)' saved in the older Windows-1252 encoding)" } ?? ""
            return .error(location, "this file is not saved as UTF-8 text: \(spot) is not UTF-8\(guess)", help: help)
        }
    }

    /// How to save `file` again as UTF-8 in the tools people use for it.
    static func resaveHelp(_ file: String) -> String {
        let vsCode = "in VS Code, click the encoding in the status bar → Save with Encoding → UTF-8"
        let notepad = "in Notepad, File → Save As → Encoding: UTF-8"
        if file.hasSuffix(".csv") {
            return "save it again as UTF-8: in Excel, File → Save As → \"CSV UTF-8 (Comma delimited)\"; \(notepad); \(vsCode)"
        }
        return "save it again as UTF-8: \(notepad); in Word, Save As → Plain Text → Unicode (UTF-8); \(vsCode)"
    }
}

private extension String {
    var trimmingLeadingSpaces: Substring { drop { $0 == " " || $0 == "\t" } }
}
