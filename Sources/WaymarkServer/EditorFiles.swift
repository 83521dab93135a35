/// Names that editors, office suites and file managers write next to the files people edit:
/// swap files, backups, locks and the temporary files of atomic saves. The watcher never reports
/// them, so saving `x.md` in any editor comes out as one change of `x.md`.
public enum EditorFiles {
    /// True when a file or folder called `name` is never reported: hidden names (starting with
    /// `.`, which the build skips too) and editors' own files.
    public static func isIgnored(_ name: some StringProtocol) -> Bool {
        name.hasPrefix(".") || isEditorFile(name)
    }

    /// True when `name` (the last part of a path) is an editor's swap, backup, lock or temporary
    /// file rather than something a person wrote.
    public static func isEditorFile(_ name: some StringProtocol) -> Bool {
        if exactNames.contains(String(name)) || isVimProbe(name) { return true }
        if prefixes.contains(where: { name.hasPrefix($0) }) { return true }
        if suffixes.contains(where: { name.hasSuffix($0) }) { return true }
        // Emacs auto-save `#x.md#`, LibreOffice lock `.~lock.x.odt#`.
        return name.count > 1 && name.hasPrefix("#") && name.hasSuffix("#")
            || name.hasPrefix(".~lock.") && name.hasSuffix("#")
    }

    private static let exactNames: Set<String> = [".DS_Store", "Thumbs.db", "thumbs.db", "desktop.ini"]

    private static let prefixes = [
        ".#",  // Emacs lock (a symbolic link)
        "~$",  // Microsoft Office owner file
        ".goutputstream-",  // GNOME (gedit) atomic save
    ]

    private static let suffixes = [
        "~",  // Emacs, vim (backupcopy=no), nano backups
        ".swp", ".swx", ".swo",  // vim swap files
        ".kate-swp",  // Kate swap
        ".crswap",  // Chrome's File System Access API
        ".tmp",  // many editors' atomic saves
        ".part",  // partial downloads and copies
        "___jb_tmp___", "___jb_old___",  // JetBrains safe write
    ]

    /// vim checks a folder is writable by creating `4913` (then `5036`, `5159`, … if taken).
    private static func isVimProbe(_ name: some StringProtocol) -> Bool {
        guard name.count <= 9, !name.isEmpty, name.allSatisfy(\.isASCIIDigitForProbe), let number = Int(name) else {
            return false
        }
        return number >= 4913 && (number - 4913) % 123 == 0
    }
}

private extension Character {
    var isASCIIDigitForProbe: Bool { ("0"..."9").contains(self) }
}
