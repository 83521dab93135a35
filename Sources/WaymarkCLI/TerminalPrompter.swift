import Foundation
import WaymarkScaffold

/// Asks questions at the terminal `waymark new site` runs in.
struct TerminalPrompter: LinePrompter {
    /// Only a person at a terminal is asked: a script or CI job piping input gets the defaults.
    static var isInteractive: Bool { isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0 }

    func ask(_ prompt: String) -> String? {
        FileHandle.standardOutput.write(Data(prompt.utf8))
        return readLine(strippingNewline: true)
    }

    func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
