import ArgumentParser
import Foundation
import WaymarkCore
import WaymarkSite

/// `waymark theme`: the theme built into Waymark.
struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "Copy the built-in theme out to change it.",
        discussion: """
        Waymark has a theme built in. A site changes it with a theme folder (./theme, or the one \
        named by --theme or 'theme:' in site.yaml): each file there replaces the built-in file of \
        the same name, and the rest come from the built-in theme.
        """,
        subcommands: [Export.self, List.self])

    /// `waymark theme export DIR [FILE…]`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the built-in theme's files into a folder.",
            discussion: """
            Writes every file, or only the FILEs named (like templates/page.mustache or \
            i18n/pl.yaml). Never overwrites: if any file is already there, nothing is written. \
            Exit status: 0 written, 1 a file exists or is not in the theme, 2 wrong usage.
            """)

        @Argument(help: "The folder to write into, such as theme (created if needed).")
        var directory: String

        @Argument(help: "Only these files of the theme (see waymark theme list).")
        var files: [String] = []

        func run() throws {
            let printer = DiagnosticPrinter { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
            switch ThemeExport.export(to: directory, only: files) {
            case .success(let written):
                print("Wrote \(counted(written.count, "file")) of the built-in theme to \(SiteBuilder.display(directory))/.")
            case .failure(let failure):
                printer.print(all: failure.diagnostics.sorted)
                throw ExitCode(1)
            }
        }
    }

    /// `waymark theme list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the built-in theme's files.")

        func run() throws {
            ThemeExport.paths.forEach { print($0) }
        }
    }
}
